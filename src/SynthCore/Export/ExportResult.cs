namespace SynthCore.Export;

/// <summary>What an export wrote: the file, its row and column counts, and its size in bytes.</summary>
public sealed record ExportResult(string Path, long Rows, int Columns, long Bytes);
