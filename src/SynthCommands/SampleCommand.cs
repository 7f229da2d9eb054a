using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SynthCore.Export;

namespace SynthCommands;

/// <summary><c>synth sample &lt;model&gt; --rows N [--seed S] [--out DIR] [--name NAME] [--json FILE]</c>.</summary>
internal static class SampleCommand
{
    /// <summary>Above this many rows, rows are sampled and written a chunk at a time.</summary>
    internal const int ChunkRows = 100_000;

    /// <summary>Before sampling: a chunk (or all the rows, when fewer) must fit in memory, and all the rows' CSV on the disk, measured on a few sampled rows.</summary>
    private static void EnsureFits(SynthCore.Synthesizers.IFittedSynthesizer model, int rows, int? seed, string outDir)
    {
        var guard = SynthCore.Resources.ResourceGuard.Current;
        guard.EnsureRowsFitMemory("--rows", Math.Min(rows, ChunkRows), model.Metadata.Columns.Count);
        var probe = model.Sample(Math.Min(rows, 100), null, seed);
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
        EnsureFits(model, rows, seed, outDir);
        context.Cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        ExportResult export;
        if (rows <= ChunkRows)
        {
            var table = SynthCore.Data.ColumnSpellings.Apply(model.Sample(rows, null, seed), model.Metadata);
            context.Cancellation.ThrowIfCancellationRequested();
            export = CsvExporter.ExportTimestamped(table, outDir, name);
            context.Host.Store(into ?? name, table);
        }
        else
        {
            export = CsvExporter.ExportTimestamped(SynthCore.Synthesizers.ChunkedSampling.Chunks(model, rows, ChunkRows, seed, context.Cancellation), outDir, name);
            context.Host.WriteLine($"Streamed {rows:N0} rows to the file in chunks of {ChunkRows:N0}; they are not kept in memory.");
        }
        double sampleSeconds = clock.Elapsed.TotalSeconds;
        context.Host.WriteLine(Messages.Exported(export));

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
            };
            JsonSummary.Write(json, summary, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }
}
