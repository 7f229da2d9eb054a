namespace SynthCore.Data;

/// <summary>One CSV record: the line it starts on, its fields, and which fields were quoted.</summary>
internal sealed record CsvRecord(int Line, string[] Fields, bool[] Quoted);

/// <summary>Splits a stream of CSV text into records, with errors naming the file, line and column.</summary>
internal interface ICsvRecordReader
{
    /// <summary>Column names, once known, so errors can name the column instead of a field number.</summary>
    string[]? Header { get; set; }

    IEnumerable<CsvRecord> Records();
}
