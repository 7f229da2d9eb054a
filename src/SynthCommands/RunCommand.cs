using SynthCore.Evaluation.Scorecards;
using SynthCore.Export;
using SynthCore.Registry;
using SynthReports;

namespace SynthCommands;

/// <summary>
/// <c>synth run &lt;data&gt; --model gan [--rows N | --balance COLUMN [--balance-ratio R]] [--augment] [--holdout-fraction F [--target COL]] [--where COND]… [--out DIR] [--name NAME] [--json FILE] [--report FILE.html] [fit options]</c>:
/// fit, sample, compare with the real table, export the synthetic CSV (with --augment: the real rows
/// plus the synthetic ones and a 'source' column; with --balance: only the rows each class needs); with --report, the
/// evaluation's HTML report of the synthetic rows against the real table (sequence models: the sequence report); with --where, rows
/// sampled under those conditions and a report of how many meet them and how they compare with the real rows that do.
/// The steps themselves are <see cref="SynthesisRun"/>'s; this reads the options, and renders and writes around it.
/// </summary>
internal sealed class RunCommand : TableCommand
{
    public RunCommand() : base("run", "Fit, sample, compare with the real table, and export the synthetic CSV in one go.")
    {
        DeclareOnTable(Model, Rows, Out, OutputName, Format, Json, Report, Force, Augment, Balance, BalanceRatio, HoldoutFraction, Target, Where, ScoreIterations, Into, FitRows);
        Settings.AddTo(this);
    }

    internal Option<string> Model { get; } = SharedOptions.ModelName();
    internal Option<int?> Rows { get; } = SharedOptions.NullableInt("--rows", "Rows to generate (default: as many as the input).");
    internal Option<string> Out { get; } = SharedOptions.OutDirOption();
    internal Option<string?> OutputName { get; } = SharedOptions.NameOption("the input file's name");
    internal Option<string?> Format { get; } = SharedOptions.FormatOption();
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<string?> Report { get; } = new("--report")
    {
        Description = "Also write a self-contained HTML report of the synthetic table against the real one to this file (as 'synth evaluate --report'; for sequence models, sequence charts and statistics).",
    };
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json or --report file");
    internal FitSettingsOptions Settings { get; } = new();
    internal Option<int?> FitRows { get; } = SharedOptions.FitRowsOption();
    internal Option<string?> Into { get; } = SharedOptions.IntoOption("exported DataFrame (with --augment, real and synthetic rows)", "--name");
    internal Option<bool> Augment { get; } = new("--augment")
    {
        Description = "Export the real rows followed by the synthetic rows, with a 'source' column (real / synthetic).",
    };
    internal Option<string?> Balance { get; } = new("--balance")
    {
        Description = "Instead of --rows, generate for each class of this categorical column just enough rows (by conditional sampling) for it to reach --balance-ratio times the largest class.",
    };
    internal Option<double?> BalanceRatio { get; } = new("--balance-ratio")
    {
        Description = "With --balance: the share of the largest class every class is topped up to (default 1 = equal classes).",
        CustomParser = result => OptionValues.ParseNumber(result, "--balance-ratio"),
    };
    internal Option<double?> HoldoutFraction { get; } = new("--holdout-fraction")
    {
        Description = "Hold this share of the rows out before fitting (seeded by --seed): the model sees the rest, and the run then evaluates the synthetic rows against them, with privacy (DCR share, copies, membership attack) and --target's utility measured on the held-out rows.",
        CustomParser = result => OptionValues.ParseNumber(result, "--holdout-fraction"),
    };
    internal Option<string[]> Where { get; } = SharedOptions.WhereOption();
    internal Option<int?> ScoreIterations { get; } = SharedOptions.ScoreIterationsOption();
    internal Option<string?> Target { get; } = new("--target")
    {
        Description = "A column to predict; models trained on the synthetic rows and on the real training rows are both tested on the held-out rows (--holdout-fraction, 0.2 by default with --target).",
    };

    /// <summary>The share held out when <c>--target</c> asks for utility and <c>--holdout-fraction</c> is not given.</summary>
    public const double DefaultHoldoutFraction = 0.2;

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableName(parse, context);
        string model = parse.GetValue(Model)!;
        var settings = FitSettingsReader.Read(parse, Settings);
        int? rowsOption = parse.GetValue(Rows);
        if (rowsOption is int r) FitSettingsReader.Positive("--rows", r);
        string outDir = parse.GetValue(Out)!;
        string? json = parse.GetValue(Json);
        bool force = parse.GetValue(Force);
        string? into = VariableName.Checked(parse.GetValue(Into));
        bool augment = parse.GetValue(Augment);
        string? balance = parse.GetValue(Balance);
        double? balanceRatio = parse.GetValue(BalanceRatio);
        if (balance is not null && rowsOption is not null)
            throw new SynthOptionException("--balance", "decides how many rows each class gets; do not give --rows with it.");
        if (balance is null && balanceRatio is not null)
            throw new SynthOptionException("--balance-ratio", "only applies with --balance COLUMN.");
        double? holdoutFraction = parse.GetValue(HoldoutFraction);
        string? target = parse.GetValue(Target);
        // An evaluation run holds rows out by default: utility is only honest on real rows the model never saw.
        bool defaultHoldout = target is not null && holdoutFraction is null;
        if (defaultHoldout) holdoutFraction = DefaultHoldoutFraction;
        if (holdoutFraction is not null && (augment || balance is not null))
            throw new SynthOptionException(defaultHoldout ? "--target" : "--holdout-fraction", $"{(defaultHoldout ? "holds rows out (--holdout-fraction 0.2 by default), which " : "")}does not go with {(augment ? "--augment" : "--balance")}, which build on every real row.");
        bool sequential = context.Registry.Get(model).Sequential;
        int? scoreIterations = SequenceScoring.Iterations(parse.GetValue(ScoreIterations));
        if (scoreIterations is not null && !sequential)
            throw new SynthOptionException("--score-iterations", $"applies to sequence models (timegan, arima, ar1, block-bootstrap), not to '{model}'.");
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);
        string? report = parse.GetValue(Report);
        if (report is not null) SafeFile.EnsureCanWrite(report, force, "--report", data);
        if (json is not null && report is not null && Path.GetFullPath(json) == Path.GetFullPath(report))
            throw new SynthOptionException("--report", $"'{report}' is also the --json file; give two different files.");
        OutputFormat.EnsureFolder(outDir);
        OutputTarget.CheckFolder(outDir, "--out");
        string name = parse.GetValue(OutputName) ?? Path.GetFileNameWithoutExtension(data);
        CsvExporter.ValidateName(name);
        var format = OutputFormat.Read(parse.GetValue(Format));

        var (table, metadata, sample) = TableInput.Load(context, data, parse.GetValue(Settings.Categorical), parse.GetValue(FitRows), settings.Seed);
        if (target is not null) ColumnList.EnsureColumn(target, "--target", metadata);
        string[] clauses = parse.GetValue(Where) ?? [];
        var conditions = WhereParser.Parse(clauses, metadata);
        if (conditions is not null && balance is not null)
            throw new SynthOptionException("--where", "does not go with --balance, which sets the conditions itself (one class at a time).");
        if (conditions is not null && sequential)
            throw new SynthOptionException("--where", $"does not apply to the sequence model '{model}': it generates whole sequences, not rows to condition.");
        if (holdoutFraction is not null && sequential)
            throw new SynthOptionException(defaultHoldout ? "--target" : "--holdout-fraction", $"does not apply to the sequence model '{model}': holding out rows would cut its sequences.");
        if (sequential && (augment || balance is not null))
            throw new SynthOptionException(augment ? "--augment" : "--balance", $"does not apply to the sequence model '{model}' (it generates whole sequences, not rows of the table).");

        var plan = new RunPlan(data, model, rowsOption, outDir, name, format, into, json, report, force, augment, balance, balanceRatio,
            holdoutFraction, defaultHoldout, target, conditions, clauses, scoreIterations);
        var record = RunThrough(context, plan, settings, table, metadata);
        Finish(context, plan, settings, record, sample);
        return ExitCodes.Success;
    }

    /// <summary>What the JSON summary and the report need: the run's result, and what the command's steps made around it.</summary>
    private sealed record RunRecord(SynthesisResult Result, FitOutcome Fit, ExportResult Export, double ExportSeconds, string? Html);

    /// <summary>
    /// The <see cref="SynthesisRun"/>, with <see cref="RunSteps"/> saying and writing what happens between its steps, and the
    /// HTML report (a sequence model's: the sequence report) rendered before anything else is written.
    /// </summary>
    private static RunRecord RunThrough(CommandContext context, RunPlan plan, SynthesizerSettings settings, DataFrame table, TableMetadata metadata)
    {
        var steps = new RunSteps(context, plan, settings, metadata, (int)table.Rows.Count);
        var run = new SynthesisRun(plan.Model, settings, new SynthesisRunOptions
        {
            Rows = plan.Rows,
            HoldoutFraction = plan.HoldoutFraction,
            Target = plan.Target,
            Conditions = plan.Conditions,
            Balance = plan.Balance,
            BalanceRatio = plan.BalanceRatio ?? 1.0,
            ScoreIterations = plan.ScoreIterations,
            // Only with a holdout: utility and privacy are only honest on real rows the model never saw.
            Evaluate = plan.HoldoutFraction is not null,
            RealName = plan.Data,
            RowsOption = "--rows",
            HoldoutOption = "--holdout-fraction",
            ConditionsOption = WhereParser.Option,
        }, context.Registry);
        // Ctrl+C while the evaluation or the report is built: the file just exported goes too, so "no output files were written" holds.
        try
        {
            var result = run.Execute(table, metadata, steps.Timeline, context.Cancellation, steps);
            var export = steps.Export!;
            string syntheticName = Path.GetFileName(export.Path);
            string? html = plan.Report is null ? null
                : result.Sequences is { } sequences
                    ? SequenceHtmlReport.Render(plan.Data, syntheticName, result.Model.ModelName, sequences.Real.RawWindows(), sequences.Synthetic,
                        sequences.Features, sequences.Comparison!, steps.Fit!.Losses)
                    : result.Samples.Rows.Count > 0
                        ? EvaluationHtmlReport.Render(result.Evaluation ?? Evaluator.Evaluate(plan.Data, result.Training, syntheticName, result.Samples, metadata, null, context.Cancellation),
                            steps.Fit!.Losses)
                        : null;
            context.Cancellation.ThrowIfCancellationRequested();
            return new RunRecord(result, steps.Fit!, export, steps.ExportSeconds, html);
        }
        catch (OperationCanceledException)
        {
            if (steps.Export is not null) File.Delete(steps.Export.Path);
            throw;
        }
    }

    /// <summary>Writes the run's output (booleans spelled as they were read), keeps it as the notebook variable, and says where it went.</summary>
    internal static ExportResult Export(CommandContext context, RunPlan plan, DataFrame output)
    {
        var export = CsvExporter.ExportTimestamped(output, plan.OutDir, plan.Name, format: plan.Format);
        context.Host.Store(plan.Into ?? plan.Name, output);
        context.Host.WriteLine(Messages.Exported(export));
        return export;
    }

    /// <summary>The HTML report and the JSON summary, once the run's file is written.</summary>
    private static void Finish(CommandContext context, RunPlan plan, SynthesizerSettings settings, RunRecord run, FitRowsSample? sample)
    {
        if (plan.Report is not null)
        {
            if (run.Html is null)
            {
                context.Host.WriteLine($"No report written to {plan.Report}: no synthetic rows were generated, so there is nothing to compare.");
            }
            else
            {
                SafeFile.Write(plan.Report, plan.Force, "--report", stream => stream.Write(Encoding.UTF8.GetBytes(run.Html)));
                context.Host.WriteLine($"Wrote {plan.Report}");
            }
        }
        if (plan.Json is null) return;
        var result = run.Result;
        var summary = JsonSummary.OfExport(run.Export, new JsonObject
        {
            ["model"] = run.Fit.Model.ModelName,
            ["seed"] = settings.Seed,
            ["input"] = plan.Data,
            ["input_rows"] = (int)result.Training.Rows.Count,
            ["fit_rows"] = TableInput.Json(sample),
            ["synthetic_rows"] = (int)result.Samples.Rows.Count,
            ["augmented"] = plan.Augment,
            ["sequences"] = result.Sequences?.Synthetic.Length,
            ["timings"] = new JsonObject
            {
                ["fit_seconds"] = run.Fit.Seconds,
                ["sample_seconds"] = result.SampleTime.TotalSeconds,
                ["compare_seconds"] = result.CompareTime.TotalSeconds,
                ["export_seconds"] = run.ExportSeconds,
                ["epoch_seconds"] = new JsonArray(run.Fit.IntervalSeconds.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            },
            ["comparison"] = result.Sequences?.Comparison is { } sequenceComparison ? JsonSummary.ToFiniteNode(sequenceComparison)
                : result.Comparison is null ? null : JsonSummary.ToNode(result.Comparison),
            ["latent"] = run.Fit.Latent is null ? null : JsonSummary.ToFiniteNode(run.Fit.Latent),
            ["privacy"] = PrivacyReleaseTable.Of(run.Fit.Model) is { } account ? PrivacyReleaseTable.Json(account) : null,
            ["holdout_rows"] = result.Holdout is null ? null : (int)result.Holdout.Rows.Count,
            ["evaluation"] = result.Evaluation is null ? null : EvaluationJson.From(result.Evaluation),
            ["conditions"] = result.Conditions is null ? null : ConditionRendering.Json(result.Conditions, plan.Clauses),
        });
        if (result.Balanced is not null)
            summary["balance"] = new JsonObject
            {
                ["column"] = plan.Balance,
                ["real_counts"] = new JsonObject(result.Balanced.RealCounts.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["added"] = new JsonObject(result.Balanced.Added.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            };
        JsonSummary.Write(plan.Json, summary, plan.Force);
        context.Host.WriteLine($"Wrote {plan.Json}");
    }

    /// <summary>
    /// Before the fit: the synthetic rows (with --augment, the real ones too) must fit in memory, their comparison
    /// with the real table too, and their CSV on the disk. (Sequence models count --rows in sequences, checked here as
    /// rows and again after the fit as steps of the long table.)
    /// </summary>
    internal static void EnsureFits(int rows, bool augment, string option, DataFrame table, string outDir)
    {
        var guard = SynthCore.Resources.ResourceGuard.Current;
        int columns = table.Columns.Count;
        long output = augment ? rows + table.Rows.Count : rows;
        guard.EnsureRowsFitMemory(option, output, columns);
        guard.EnsureComparisonFits("Comparing", Math.Max(rows, table.Rows.Count), columns);
        guard.EnsureRowsFitDisk(option, output, CsvTableWriter.BytesPerRow(table.Head((int)Math.Min(100, table.Rows.Count))), outDir);
    }
}
