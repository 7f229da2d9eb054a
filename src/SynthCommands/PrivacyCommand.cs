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
        string realName = parse.GetValue(grammar.PrivacyReal)!;
        string syntheticName = parse.GetValue(grammar.PrivacySynthetic)!;
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

        var (real, metadata) = TableInput.Load(context.Host, realName, parse.GetValue(grammar.PrivacyCategorical));
        var synthetic = context.Host.ResolveTable(syntheticName);
        DataFrame training = real;
        DataFrame? holdout = holdoutName is null ? null : context.Host.ResolveTable(holdoutName);
        if (fraction is double share)
        {
            int rows = (int)real.Rows.Count;
            int held = (int)Math.Round(share * rows);
            if (held < 1 || rows - held < 2)
                throw new SynthOptionException("--holdout-fraction", $"{share} of {rows} rows leaves no holdout or fewer than 2 training rows.");
            var order = Enumerable.Range(0, rows).ToArray();
            new Random(seed).Shuffle(order);
            holdout = real[new Int32DataFrameColumn("rows", order.Take(held).Order().Select(i => (int?)i))];
            training = real[new Int32DataFrameColumn("rows", order.Skip(held).Order().Select(i => (int?)i))];
            context.Host.WriteLine($"Held out {held:N0} of {rows:N0} real rows (seed {seed}); the numbers below assume the synthetic table was generated from the other {rows - held:N0} only.");
        }

        string? quasiList = parse.GetValue(grammar.PrivacyQuasi);
        string? sensitive = parse.GetValue(grammar.PrivacySensitive);
        if ((quasiList is null) != (sensitive is null))
            throw new SynthUsageException("--quasi and --sensitive go together: name the quasi-identifiers and the sensitive column.");
        if (sensitive is not null && !metadata.Contains(sensitive))
            throw new SynthOptionException("--sensitive", $"unknown column '{sensitive}' (the table has: {string.Join(", ", metadata.Columns.Select(c => c.Name))}).");
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
