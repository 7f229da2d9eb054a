using System.CommandLine;
using SynthCore.Export;

namespace SynthCommands;

/// <summary>
/// <c>synth export &lt;table&gt; [--out DIR] [--name NAME] [--format csv|parquet]</c>: writes a table (a notebook DataFrame variable,
/// or a CSV or Parquet file on the console) as <c>DIR/&lt;name&gt;_synthetic_&lt;yyyyMMdd_HHmmss&gt;.csv</c> (or .parquet) through <see cref="CsvExporter"/>:
/// atomic, and never replacing a file (<c>_2</c>, <c>_3</c>, … are appended).
/// </summary>
internal static partial class ExportCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string data = TableInput.DataName(context, parse, grammar.ExportData, option: null);
        string outDir = parse.GetValue(grammar.ExportOut)!;
        string name = parse.GetValue(grammar.ExportName) ?? DefaultName(data);
        OutputFormat.EnsureFolder(outDir);
        SynthCore.Data.OutputTarget.CheckFolder(outDir, "--out");
        CsvExporter.ValidateName(name);
        var format = OutputFormat.Read(parse.GetValue(grammar.ExportFormat));
        var table = context.ResolveTable(data);
        if (table.Columns.Count == 0) throw new SynthCore.SynthException($"{data}: the table has no columns.");
        context.Cancellation.ThrowIfCancellationRequested();
        var export = CsvExporter.ExportTimestamped(table, outDir, name, format: format);
        context.Host.WriteLine(Messages.Exported(export));
        return ExitCodes.Success;
    }

    /// <summary>The file or variable name without an earlier export's stamp, so exporting an export gives <c>x_synthetic_…</c>, not <c>x_synthetic_…_synthetic_…</c>.</summary>
    internal static string DefaultName(string data)
    {
        string name = Path.GetFileNameWithoutExtension(data);
        string bare = EarlierStamp().Replace(name, "");
        return bare.Length > 0 ? bare : name;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"_(synthetic|forecast)_\d{8}_\d{6}(_\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex EarlierStamp();
}
