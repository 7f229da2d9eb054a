using SynthCore.Evaluation.Scorecards;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore;
using SynthCore.Data;
using SynthCore.Data.Sequences;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Conditions;
using SynthCore.Evaluation.Sequences;
using SynthCore.Export;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;
using SynthReports;

namespace SynthCommands;

/// <summary>
/// <c>synth run &lt;data&gt; --model gan [--rows N | --balance COLUMN [--balance-ratio R]] [--augment] [--holdout-fraction F [--target COL]] [--where COND]… [--out DIR] [--name NAME] [--json FILE] [--report FILE.html] [fit options]</c>:
/// fit, sample, compare with the real table, export the synthetic CSV (with --augment: the real rows
/// plus the synthetic ones and a 'source' column; with --balance: only the rows each class needs); with --report, the
/// evaluation's HTML report of the synthetic rows against the real table (sequence models: the sequence report); with --where, rows
/// sampled under those conditions and a report of how many meet them and how they compare with the real rows that do.
/// </summary>
internal static class RunCommand
{
    /// <summary>The share held out when <c>--target</c> asks for utility and <c>--holdout-fraction</c> is not given.</summary>
    public const double DefaultHoldoutFraction = 0.2;

    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string data = TableInput.DataName(context, parse, grammar.RunData, grammar.RunDataOption);
        string model = parse.GetValue(grammar.RunModel)!;
        var settings = FitSettingsReader.Read(parse, grammar.RunSettings);
        int? rowsOption = parse.GetValue(grammar.RunRows);
        if (rowsOption is int r) FitSettingsReader.Positive("--rows", r);
        string outDir = parse.GetValue(grammar.RunOut)!;
        string? json = parse.GetValue(grammar.RunJson);
        bool force = parse.GetValue(grammar.RunForce);
        string? into = VariableName.Checked(parse.GetValue(grammar.RunInto));
        bool augment = parse.GetValue(grammar.RunAugment);
        string? balance = parse.GetValue(grammar.RunBalance);
        double? balanceRatio = parse.GetValue(grammar.RunBalanceRatio);
        if (balance is not null && rowsOption is not null)
            throw new SynthOptionException("--balance", "decides how many rows each class gets; do not give --rows with it.");
        if (balance is null && balanceRatio is not null)
            throw new SynthOptionException("--balance-ratio", "only applies with --balance COLUMN.");
        double? holdoutFraction = parse.GetValue(grammar.RunHoldoutFraction);
        string? target = parse.GetValue(grammar.RunTarget);
        // An evaluation run holds rows out by default: utility is only honest on real rows the model never saw.
        bool defaultHoldout = target is not null && holdoutFraction is null;
        if (defaultHoldout) holdoutFraction = DefaultHoldoutFraction;
        if (holdoutFraction is not null && (augment || balance is not null))
            throw new SynthOptionException(defaultHoldout ? "--target" : "--holdout-fraction", $"{(defaultHoldout ? "holds rows out (--holdout-fraction 0.2 by default), which " : "")}does not go with {(augment ? "--augment" : "--balance")}, which build on every real row.");
        bool sequential = context.Registry.Get(model).Sequential;
        int? scoreIterations = SequenceScoring.Iterations(parse.GetValue(grammar.RunScoreIterations));
        if (scoreIterations is not null && !sequential)
            throw new SynthOptionException("--score-iterations", $"applies to sequence models (timegan, arima, ar1, block-bootstrap), not to '{model}'.");
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);
        string? report = parse.GetValue(grammar.RunReport);
        if (report is not null) SafeFile.EnsureCanWrite(report, force, "--report", data);
        if (json is not null && report is not null && Path.GetFullPath(json) == Path.GetFullPath(report))
            throw new SynthOptionException("--report", $"'{report}' is also the --json file; give two different files.");
        OutputFormat.EnsureFolder(outDir);
        OutputTarget.CheckFolder(outDir, "--out");
        string name = parse.GetValue(grammar.RunName) ?? Path.GetFileNameWithoutExtension(data);
        CsvExporter.ValidateName(name);
        var format = OutputFormat.Read(parse.GetValue(grammar.RunFormat));

        var (table, metadata, sample) = TableInput.Load(context, data, parse.GetValue(grammar.RunSettings.Categorical), parse.GetValue(grammar.RunFitRows), settings.Seed);
        if (target is not null) ColumnList.EnsureColumn(target, "--target", metadata);
        string[] clauses = parse.GetValue(grammar.RunWhere) ?? [];
        var conditions = WhereParser.Parse(clauses, metadata);
        if (conditions is not null && balance is not null)
            throw new SynthOptionException("--where", "does not go with --balance, which sets the conditions itself (one class at a time).");
        if (conditions is not null && context.Registry.Get(model).Sequential)
            throw new SynthOptionException("--where", $"does not apply to the sequence model '{model}': it generates whole sequences, not rows to condition.");
        DataFrame? holdout = null;
        if (holdoutFraction is double share)
        {
            if (context.Registry.Get(model).Sequential)
                throw new SynthOptionException(defaultHoldout ? "--target" : "--holdout-fraction", $"does not apply to the sequence model '{model}': holding out rows would cut its sequences.");
            int all = (int)table.Rows.Count;
            (table, holdout) = SynthCore.Data.HoldoutSplit.Split(table, share, settings.Seed, "--holdout-fraction");
            context.Host.WriteLine($"Held out {holdout.Rows.Count:N0} of {all:N0} rows (seed {settings.Seed}{(defaultHoldout ? $"; --holdout-fraction {DefaultHoldoutFraction} by default with --target" : "")}); the model is fitted on the other {table.Rows.Count:N0}.");
        }
        // Before the fit: a category the table lacks, or a range outside its values, fails now rather than after a long fit.
        if (conditions is not null)
        {
            try { ConditionResolver.Resolve(conditions, metadata, ConditionDomain.FromTable(table, metadata)); }
            catch (SynthColumnException e) { throw new SynthOptionException("--where", e.Message); }
        }
        int rows = rowsOption ?? (int)table.Rows.Count;
        EnsureFits(rows, augment, balance is null ? "--rows" : "--balance", table, outDir);

        var fit = FitStep.Run(context, model, settings, table, metadata);

        // Sequence models: --rows counts sequences (default: as many as the table's windows), the output is the long
        // table (sequence_id, step, features), and the comparison is per feature plus autocorrelation.
        var sequences = fit.Model as IFittedSequenceSynthesizer;
        if (sequences is not null && (augment || balance is not null))
            throw new SynthOptionException(augment ? "--augment" : "--balance", $"does not apply to the sequence model '{model}' (it generates whole sequences, not rows of the table).");
        var realData = sequences is null ? null : SequenceData.FromTable(table, metadata, sequences.DataOptions);
        if (realData is not null)
        {
            rows = rowsOption ?? realData.WindowCount;
            // The fit told us how long a sequence is: the long table has a row per step, which the check before the fit could not count.
            SynthCore.Resources.ResourceGuard.Current.EnsureSequencesFitMemory("--rows", rows, realData.Options.SequenceLength, realData.FeatureNames.Count + 2);
        }
        if (realData is not null && augment)
            throw new SynthOptionException("--augment", $"does not apply to the sequence model '{model}': its rows are sequences, not rows of the input table.");

        var clock = Stopwatch.StartNew();
        BalanceResult? balanced = null;
        if (balance is not null)
        {
            if (sequences is not null)
                throw new SynthOptionException("--balance", $"does not apply to the sequence model '{model}'.");
            balanced = Balancer.Balance(fit.Model, table, balance, balanceRatio ?? 1.0, settings.Seed);
            context.Host.WriteLine(Messages.Balanced(balance, balanced));
        }
        // TimeGAN with static columns: each sequence's static values too, written beside the features on every step.
        var withStatic = sequences is SynthCore.Synthesizers.Sequential.FittedTimeGan { Static: not null } timeGan ? timeGan.SampleWithStatic(rows) : default;
        double[][][]? syntheticSequences = withStatic.Sequences ?? sequences?.SampleSequences(rows);
        var synthetic = syntheticSequences is not null
            ? SequenceTable.ToLong(syntheticSequences, sequences!.FeatureNames, realData?.Static, withStatic.Static)
            : balanced?.Synthetic ?? WhereParser.Sample(fit.Model, rows, conditions, null);
        double sampleSeconds = clock.Elapsed.TotalSeconds;
        context.Cancellation.ThrowIfCancellationRequested();
        FitStep.WriteInterpolation(context, fit.Model);

        clock.Restart();
        // Balancing an already balanced column generates nothing, and there is nothing to compare.
        object? comparison = realData is not null
            ? SequenceScoring.Compare(context, realData.RawWindows(), syntheticSequences!, sequences!.FeatureNames, settings.Seed, scoreIterations)
            : synthetic.Rows.Count > 0 ? TableComparison.Compare(table, synthetic, metadata, context.Cancellation) : null;
        if (comparison is SequenceComparison sequenceComparison && realData!.Static is not null && withStatic.Static is not null)
            comparison = sequenceComparison with
            {
                Static = StaticComparison.Compare(realData.Static, realData.RawWindows(), realData.WindowStaticValues()!, syntheticSequences!, withStatic.Static),
            };
        double compareSeconds = clock.Elapsed.TotalSeconds;
        if (comparison is not null) context.Host.Show(comparison);
        // Against the real rows that meet the same conditions (the comparison above is against all of them).
        var conditionReport = conditions is null ? null : ConditionReport.Measure(synthetic, conditions, metadata, table);
        if (conditionReport is not null) context.Host.WriteLine(ConditionRendering.Text(conditionReport, clauses));
        context.Cancellation.ThrowIfCancellationRequested();

        clock.Restart();
        // Boolean columns go out spelled as they were read ("yes"/"no" stays yes/no).
        var output = ColumnSpellings.Apply(augment ? AugmentedTable.Create(table, synthetic) : synthetic, metadata);
        var export = CsvExporter.ExportTimestamped(output, outDir, name, format: format);
        double exportSeconds = clock.Elapsed.TotalSeconds;
        context.Host.Store(into ?? name, output);
        context.Host.WriteLine(Messages.Exported(export));

        // Ctrl+C while the report is built: the CSV just exported goes too, so "no output files were written" holds.
        TableEvaluation? evaluation = null;
        try
        {
            string syntheticName = Path.GetFileName(export.Path);
            if (holdout is not null && synthetic.Rows.Count > 0)
            {
                // Against the rows the model was fitted on, with utility and privacy measured on the held-out ones.
                evaluation = Evaluator.Evaluate(data, table, syntheticName, synthetic, metadata,
                    target is null ? null : new SynthCore.Evaluation.Utility.UtilityOptions(target) { Seed = settings.Seed }, context.Cancellation,
                    new SynthCore.Evaluation.Detection.DetectionOptions { Seed = settings.Seed }, holdout);
                context.Host.Show(evaluation);
            }
            if (report is not null)
            {
                string? html = realData is not null
                    ? SequenceHtmlReport.Render(data, syntheticName, fit.Model.ModelName, realData.RawWindows(), syntheticSequences!,
                        sequences!.FeatureNames, (SequenceComparison)comparison!, fit.Losses)
                    : synthetic.Rows.Count > 0
                        ? EvaluationHtmlReport.Render(evaluation ?? Evaluator.Evaluate(data, table, syntheticName, synthetic, metadata, null, context.Cancellation), fit.Losses)
                        : null;
                context.Cancellation.ThrowIfCancellationRequested();
                if (html is null)
                {
                    context.Host.WriteLine($"No report written to {report}: no synthetic rows were generated, so there is nothing to compare.");
                }
                else
                {
                    SafeFile.Write(report, force, "--report", stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(html)));
                    context.Host.WriteLine($"Wrote {report}");
                }
            }
        }
        catch (OperationCanceledException)
        {
            File.Delete(export.Path);
            throw;
        }

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
                ["fit_rows"] = TableInput.Json(sample),
                ["synthetic_rows"] = (int)synthetic.Rows.Count,
                ["augmented"] = augment,
                ["sequences"] = syntheticSequences?.Length,
                ["timings"] = new JsonObject
                {
                    ["fit_seconds"] = fit.Seconds,
                    ["sample_seconds"] = sampleSeconds,
                    ["compare_seconds"] = compareSeconds,
                    ["export_seconds"] = exportSeconds,
                    ["epoch_seconds"] = new JsonArray(fit.IntervalSeconds.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                },
                ["comparison"] = comparison switch
                {
                    null => null,
                    SequenceComparison c => JsonSummary.ToFiniteNode(c),
                    _ => JsonSummary.ToNode(comparison),
                },
                ["latent"] = fit.Latent is null ? null : JsonSummary.ToFiniteNode(fit.Latent),
                ["privacy"] = PrivacyReleaseTable.Of(fit.Model) is { } account ? PrivacyReleaseTable.Json(account) : null,
                ["holdout_rows"] = holdout is null ? null : (int)holdout.Rows.Count,
                ["evaluation"] = evaluation is null ? null : EvaluationJson.From(evaluation),
                ["conditions"] = conditionReport is null ? null : ConditionRendering.Json(conditionReport, clauses),
            };
            if (balanced is not null)
                summary["balance"] = new JsonObject
                {
                    ["column"] = balance,
                    ["real_counts"] = new JsonObject(balanced.RealCounts.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                    ["added"] = new JsonObject(balanced.Added.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                };
            JsonSummary.Write(json, summary, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// Before the fit: the synthetic rows (with --augment, the real ones too) must fit in memory, their comparison
    /// with the real table too, and their CSV on the disk. (Sequence models count --rows in sequences, checked here as
    /// rows and again after the fit as steps of the long table.)
    /// </summary>
    private static void EnsureFits(int rows, bool augment, string option, Microsoft.Data.Analysis.DataFrame table, string outDir)
    {
        var guard = SynthCore.Resources.ResourceGuard.Current;
        int columns = table.Columns.Count;
        long output = augment ? rows + table.Rows.Count : rows;
        guard.EnsureRowsFitMemory(option, output, columns);
        guard.EnsureComparisonFits("Comparing", Math.Max(rows, table.Rows.Count), columns);
        guard.EnsureRowsFitDisk(option, output, CsvTableWriter.BytesPerRow(table.Head((int)Math.Min(100, table.Rows.Count))), outDir);
    }
}
