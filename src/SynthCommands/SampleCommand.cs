using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SynthCore.Evaluation.Conditions;
using SynthCore.Export;
using SynthCore.Synthesizers;

namespace SynthCommands;

/// <summary><c>synth sample &lt;model&gt; --rows N [--seed S] [--where COND]… [--out DIR] [--name NAME] [--json FILE]</c>.</summary>
internal static class SampleCommand
{
    /// <summary>Above this many rows, rows are sampled and written a chunk at a time.</summary>
    internal const int ChunkRows = 100_000;

    /// <summary>
    /// Before sampling: a chunk (or all the rows, when fewer) must fit in memory, and all the rows' CSV on the disk, measured
    /// on a few sampled rows (sampled under the --where conditions, so the model refuses a value it never saw here).
    /// </summary>
    private static void EnsureFits(SynthCore.Synthesizers.IFittedSynthesizer model, int rows, int? seed, string outDir, SampleConditions? conditions)
    {
        var guard = SynthCore.Resources.ResourceGuard.Current;
        guard.EnsureRowsFitMemory("--rows", Math.Min(rows, ChunkRows), model.Metadata.Columns.Count);
        var probe = WhereParser.Sample(model, Math.Min(rows, 100), conditions, seed);
        guard.EnsureRowsFitDisk("--rows", rows, SynthCore.Data.CsvTableWriter.BytesPerRow(probe), outDir);
    }

    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string modelName = parse.GetValue(grammar.SampleModel)!;
        int rows = FitSettingsReader.Positive("--rows", parse.GetValue(grammar.SampleRows));
        int? seed = parse.GetValue(grammar.SampleSeed);
        if (seed < 0) throw new SynthCore.SynthOptionException("--seed", $"must be 0 or more, got {seed}.");
        string outDir = parse.GetValue(grammar.SampleOut)!;
        string name = parse.GetValue(grammar.SampleName) ?? Path.GetFileNameWithoutExtension(modelName);
        string? json = parse.GetValue(grammar.SampleJson);
        bool force = parse.GetValue(grammar.SampleForce);
        string? into = VariableName.Checked(parse.GetValue(grammar.SampleInto));
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", modelName);
        SynthCore.Data.OutputTarget.CheckFolder(outDir, "--out");
        CsvExporter.ValidateName(name);

        var model = context.Host.ResolveModel(modelName, context.Registry);
        string[] clauses = parse.GetValue(grammar.SampleWhere) ?? [];
        var conditions = WhereParser.Parse(clauses, model.Metadata);
        EnsureFits(model, rows, seed, outDir, conditions);
        context.Cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        ExportResult export;
        ConditionReport? report = null;
        if (rows <= ChunkRows)
        {
            var table = SynthCore.Data.ColumnSpellings.Apply(WhereParser.Sample(model, rows, conditions, seed), model.Metadata);
            context.Cancellation.ThrowIfCancellationRequested();
            export = CsvExporter.ExportTimestamped(table, outDir, name);
            context.Host.Store(into ?? name, table);
            if (conditions is not null) report = ConditionReport.Measure(table, conditions, model.Metadata);
        }
        else
        {
            int meeting = 0;
            var chunks = ChunkedSampling.Chunks(model, rows, ChunkRows, seed, context.Cancellation, conditions)
                .Select(chunk =>
                {
                    if (conditions is not null) meeting += ConditionReport.CountMeeting(chunk, conditions, model.Metadata);
                    return SynthCore.Data.ColumnSpellings.Apply(chunk, model.Metadata);
                });
            export = CsvExporter.ExportTimestamped(chunks, outDir, name);
            context.Host.WriteLine($"Streamed {rows:N0} rows to the file in chunks of {ChunkRows:N0}; they are not kept in memory.");
            if (conditions is not null) report = new ConditionReport(rows, meeting, null, null, []);
        }
        double sampleSeconds = clock.Elapsed.TotalSeconds;
        context.Host.WriteLine(Messages.Exported(export));
        // No real table here: the share of rows meeting the conditions; run --where also compares them with the real rows that do.
        if (report is not null) context.Host.WriteLine(ConditionRendering.Text(report, clauses));

        if (json is not null)
        {
            var summary = new JsonObject
            {
                ["output_csv"] = export.Path,
                ["rows"] = export.Rows,
                ["columns"] = export.Columns,
                ["bytes"] = export.Bytes,
                ["model"] = model.ModelName,
                ["seed"] = seed,
                ["timings"] = new JsonObject { ["sample_seconds"] = sampleSeconds },
                ["conditions"] = report is null ? null : ConditionRendering.Json(report, clauses),
            };
            JsonSummary.Write(json, summary, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }
}
