using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore;
using SynthCore.Evaluation.Privacy;

namespace SynthCommands;

/// <summary>
/// <c>synth privacy &lt;real&gt; &lt;synthetic&gt; [--holdout H | --holdout-fraction F [--seed S]] [--quasi a,b --sensitive c] [--bins N] [--json FILE]</c>.
/// </summary>
internal static class PrivacyCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        var (realName, syntheticName) = TableInput.RealAndSynthetic(context, parse, grammar.PrivacyReal, grammar.PrivacySynthetic);
        string? holdoutName = parse.GetValue(grammar.PrivacyHoldout);
        double? fraction = parse.GetValue(grammar.PrivacyHoldoutFraction);
        int seed = parse.GetValue(grammar.PrivacySeed) ?? 42;
        string? json = parse.GetValue(grammar.PrivacyJson);
        bool force = parse.GetValue(grammar.PrivacyForce);
        if (holdoutName is not null && fraction is not null)
            throw new SynthUsageException("give either --holdout or --holdout-fraction, not both.");
        if (fraction is double f && !(f > 0 && f < 1))
            throw new SynthOptionException("--holdout-fraction", $"must be between 0 and 1 (got {f}).");
        if (seed < 0) throw new SynthOptionException("--seed", $"must be 0 or more, got {seed}.");
        int bins = parse.GetValue(grammar.PrivacyBins) ?? 10;
        if (bins < 0) throw new SynthOptionException("--bins", $"must be 0 or more, got {bins}.");
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", realName, syntheticName, holdoutName);

        var (real, metadata) = TableInput.Load(context, realName, parse.GetValue(grammar.PrivacyCategorical));
        var synthetic = context.ResolveTable(syntheticName);
        DataFrame training = real;
        DataFrame? holdout = holdoutName is null ? null : context.ResolveTable(holdoutName);
        if (fraction is double share)
        {
            (training, holdout) = SynthCore.Data.HoldoutSplit.Split(real, share, seed, "--holdout-fraction");
            context.Host.WriteLine($"Held out {holdout.Rows.Count:N0} of {real.Rows.Count:N0} real rows (seed {seed}); the numbers below assume the synthetic table was generated from the other {training.Rows.Count:N0} only.");
        }

        string? quasiList = parse.GetValue(grammar.PrivacyQuasi);
        string? sensitive = parse.GetValue(grammar.PrivacySensitive);
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
