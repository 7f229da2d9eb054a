using SynthCore.Anonymization;
using SynthCore.Export;

namespace SynthCommands;

/// <summary><c>synth anonymize &lt;data&gt; --k K --quasi a,b [--sensitive c [--l L]] [--out DIR] [--name NAME] [--json FILE]</c>.</summary>
internal sealed class AnonymizeCommand : TableCommand
{
    public AnonymizeCommand() : base("anonymize", "Make a table k-anonymous by Mondrian generalisation of its quasi-identifiers and write it as a timestamped CSV.")
    {
        DeclareOnTable(K, Quasi, Sensitive, L, Out, OutputName, Categorical, Json, Force);
    }

    internal Option<int> K { get; } = new("--k")
    {
        Description = "Every combination of generalised quasi-identifiers is shared by at least k rows.",
        Required = true,
        CustomParser = result => OptionValues.ParseWhole(result, "--k") ?? 0,
    };
    internal Option<string> Quasi { get; } = new("--quasi") { Description = "Comma-separated quasi-identifier columns to generalise.", Required = true };
    internal Option<string?> Sensitive { get; } = new("--sensitive") { Description = "A sensitive column to check distinct l-diversity on." };
    internal Option<int?> L { get; } = SharedOptions.NullableInt("--l", "The l of the l-diversity check (default 2; needs --sensitive).");
    internal Option<string> Out { get; } = new("--out")
    {
        Description = "Directory for the anonymized CSV (created if missing).",
        DefaultValueFactory = _ => "outputs",
    };
    internal Option<string?> OutputName { get; } = new("--name") { Description = "Name of the output file: <name>_anonymized_<timestamp>.csv (default: the input file's name)." };
    internal Option<string?> Categorical { get; } = SharedOptions.CategoricalOption();
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json file");

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableName(parse, context);
        int k = FitSettingsReader.Positive("--k", parse.GetValue(K));
        string? sensitive = parse.GetValue(Sensitive);
        int? l = parse.GetValue(L);
        if (l is not null && sensitive is null) throw new SynthUsageException("--l needs --sensitive: name the sensitive column to check.");
        if (l is int value) FitSettingsReader.Positive("--l", value);
        string outDir = parse.GetValue(Out)!;
        string name = parse.GetValue(OutputName) ?? Path.GetFileNameWithoutExtension(data);
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name is "." or "..")
            throw new SynthOptionException("--name", $"'{name}' is not a plain file name (no directories or path characters).");
        string? json = parse.GetValue(Json);
        bool force = parse.GetValue(Force);
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);
        OutputTarget.CheckFolder(outDir, "--out");

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(Categorical));
        var quasi = ColumnList.Parse(parse.GetValue(Quasi)!, "--quasi", metadata);
        if (sensitive is not null) ColumnList.EnsureColumn(sensitive, "--sensitive", metadata);

        var result = Mondrian.Anonymize(table, metadata, quasi, k);
        var diversity = sensitive is null ? null : LDiversity.Check(result.Table, quasi, sensitive, l ?? 2);
        context.Cancellation.ThrowIfCancellationRequested();

        string path = CsvExporter.ExportTimestamped(result.Table, outDir, name, "anonymized").Path;
        var summary = new AnonymizationSummary(data, result, diversity, path);
        context.Host.Show(summary);
        context.Host.Store(name + "_anonymized", result.Table);
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {result.Table.Rows.Count:N0} rows x {result.Table.Columns.Count} columns to {path}."));

        if (json is not null)
        {
            JsonSummary.Write(json, summary.ToJson(), force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }
}
