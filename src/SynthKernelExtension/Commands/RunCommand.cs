using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SynthCore.Evaluation;
using SynthCore.Export;

namespace SynthKernelExtension.Commands;

/// <summary>
/// <c>synth run &lt;data&gt; --model gan [--rows N] [--out DIR] [--name NAME] [--json FILE] [fit options]</c>:
/// fit, sample, compare with the real table, export the synthetic CSV.
/// </summary>
internal static class RunCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string data = TableInput.DataName(parse, grammar.RunData, grammar.RunDataOption);
        string model = parse.GetValue(grammar.RunModel)!;
        var settings = FitSettingsReader.Read(parse, grammar.RunSettings);
        int? rowsOption = parse.GetValue(grammar.RunRows);
        if (rowsOption is int r) FitSettingsReader.Positive("--rows", r);
        string outDir = parse.GetValue(grammar.RunOut)!;
        string? json = parse.GetValue(grammar.RunJson);
        bool force = parse.GetValue(grammar.RunForce);
        string? into = VariableName.Checked(parse.GetValue(grammar.RunInto));
        context.Registry.Get(model);
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json");

        var (table, metadata) = TableInput.Load(context.Host, data, parse.GetValue(grammar.RunSettings.Categorical));
        string name = parse.GetValue(grammar.RunName) ?? Path.GetFileNameWithoutExtension(data);
        int rows = rowsOption ?? (int)table.Rows.Count;

        var fit = FitStep.Run(context, model, settings, table, metadata);

        var clock = Stopwatch.StartNew();
        var synthetic = fit.Model.Sample(rows, null, null);
        double sampleSeconds = clock.Elapsed.TotalSeconds;
        context.Cancellation.ThrowIfCancellationRequested();

        clock.Restart();
        var comparison = TableComparison.Compare(table, synthetic, metadata);
        double compareSeconds = clock.Elapsed.TotalSeconds;
        context.Host.Show(comparison);
        context.Cancellation.ThrowIfCancellationRequested();

        clock.Restart();
        var export = CsvExporter.ExportTimestamped(synthetic, outDir, name);
        double exportSeconds = clock.Elapsed.TotalSeconds;
        context.Host.Store(into ?? name, synthetic);
        context.Host.WriteLine(Messages.Exported(export));

        if (json is not null)
        {
            var summary = new JsonObject
            {
                ["output_csv"] = export.Path,
                ["rows"] = export.Rows,
                ["columns"] = export.Columns,
                ["bytes"] = export.Bytes,
                ["model"] = fit.Model.ModelName,
                ["seed"] = settings.Seed,
                ["input"] = data,
                ["input_rows"] = (int)table.Rows.Count,
                ["timings"] = new JsonObject
                {
                    ["fit_seconds"] = fit.Seconds,
                    ["sample_seconds"] = sampleSeconds,
                    ["compare_seconds"] = compareSeconds,
                    ["export_seconds"] = exportSeconds,
                    ["epoch_seconds"] = new JsonArray(fit.IntervalSeconds.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                },
                ["comparison"] = JsonSummary.ToNode(comparison),
            };
            JsonSummary.Write(json, summary, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }
}
