using SynthCore.Evaluation.Privacy;

namespace SynthCommands;

/// <summary>
/// <c>synth privacy &lt;real&gt; &lt;synthetic&gt; [--holdout H | --holdout-fraction F [--seed S]] [--quasi a,b --sensitive c] [--bins N] [--json FILE]</c>.
/// </summary>
internal sealed class PrivacyCommand : SynthCommand
{
    public PrivacyCommand() : base("privacy", "Measure how close a synthetic table is to the real rows (distance to closest record, copies, membership and attribute-disclosure attacks).")
    {
        Declare(Real, Synthetic, Holdout, HoldoutFraction, Seed, Quasi, Sensitive, Bins, Categorical, Json, Force);
        SharedOptions.AddSourceOptions(this);
    }

    internal Argument<string?> Real { get; } = new("real") { Description = "The real rows the synthesizer was fitted on: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook); or give it with --from and --query, and the synthetic table alone.", Arity = ArgumentArity.ZeroOrOne };
    internal Argument<string?> Synthetic { get; } = new("synthetic") { Description = "The synthetic table.", Arity = ArgumentArity.ZeroOrOne };
    internal Option<string?> Holdout { get; } = new("--holdout") { Description = "Real rows the synthesizer never saw (needed for the baselines and the membership attack)." };
    internal Option<double?> HoldoutFraction { get; } = new("--holdout-fraction")
    {
        Description = "Instead of --holdout, split this share of the real rows off as the holdout (seeded by --seed). Only meaningful if the synthesizer was fitted on the rest.",
        CustomParser = result => OptionValues.ParseNumber(result, "--holdout-fraction"),
    };
    internal Option<int?> Seed { get; } = SharedOptions.NullableInt("--seed", "Seed of the --holdout-fraction split (default 42).");
    internal Option<string?> Quasi { get; } = new("--quasi") { Description = "Comma-separated quasi-identifiers for the attribute-disclosure attack (with --sensitive)." };
    internal Option<string?> Sensitive { get; } = new("--sensitive") { Description = "The sensitive column the attribute-disclosure attack tries to infer." };
    internal Option<int?> Bins { get; } = SharedOptions.NullableInt("--bins", "Equal-width bins numbers are matched by in the disclosure attack (default 10; 0 = exact values).");
    internal Option<string?> Categorical { get; } = SharedOptions.CategoricalOption();
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json file");

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        var (realName, syntheticName) = TableInput.RealAndSynthetic(context, parse, Real, Synthetic);
        string? holdoutName = parse.GetValue(Holdout);
        double? fraction = parse.GetValue(HoldoutFraction);
        int seed = parse.GetValue(Seed) ?? 42;
        string? json = parse.GetValue(Json);
        bool force = parse.GetValue(Force);
        if (holdoutName is not null && fraction is not null)
            throw new SynthUsageException("give either --holdout or --holdout-fraction, not both.");
        if (fraction is double f && !(f > 0 && f < 1))
            throw new SynthOptionException("--holdout-fraction", $"must be between 0 and 1 (got {f}).");
        if (seed < 0) throw new SynthOptionException("--seed", $"must be 0 or more, got {seed}.");
        int bins = parse.GetValue(Bins) ?? 10;
        if (bins < 0) throw new SynthOptionException("--bins", $"must be 0 or more, got {bins}.");
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", realName, syntheticName, holdoutName);

        var (real, metadata) = TableInput.Load(context, realName, parse.GetValue(Categorical));
        var synthetic = context.ResolveTable(syntheticName);
        DataFrame training = real;
        DataFrame? holdout = holdoutName is null ? null : context.ResolveTable(holdoutName);
        if (fraction is double share)
        {
            (training, holdout) = HoldoutSplit.Split(real, share, seed, "--holdout-fraction");
            context.Host.WriteLine($"Held out {holdout.Rows.Count:N0} of {real.Rows.Count:N0} real rows (seed {seed}); the numbers below assume the synthetic table was generated from the other {training.Rows.Count:N0} only.");
        }

        string? quasiList = parse.GetValue(Quasi);
        string? sensitive = parse.GetValue(Sensitive);
        if ((quasiList is null) != (sensitive is null))
            throw new SynthUsageException("--quasi and --sensitive go together: name the quasi-identifiers and the sensitive column.");
        if (sensitive is not null) ColumnList.EnsureColumn(sensitive, "--sensitive", metadata);
        var options = new PrivacyRiskOptions
        {
            QuasiIdentifiers = quasiList is null ? [] : ColumnList.Parse(quasiList, "--quasi", metadata),
            Sensitive = sensitive,
            NumericBins = bins,
        };

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = PrivacyRisk.Evaluate(training, synthetic, holdout, metadata, options, context.Cancellation);
        double seconds = clock.Elapsed.TotalSeconds;
        context.Host.Show(report);
        context.Host.Store("privacy_report", report);

        if (json is not null)
        {
            var summary = JsonNode.Parse(report.ToJson())!.AsObject();
            summary["real"] = realName;
            summary["synthetic"] = syntheticName;
            summary["holdout"] = holdoutName ?? (fraction is null ? null : $"{fraction} of {realName} (seed {seed})");
            summary["seconds"] = seconds;
            JsonSummary.Write(json, summary, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }
}
