using SynthCore.Data;

namespace SynthCommands;

/// <summary>The <c>--format csv|parquet</c> of the commands that write a table.</summary>
internal static class OutputFormat
{
    /// <exception cref="SynthCore.SynthOptionException">Neither csv nor parquet.</exception>
    public static TableFormat Read(string? value) => value is null ? TableFormat.Csv : TableFormats.Parse(value, "--format");
}
