using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// Sequences from one (S)ARIMA model per feature, fitted on the whole series (all series of an id
/// column share coefficients). Features are modelled independently: their own dynamics are kept,
/// correlations between features are not (the block bootstrap keeps them; TimeGAN learns them).
/// </summary>
public sealed class ArimaSynthesizer : ISynthesizer
{
    public const string Name = "arima";
    public const string Ar1Name = "ar1";

    /// <summary>Anchors (stretches of real values) kept to start differenced simulations from.</summary>
    internal const int MaxAnchors = 256;

    public ArimaSynthesizer(ArimaOptions? options = null, string modelName = Name)
    {
        Options = options ?? new ArimaOptions();
        Options.Validate();
        ModelName = modelName;
    }

    public ArimaOptions Options { get; }

    public string ModelName { get; }

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        SequenceOptionParser.RejectStatic(Options.Data, ModelName);
        var data = SequenceData.FromTable(table, metadata, Options.Data);
        return Fit(data, progress, cancellationToken);
    }

    /// <summary>Fits already prepared sequence data.</summary>
    public FittedArima Fit(SequenceData data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        SequenceOptionParser.RejectStatic(data.Options, ModelName);
        var clock = Stopwatch.StartNew();
        int features = data.FeatureNames.Count;
        var models = new ArimaModel[features];
        for (int f = 0; f < features; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var series = data.Series.Select(s => (IReadOnlyList<double>)s.Select(step => step[f]).ToArray()).ToArray();
            try
            {
                models[f] = Options.Order is { } order
                    ? ArimaEstimation.Fit(series, order, Options.Method)
                    : ArimaEstimation.Select(series, Options.Search, Options.Method).Best;
            }
            catch (SynthException e) when (e is not SynthOptionException)
            {
                throw new SynthColumnException(data.FeatureNames[f], e.Message, e);
            }
            var elapsed = clock.Elapsed;
            progress?.Report(new TrainingProgress("fit", f + 1, features,
                new Dictionary<string, double> { ["aic"] = models[f].Aic, ["sigma2"] = models[f].Sigma2 },
                elapsed, TimeSpan.FromTicks(elapsed.Ticks / (f + 1) * (features - f - 1))));
        }

        int anchorLength = models.Max(m => m.DifferencingPolynomial.Length - 1);
        var anchors = new List<double[][]>();
        var picks = new List<(int Series, int Start)>();
        if (anchorLength > 0)
        {
            var random = new RandomStreams(Options.Seed).Stream("fit");
            var candidates = Enumerable.Range(0, data.Series.Count).Where(i => data.Series[i].Length >= anchorLength).ToArray();
            for (int i = 0; i < MaxAnchors && candidates.Length > 0; i++)
            {
                int index = candidates[random.Next(candidates.Length)];
                var s = data.Series[index];
                int start = random.Next(s.Length - anchorLength + 1);
                anchors.Add(s[start..(start + anchorLength)].Select(step => (double[])step.Clone()).ToArray());
                picks.Add((index, start));
            }
        }
        var states = AnchorStates(data, models, picks, anchorLength);
        return new FittedArima(ModelName, Options, data.FeatureNames.ToArray(), models, anchors.ToArray(), data.WindowCount,
            data.Scaler.Min, data.Scaler.Max, states);
    }

    /// <summary>
    /// For each anchor and differenced feature, the Kalman filter's predicted state of the differenced
    /// series just after the anchor (<see cref="ArimaLikelihood.PredictedStates"/>): a simulation started
    /// there continues the real series' ARMA state (a weekly cycle keeps its amplitude and phase) where a
    /// burn-in from zero would start a seasonal AR near 1 with no cycle at all. Null entries for stationary
    /// features, which simulate from their stationary distribution.
    /// </summary>
    private static FittedArima.AnchorState?[][] AnchorStates(SequenceData data, ArimaModel[] models, List<(int Series, int Start)> picks, int anchorLength)
    {
        var states = picks.Select(_ => new FittedArima.AnchorState?[models.Length]).ToArray();
        for (int f = 0; f < models.Length; f++)
        {
            var model = models[f];
            int k = model.DifferencingPolynomial.Length - 1;
            if (k == 0) continue;
            foreach (var group in picks.Select((p, i) => (p.Series, p.Start, Anchor: i)).GroupBy(p => p.Series))
            {
                var w = LagPolynomial.Apply(model.DifferencingPolynomial, data.Series[group.Key].Select(step => step[f]).ToArray());
                // The anchor ends at y[start + anchorLength − 1]; the first new value is y[start + anchorLength] = w[start + anchorLength − k].
                var positions = group.Select(p => p.Start + anchorLength - k).ToArray();
                var found = ArimaLikelihood.PredictedStates(w, 0, model.ArPolynomial, model.MaPolynomial, positions);
                if (found is null) continue;
                foreach (var (pick, state) in group.Zip(found)) states[pick.Anchor][f] = new FittedArima.AnchorState(pick.Start + anchorLength - k, state);
            }
        }
        return states;
    }
}
