using SynthCore.Evaluation.Scorecards;
using SynthCore.Data.Sequences;
using SynthCore.Synthesizers.Sequential;
using SynthReports;

namespace SynthCommands;

/// <summary>
/// <c>synth evaluate &lt;real&gt; &lt;synthetic&gt; [--categorical a,b] [--target COLUMN [--seed N]] [--holdout H] [--json FILE] [--report FILE.html] [--force]</c>:
/// quality and diagnostic reports of a synthetic table against the real one, and with --target its
/// machine-learning utility, tested on --holdout's rows when given (then privacy against them too). Column kinds are detected on the real table. With --seq-len L (and the sequence options
/// <c>run</c> takes, as --option key=value) the tables are sequences instead: the synthetic one in the long format the
/// sequence models write, the real one read as windows of L steps; the sequence comparison is shown, with the TimeGAN
/// paper's discriminative and predictive scores and the mean correlation of each synthetic series with the real one.
/// </summary>
internal sealed class EvaluateCommand : SynthCommand
{
    public EvaluateCommand() : base("evaluate", "Score a synthetic table against the real one (quality and diagnostic reports, charts).")
    {
        Declare(Real, Synthetic, Categorical, Target, Seed, Holdout, SeqLen, SequenceReading, ScoreIterations,
            Json, Report, Force);
        SharedOptions.AddSourceOptions(this);
    }

    internal Argument<string?> Real { get; } = new("real") { Description = "The real table: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook); or give it with --from and --query, and the synthetic table alone.", Arity = ArgumentArity.ZeroOrOne };
    internal Argument<string?> Synthetic { get; } = new("synthetic") { Description = "The synthetic table to score, with the real table's columns.", Arity = ArgumentArity.ZeroOrOne };
    internal Option<string?> Categorical { get; } = SharedOptions.CategoricalOption();
    internal Option<string?> Target { get; } = new("--target")
    {
        Description = "Also measure machine-learning utility for this column: models trained on the synthetic table (and, for reference, on real rows) tested on held-out real rows.",
    };
    internal Option<int?> Seed { get; } = SharedOptions.NullableInt("--seed", "Seed of detection and of the --target holdout split and models (default 42).");
    internal Option<string?> Holdout { get; } = new("--holdout")
    {
        Description = "Real rows the synthesizer never saw (a CSV file, or a DataFrame variable in a notebook): --target's utility is tested on them, and privacy (DCR share, copies, membership attack) is measured against them. Without it, utility is tested on a split of the real table, which the synthesizer may have seen.",
    };
    internal Option<int?> SeqLen { get; } = SharedOptions.NullableInt("--seq-len",
        "Score sequences: the synthetic table is the sequence_id, step, features table a sequence model writes, with sequences of this many steps; the real table is read as windows of that length (as 'run --seq-len' reads it), or is a sequence table too.");
    internal Option<string[]> SequenceReading { get; } = new("--option")
    {
        Description = "With --seq-len: how the real table is read as sequences, as 'run' takes it (repeatable): stride=N, time-column=C, id-column=C, features=a,b, irregular=true.",
        Arity = ArgumentArity.ZeroOrMore,
    };
    internal Option<int?> ScoreIterations { get; } = SharedOptions.ScoreIterationsOption();
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<string?> Report { get; } = new("--report") { Description = "Also write a self-contained HTML report (tables and charts, works offline) to this file." };
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json or --report file");

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        var (realName, syntheticName) = TableInput.RealAndSynthetic(context, parse, Real, Synthetic);
        string? json = parse.GetValue(Json);
        string? report = parse.GetValue(Report);
        bool force = parse.GetValue(Force);
        string? target = parse.GetValue(Target);
        int? seed = parse.GetValue(Seed);
        string? holdoutName = parse.GetValue(Holdout);
        if (seed < 0) throw new SynthOptionException("--seed", $"must be 0 or more, got {seed}.");
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", realName, syntheticName);
        if (report is not null) SafeFile.EnsureCanWrite(report, force, "--report", realName, syntheticName);
        if (json is not null && report is not null && Path.GetFullPath(json) == Path.GetFullPath(report))
            throw new SynthOptionException("--report", $"'{report}' is also the --json file; give two different files.");

        var sequenceOptions = SequenceOptions(parse, target);
        int? scoreIterations = SequenceScoring.Iterations(parse.GetValue(ScoreIterations));
        if (scoreIterations is not null && sequenceOptions is null)
            throw new SynthOptionException("--score-iterations", "applies to sequences: give --seq-len L to score the tables as sequences.");

        var (real, metadata) = TableInput.Load(context, realName, parse.GetValue(Categorical));
        var synthetic = context.ResolveTable(syntheticName);
        if (synthetic.Rows.Count == 0)
            throw new SynthException($"{syntheticName}: the table has no rows.");
        context.Cancellation.ThrowIfCancellationRequested();
        if (sequenceOptions is null && SequenceTable.IsLong(synthetic))
            throw new SynthOptionException("--seq-len", $"is needed: the synthetic table '{syntheticName}' holds sequences ('{SequenceTable.SequenceIdColumn}', "
                + $"'{SequenceTable.StepColumn}', features), give --seq-len L, the steps per sequence (the --seq-len the model was fitted with), to score them against '{realName}' read as windows of L steps.");
        if (sequenceOptions is not null && holdoutName is not null)
            throw new SynthOptionException("--holdout", "holds rows of a table; sequences (--seq-len) are scored by the discriminative and predictive scores instead.");
        if (sequenceOptions is not null)
            return Sequences(context, realName, real, metadata, syntheticName, synthetic, sequenceOptions, seed ?? 42, scoreIterations, json, report, force);

        if (target is not null) ColumnList.EnsureColumn(target, "--target", metadata);
        var utility = target is null ? null : new SynthCore.Evaluation.Utility.UtilityOptions(target) { Seed = seed ?? 42 };
        var detection = new SynthCore.Evaluation.Detection.DetectionOptions { Seed = seed ?? 42 };
        var holdout = holdoutName is null ? null : ReadHoldout(context, holdoutName, metadata);
        var evaluation = Evaluator.Evaluate(realName, real, syntheticName, synthetic, metadata, utility, context.Cancellation, detection, holdout);
        context.Cancellation.ThrowIfCancellationRequested();
        context.Host.Show(evaluation);

        if (json is not null)
        {
            JsonSummary.Write(json, EvaluationJson.From(evaluation), force);
            context.Host.WriteLine($"Wrote {json}");
        }
        if (report is not null)
        {
            string html = EvaluationHtmlReport.Render(evaluation);
            SafeFile.Write(report, force, "--report", stream => stream.Write(Encoding.UTF8.GetBytes(html)));
            context.Host.WriteLine($"Wrote {report}");
        }
        return ExitCodes.Success;
    }

    /// <summary>The --holdout table, checked to have every column of the real one.</summary>
    private static DataFrame ReadHoldout(CommandContext context, string name, TableMetadata metadata)
    {
        var holdout = context.ResolveTable(name);
        var missing = metadata.Columns.Select(c => c.Name).Where(c => holdout.Columns.IndexOf(c) < 0).ToArray();
        if (missing.Length > 0)
            throw new SynthOptionException("--holdout", $"'{name}' lacks the real table's column{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        if (holdout.Rows.Count == 0) throw new SynthOptionException("--holdout", $"'{name}' has no rows.");
        return holdout;
    }

    /// <summary>How the real table is read as sequences, or null for tables of rows (no --seq-len and no --option).</summary>
    private SequenceDataOptions? SequenceOptions(ParseResult parse, string? target)
    {
        int? seqLen = parse.GetValue(SeqLen);
        var pairs = FitSettingsReader.Pairs(parse.GetValue(SequenceReading) ?? []);
        if (seqLen is null)
        {
            if (pairs.Count > 0)
                throw new SynthOptionException("--seq-len", $"is needed with --option {pairs.Keys.First()}=…: the sequence options say how to read sequences of --seq-len steps.");
            return null;
        }
        FitSettingsReader.Positive("--seq-len", seqLen.Value);
        if (pairs.ContainsKey("seq-len"))
            throw new SynthOptionException("--seq-len", "is given both as --seq-len and as --option seq-len=….");
        if (target is not null)
            throw new SynthOptionException("--target", "measures utility on rows of a table; sequences (--seq-len) are scored by the predictive score instead.");
        try
        {
            return SequenceDataOptionsReader.Read(pairs, new SequenceDataOptions { SequenceLength = seqLen.Value });
        }
        catch (SynthOptionException e) when (e.Option == "seq-len")
        {
            throw new SynthOptionException("--seq-len", e.Message[(e.Message.IndexOf(':') + 2)..]);
        }
    }

    private static int Sequences(CommandContext context, string realName, DataFrame real, TableMetadata metadata,
        string syntheticName, DataFrame synthetic, SequenceDataOptions options, int seed, int? scoreIterations,
        string? json, string? report, bool force)
    {
        var pair = SequencePair.ReadForEvaluation(real, realName, metadata, synthetic, syntheticName, options);
        context.Host.WriteLine($"{realName}: {pair.Real.Length:N0} real windows of {options.SequenceLength} steps; {syntheticName}: {pair.Synthetic.Length:N0} synthetic sequences; features: {string.Join(", ", pair.Features)}.");
        var comparison = SequenceScoring.Compare(context, pair.Real, pair.Synthetic, pair.Features, seed, scoreIterations, seed);
        context.Host.Show(comparison);

        if (json is not null)
        {
            var summary = new JsonObject
            {
                ["real"] = realName,
                ["synthetic"] = syntheticName,
                ["sequence_length"] = options.SequenceLength,
                ["features"] = new JsonArray(pair.Features.Select(f => (JsonNode?)f).ToArray()),
                ["real_windows"] = pair.Real.Length,
                ["synthetic_sequences"] = pair.Synthetic.Length,
                ["seed"] = seed,
                ["comparison"] = JsonSummary.ToFiniteNode(comparison),
            };
            JsonSummary.Write(json, summary, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        if (report is not null)
        {
            string html = SequenceHtmlReport.Render(realName, syntheticName, null, pair.Real, pair.Synthetic, pair.Features, comparison);
            SafeFile.Write(report, force, "--report", stream => stream.Write(Encoding.UTF8.GetBytes(html)));
            context.Host.WriteLine($"Wrote {report}");
        }
        return ExitCodes.Success;
    }
}
