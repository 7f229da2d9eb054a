using SynthCore.Export;

namespace SynthCommands;

/// <summary>
/// <c>synth export &lt;table&gt; [--out DIR] [--name NAME] [--format csv|parquet]</c>: writes a table (a notebook DataFrame variable,
/// or a CSV or Parquet file on the console) as <c>DIR/&lt;name&gt;_synthetic_&lt;yyyyMMdd_HHmmss&gt;.csv</c> (or .parquet) through <see cref="CsvExporter"/>:
/// atomic, and never replacing a file (<c>_2</c>, <c>_3</c>, … are appended).
/// </summary>
internal sealed partial class ExportCommand : SynthCommand
{
    public ExportCommand() : base("export", "Write a table as a timestamped CSV file (never replacing one).")
    {
        Declare(Data, Out, OutputName, Format);
        SharedOptions.AddSourceOptions(this);
    }

    internal Argument<string?> Data { get; } = new("table") { Description = "The table: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook); or give it with --from and --query.", Arity = ArgumentArity.ZeroOrOne };
    internal Option<string> Out { get; } = new("--out")
    {
        Description = "Directory for the CSV (created if missing).",
        DefaultValueFactory = _ => "outputs",
    };
    internal Option<string?> OutputName { get; } = new("--name") { Description = "Name of the output file: <name>_synthetic_<timestamp>.csv (default: the table's name)." };
    internal Option<string?> Format { get; } = SharedOptions.FormatOption();

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableInput.DataName(context, parse, Data, option: null);
        string outDir = parse.GetValue(Out)!;
        string name = parse.GetValue(OutputName) ?? DefaultName(data);
        OutputFormat.EnsureFolder(outDir);
        OutputTarget.CheckFolder(outDir, "--out");
        CsvExporter.ValidateName(name);
        var format = OutputFormat.Read(parse.GetValue(Format));
        var table = context.ResolveTable(data);
        if (table.Columns.Count == 0) throw new SynthException($"{data}: the table has no columns.");
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
