namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Gaussian mixture: EM from k-means++ starts for 1..max-components components, keeping the
/// number with the lowest BIC; see <see cref="FittedGmm"/> for how categories and missing values are modelled.
/// </summary>
public sealed class GmmSynthesizer(GmmOptions options) : StatSchemaSynthesizer<GmmOptions>(options)
{
    public const string Name = "gmm";

    public override string ModelName => Name;

    private protected override IFittedSynthesizer Fit(StatSchema schema, double[][] data, int rows, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var layout = new MixtureLayout(schema, data);
        var all = layout.Data;
        var random = new RandomStreams(Options.Seed).Stream("fit");
        var clock = Stopwatch.StartNew();

        var selection = all;
        if (all.Rows > Options.SelectionRows)
        {
            var indexes = Enumerable.Range(0, all.Rows).ToArray();
            random.Shuffle(indexes);
            var chosen = indexes[..Options.SelectionRows];
            Array.Sort(chosen);
            selection = all.Subset(chosen);
        }

        int maxK = Math.Min(Options.MaxComponents, selection.Rows);
        GaussianMixture? best = null;
        double bestBic = double.PositiveInfinity;
        var bics = new List<double>();
        for (int k = 1; k <= maxK; k++)
        {
            var (model, logLikelihood) = GaussianMixture.Fit(selection, k, Options, random, cancellationToken);
            double bic = -2 * logLikelihood + GaussianMixture.Parameters(k, selection.Dimensions, selection.Levels) * Math.Log(selection.Rows);
            bics.Add(bic);
            if (bic < bestBic) { bestBic = bic; best = model; }
            progress?.Report(new TrainingProgress("select", k, maxK,
                new Dictionary<string, double> { ["bic"] = bic, ["log_likelihood"] = logLikelihood }, clock.Elapsed, null));
        }
        if (!ReferenceEquals(selection, all))
        {
            (best, double logLikelihood) = GaussianMixture.Fit(all, best!.Components, Options, random, cancellationToken);
            progress?.Report(new TrainingProgress("fit", 1, 1, new Dictionary<string, double> { ["log_likelihood"] = logLikelihood }, clock.Elapsed, TimeSpan.Zero));
        }
        return new FittedGmm(schema, Options, layout.Patterns, best!, bics.ToArray());
    }
}
