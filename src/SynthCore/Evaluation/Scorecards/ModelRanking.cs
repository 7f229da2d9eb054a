namespace SynthCore.Evaluation.Scorecards;

/// <summary>A model's place on each criterion (1 = best) and overall (by its mean place).</summary>
public sealed record RankedModel(Scorecard Card, int Overall, double MeanPlace, IReadOnlyDictionary<string, int> Places);

/// <summary>
/// Models ranked on fidelity (quality), detection, privacy, utility (when there is a target) and time (fit plus
/// sample); overall by the mean of their places, ties broken by detection. No weights: each criterion counts once,
/// and the table shows every figure so a user can weigh them.
/// </summary>
public sealed record ModelRanking(string Table, int TrainingRows, int HoldoutRows, string? Target, int Seed, IReadOnlyList<RankedModel> Models)
{
    public const string Quality = "quality";
    public const string Detection = "detection";
    public const string Privacy = "privacy";
    public const string Utility = "utility";
    public const string Time = "time";

    public static ModelRanking Rank(string table, int trainingRows, int holdoutRows, string? target, int seed, IReadOnlyList<Scorecard> cards)
    {
        var criteria = new List<(string Name, Func<Scorecard, double> Value, bool HigherIsBetter)>
        {
            (Quality, c => c.Quality.Score, true),
            (Detection, c => c.DetectionScore, true),
            (Privacy, c => c.PrivacyScore, true),
        };
        if (target is not null) criteria.Add((Utility, c => c.UtilityRatio ?? double.NaN, true));
        criteria.Add((Time, c => c.FitSeconds + c.SampleSeconds, false));

        var places = cards.ToDictionary(c => c, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var (name, value, higher) in criteria)
        {
            // A missing figure (NaN) places last; equal figures share a place.
            double Key(Scorecard c) => double.IsNaN(value(c)) ? double.NegativeInfinity : higher ? value(c) : -value(c);
            foreach (var card in cards)
                places[card][name] = 1 + cards.Count(other => Key(other) > Key(card));
        }
        var ranked = cards
            .Select(c => (Card: c, Mean: places[c].Values.Average()))
            .OrderBy(p => p.Mean).ThenByDescending(p => p.Card.DetectionScore).ThenBy(p => p.Card.Model, StringComparer.Ordinal)
            .Select((p, i) => new RankedModel(p.Card, i + 1, p.Mean, places[p.Card]))
            .ToArray();
        return new ModelRanking(table, trainingRows, holdoutRows, target, seed, ranked);
    }
}
