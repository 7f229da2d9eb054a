using System.CommandLine;
using System.Globalization;
using SynthCore;
using SynthCore.Anonymization;
using SynthCore.Data;
using SynthCore.Export;

namespace SynthCommands;

/// <summary><c>synth anonymize &lt;data&gt; --k K --quasi a,b [--sensitive c [--l L]] [--out DIR] [--name NAME] [--json FILE]</c>.</summary>
internal static class AnonymizeCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string data = TableInput.DataName(context, parse, grammar.AnonymizeData, grammar.AnonymizeDataOption);
        int k = FitSettingsReader.Positive("--k", parse.GetValue(grammar.AnonymizeK));
        string? sensitive = parse.GetValue(grammar.AnonymizeSensitive);
        int? l = parse.GetValue(grammar.AnonymizeL);
        if (l is not null && sensitive is null) throw new SynthUsageException("--l needs --sensitive: name the sensitive column to check.");
        if (l is int value) FitSettingsReader.Positive("--l", value);
        string outDir = parse.GetValue(grammar.AnonymizeOut)!;
        string name = parse.GetValue(grammar.AnonymizeName) ?? Path.GetFileNameWithoutExtension(data);
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name is "." or "..")
            throw new SynthOptionException("--name", $"'{name}' is not a plain file name (no directories or path characters).");
        string? json = parse.GetValue(grammar.AnonymizeJson);
        bool force = parse.GetValue(grammar.AnonymizeForce);
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);
        OutputTarget.CheckFolder(outDir, "--out");

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(grammar.AnonymizeCategorical));
        var quasi = ColumnList.Parse(parse.GetValue(grammar.AnonymizeQuasi)!, "--quasi", metadata);
        if (sensitive is not null) ColumnList.EnsureColumn(sensitive, "--sensitive", metadata);

        var result = Mondrian.Anonymize(table, metadata, quasi, k);
        var diversity = sensitive is null ? null : LDiversity.Check(result.Table, quasi, sensitive, l ?? 2);
        context.Cancellation.ThrowIfCancellationRequested();

        string path = CsvExporter.ExportTimestamped(result.Table, outDir, name, "anonymized").Path;
        var summary = AnonymizationSummary.From(data, result, diversity, path);
        context.Host.Show(summary);
        context.Host.Store(name + "_anonymized", result.Table);
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {result.Table.Rows.Count:N0} rows x {result.Table.Columns.Count} columns to {path}."));

        if (json is not null)
        {
            JsonSummary.Write(json, JsonSummary.ToNode(summary)!.AsObject(), force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }
}
