using SynthCore.Evaluation.Privacy;

namespace SynthCommands;

/// <summary>Plain text for the privacy commands' results.</summary>
internal static class PrivacyRendering
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Report(PrivacyReport r)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Privacy risk: {r.TrainingRows:N0} training rows, {r.SyntheticRows:N0} synthetic rows, ")
            .Append(r.HoldoutRows is int h ? string.Create(Invariant, $"{h:N0} holdout rows") : "no holdout")
            .Append(Invariant, $"; {r.Columns.Count} columns compared.\n");
        text.Append("Distance: ").Append(r.Distance).Append(".\n");
        var risk = r.Risk;
        text.Append(Invariant, $"Disclosure risk: {risk.Level} ({string.Join("; ", risk.Reasons)}).\n");
        var table = new TextTable("measure", "synthetic -> training", "holdout -> training");
        table.Add("DCR median", Number(r.SyntheticToTraining.Median), Number(r.HoldoutToTraining?.Median));
        table.Add("DCR 5th percentile", Number(r.SyntheticToTraining.Percentile5), Number(r.HoldoutToTraining?.Percentile5));
        table.Add("NNDR median", Number(r.SyntheticNndr.Median), Number(r.HoldoutNndr?.Median));
        table.Add("exact copies", Percent(r.ExactCopyRate), Percent(r.HoldoutExactCopyRate));
        text.Append(table.ToString().TrimEnd()).Append('\n');
        if (r.ShareCloserThanHoldout5th is double closer)
            text.Append(Invariant, $"Synthetic rows closer than the holdout's 5th percentile: {Percent(closer)} (about 5% when private).\n");
        if (r.DcrShare is double share)
            text.Append(Invariant, $"Synthetic rows nearer to a training row than to any holdout row: {Percent(share)} (about {Percent(r.ExpectedDcrShare!.Value)} when private: training rows / (training + holdout rows)).\n");
        if (r.MembershipInferenceAuc is double auc)
            text.Append(Invariant, $"Membership-inference AUC (distance attack): {auc:0.000} (0.5 = chance, 1 = every training row exposed).\n");
        else
            text.Append("Membership inference and baselines need a holdout (--holdout or --holdout-fraction).\n");
        if (r.AttributeDisclosure is { } a)
        {
            text.Append(Invariant, $"Attribute disclosure ({string.Join(", ", a.QuasiIdentifiers)} -> {a.Sensitive}): ")
                .Append(Invariant, $"{Percent(a.CorrectShare)} of training rows inferred correctly ({a.RowsMatched:N0} of {a.RowsEvaluated:N0} matched), ")
                .Append(Invariant, $"baseline '{a.BaselineGuess}' {Percent(a.BaselineShare)}");
            if (r.HoldoutAttributeDisclosure is { } ha) text.Append(Invariant, $"; holdout rows {Percent(ha.CorrectShare)}");
            text.Append(".\n");
        }
        return text.ToString().TrimEnd();
    }

    public static string Anonymization(AnonymizationSummary s)
    {
        var r = s.Result;
        var text = new StringBuilder();
        text.Append(Invariant, $"{s.Source}: {s.Rows:N0} rows made {r.K}-anonymous on {string.Join(", ", r.QuasiIdentifiers)}: ")
            .Append(Invariant, $"{r.Classes:N0} equivalence classes, smallest {r.SmallestClass:N0}, average {r.AverageClassSize:0.0} rows.\n");
        text.Append(Invariant, $"Information loss (normalised certainty penalty, 0 = none, 1 = all): {r.CertaintyPenalty:0.000}; discernibility {r.Discernibility:N0}.\n");
        var table = new TextTable("quasi-identifier", "certainty penalty");
        foreach (var loss in r.ColumnLosses) table.Add(loss.Column, loss.CertaintyPenalty.ToString("0.000", Invariant));
        text.Append(table.ToString().TrimEnd()).Append('\n');
        if (s.LDiversity is { } l)
            text.Append(Invariant, $"Distinct {l.L}-diversity of '{l.Sensitive}': ")
                .Append(l.Satisfied
                    ? "satisfied"
                    : string.Create(Invariant, $"NOT satisfied: {l.ClassesBelowL:N0} of {l.Classes:N0} classes ({l.RowsBelowL:N0} rows) have fewer than {l.L} distinct values"))
                .Append(Invariant, $" (smallest class has {l.SmallestDistinct}).\n");
        return text.ToString().TrimEnd();
    }

    private static string Number(double? x) => x is double v && !double.IsNaN(v) ? v.ToString("0.0000", Invariant) : "n/a";

    private static string Percent(double? x) => x is double v && !double.IsNaN(v) ? (100 * v).ToString("0.0", Invariant) + "%" : "n/a";
}
