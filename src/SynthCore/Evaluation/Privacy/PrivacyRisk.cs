using MathNet.Numerics.Statistics;

namespace SynthCore.Evaluation.Privacy;

/// <summary>
/// Distance- and attack-based privacy risk of a synthetic table against its real training rows (and,
/// when given, a real holdout): distance to closest record, the share of synthetic rows nearer to the training rows
/// than to the holdout, nearest-neighbour distance ratio, exact copies, a distance membership-inference attack and
/// attribute disclosure. Nearest neighbours are
/// exact (all pairs, in parallel): fine up to about 50k × 50k rows; subsample larger tables first.
/// </summary>
public static class PrivacyRisk
{
    public const string DistanceDescription =
        "Gower-style: mean over columns of |a−b|/range (min-max on the real training range, clipped to 1) for numbers and dates, 0/1 mismatch for categories; missing vs value = 1";

    /// <param name="training">The real rows the synthesizer was fitted on.</param>
    /// <param name="synthetic">The synthetic rows.</param>
    /// <param name="holdout">Real rows the synthesizer never saw (needed for the baselines and the membership attack), or null.</param>
    /// <param name="metadata">The schema (of the training table).</param>
    /// <exception cref="SynthException">A table is empty, a column is missing or of the wrong kind, or an option is bad.</exception>
    public static PrivacyReport Evaluate(DataFrame training, DataFrame synthetic, DataFrame? holdout, TableMetadata metadata,
        PrivacyRiskOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PrivacyRiskOptions();
        if (training.Rows.Count < 2) throw new SynthException("The real training table needs at least 2 rows for privacy metrics.");
        if (synthetic.Rows.Count < 2) throw new SynthException("The synthetic table needs at least 2 rows for privacy metrics.");
        if (holdout is not null && holdout.Rows.Count < 1) throw new SynthException("The holdout table has no rows.");

        var columns = options.Columns ?? metadata.Columns.Where(c => c.Kind != ColumnKind.Identifier).Select(c => c.Name).ToArray();
        if (columns.Count == 0) throw new SynthException("There is no column to compare: every column is an identifier.");
        var distance = MixedDistance.Fit(training, metadata, columns);
        var train = distance.Encode(training, "real");
        var synth = distance.Encode(synthetic, "synthetic");
        var hold = holdout is null ? null : distance.Encode(holdout, "holdout");

        var synthToTrain = NearestNeighbours.Find(synth, train, cancellationToken);
        var holdToTrain = hold is null ? null : NearestNeighbours.Find(hold, train, cancellationToken);

        double? closer = null, auc = null, dcrShare = null;
        if (holdToTrain is not null)
        {
            var synthToHold = NearestNeighbours.Find(synth, hold!, cancellationToken).Nearest;
            dcrShare = synthToTrain.Nearest.Select((d, i) => d < synthToHold[i] ? 1.0 : d == synthToHold[i] ? 0.5 : 0.0).Average();
            double threshold = Summarise(holdToTrain.Nearest).Percentile5;
            closer = synthToTrain.Nearest.Count(d => d < threshold) / (double)synth.Rows;
            var memberScores = NearestNeighbours.Find(train, synth, cancellationToken).Nearest.Select(d => -d).ToArray();
            var nonMemberScores = NearestNeighbours.Find(hold!, synth, cancellationToken).Nearest.Select(d => -d).ToArray();
            auc = RocAuc.Compute(memberScores, nonMemberScores);
        }

        AttributeDisclosureResult? disclosure = null, holdoutDisclosure = null;
        if (options.QuasiIdentifiers.Count > 0 || options.Sensitive is not null)
        {
            if (options.QuasiIdentifiers.Count == 0) throw new SynthOptionException("quasi", "name the quasi-identifier columns to go with the sensitive column.");
            string sensitive = options.Sensitive ?? throw new SynthOptionException("sensitive", "name the sensitive column to go with the quasi-identifiers.");
            disclosure = AttributeDisclosure.Evaluate(training, synthetic, metadata, options.QuasiIdentifiers, sensitive, options.NumericBins);
            if (holdout is not null)
                holdoutDisclosure = AttributeDisclosure.Evaluate(holdout, synthetic, metadata, options.QuasiIdentifiers, sensitive, options.NumericBins);
        }

        return new PrivacyReport(
            train.Rows, synth.Rows, hold?.Rows, columns.ToArray(), DistanceDescription,
            Summarise(synthToTrain.Nearest),
            holdToTrain is null ? null : Summarise(holdToTrain.Nearest),
            closer,
            synthToTrain.Nearest.Count(d => d == 0) / (double)synth.Rows,
            holdToTrain is null ? null : holdToTrain.Nearest.Count(d => d == 0) / (double)hold!.Rows,
            Summarise(Ratios(synthToTrain)),
            holdToTrain is null ? null : Summarise(Ratios(holdToTrain)),
            auc, disclosure, holdoutDisclosure, dcrShare);
    }

    /// <summary>Nearest / second-nearest; 0 when the nearest is an exact match (also when the second is).</summary>
    private static double[] Ratios(NeighbourDistances d) =>
        d.Nearest.Select((n, i) => n == 0 ? 0 : n / d.SecondNearest[i]).ToArray();

    internal static DistanceSummary Summarise(IReadOnlyCollection<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return new DistanceSummary(0, double.NaN, double.NaN, double.NaN);
        return new DistanceSummary(sorted.Length,
            SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.05, QuantileDefinition.R7),
            sorted.Average());
    }
}
