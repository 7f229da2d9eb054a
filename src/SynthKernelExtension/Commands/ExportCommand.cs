using System.CommandLine;
using SynthCore.Export;

namespace SynthKernelExtension.Commands;

/// <summary>
/// <c>synth export &lt;table&gt; [--out DIR] [--name NAME]</c>: writes a table (a notebook DataFrame variable, or a CSV file
/// on the console) as <c>DIR/&lt;name&gt;_synthetic_&lt;yyyyMMdd_HHmmss&gt;.csv</c> through <see cref="CsvExporter"/>:
/// atomic, and never replacing a file (<c>_2</c>, <c>_3</c>, … are appended).
/// </summary>
internal static class ExportCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string data = parse.GetValue(grammar.ExportData)!;
        string outDir = parse.GetValue(grammar.ExportOut)!;
        string name = parse.GetValue(grammar.ExportName) ?? Path.GetFileNameWithoutExtension(data);
        var table = context.Host.ResolveTable(data);
        if (table.Columns.Count == 0) throw new SynthCore.Data.SynthException($"{data}: the table has no columns.");
        context.Cancellation.ThrowIfCancellationRequested();
        var export = CsvExporter.ExportTimestamped(table, outDir, name);
        context.Host.WriteLine(Messages.Exported(export));
        return ExitCodes.Success;
    }
}
