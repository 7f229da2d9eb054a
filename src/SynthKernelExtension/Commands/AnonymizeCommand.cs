using System.CommandLine;
using System.Globalization;
using SynthCore.Data;
using SynthCore.Privacy;

namespace SynthKernelExtension.Commands;

/// <summary><c>synth anonymize &lt;data&gt; --k K --quasi a,b [--sensitive c [--l L]] [--out DIR] [--name NAME] [--json FILE]</c>.</summary>
internal static class AnonymizeCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string data = TableInput.DataName(parse, grammar.AnonymizeData, grammar.AnonymizeDataOption);
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
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json");

        var (table, metadata) = TableInput.Load(context.Host, data, parse.GetValue(grammar.AnonymizeCategorical));
        var quasi = ColumnList.Parse(parse.GetValue(grammar.AnonymizeQuasi)!, "--quasi", metadata);
        if (sensitive is not null && !metadata.Contains(sensitive))
            throw new SynthOptionException("--sensitive", $"unknown column '{sensitive}' (the table has: {string.Join(", ", metadata.Columns.Select(c => c.Name))}).");

        var result = Mondrian.Anonymize(table, metadata, quasi, k);
        var diversity = sensitive is null ? null : LDiversity.Check(result.Table, quasi, sensitive, l ?? 2);
        context.Cancellation.ThrowIfCancellationRequested();

        string path = WriteCsv(result, outDir, name);
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

    /// <summary>
    /// <c>&lt;out&gt;/&lt;name&gt;_anonymized_&lt;yyyyMMdd_HHmmss&gt;.csv</c>, with _2, _3, … if taken. CsvTable.Write writes a
    /// temporary file and moves it into place without overwriting, so nothing existing is ever replaced.
    /// </summary>
    private static string WriteCsv(KAnonymityResult result, string outDir, string name)
    {
        string directory = Path.GetFullPath(outDir);
        try { Directory.CreateDirectory(directory); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(outDir, $"cannot create the output directory: {e.Message}", e);
        }
        string stem = $"{name}_anonymized_{DateTime.Now.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}";
        for (int suffix = 1; suffix < 10_000; suffix++)
        {
            string candidate = Path.Combine(directory, suffix == 1 ? $"{stem}.csv" : $"{stem}_{suffix}.csv");
            if (File.Exists(candidate)) continue;
            try
            {
                CsvTable.Write(result.Table, candidate);
                return candidate;
            }
            catch (SynthFileException) when (File.Exists(candidate))
            {
                // Another writer took the name meanwhile: try the next one.
            }
        }
        throw new SynthFileException(Path.Combine(directory, stem + ".csv"), "too many files with this name already exist.");
    }
}
