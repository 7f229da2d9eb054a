using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SynthCore.Export;

namespace SynthKernelExtension.Commands;

/// <summary><c>synth sample &lt;model&gt; --rows N [--seed S] [--out DIR] [--name NAME] [--json FILE]</c>.</summary>
internal static class SampleCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string modelName = parse.GetValue(grammar.SampleModel)!;
        int rows = FitSettingsReader.Positive("--rows", parse.GetValue(grammar.SampleRows));
        int? seed = parse.GetValue(grammar.SampleSeed);
        if (seed < 0) throw new SynthCore.Data.SynthOptionException("--seed", $"must be 0 or more, got {seed}.");
        string outDir = parse.GetValue(grammar.SampleOut)!;
        string name = parse.GetValue(grammar.SampleName) ?? Path.GetFileNameWithoutExtension(modelName);
        string? json = parse.GetValue(grammar.SampleJson);
        bool force = parse.GetValue(grammar.SampleForce);
        string? into = VariableName.Checked(parse.GetValue(grammar.SampleInto));
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json");

        var model = context.Host.ResolveModel(modelName, context.Registry);
        context.Cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var table = model.Sample(rows, null, seed);
        double sampleSeconds = clock.Elapsed.TotalSeconds;
        context.Cancellation.ThrowIfCancellationRequested();

        var export = CsvExporter.ExportTimestamped(table, outDir, name);
        context.Host.Store(into ?? name, table);
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
