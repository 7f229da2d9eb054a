using SynthCore.Synthesizers;
using Microsoft.Data.Analysis;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Neural;

/// <summary>
/// The toolkit's VAE (8 latent dimensions, 30 epochs) on penguins: decoding each row's own latent code reconstructs it far
/// better than decoding random N(0, I) codes does (numeric error in column standard deviations, species and sex agreement),
/// and the latent statistics of the training rows are those of a posterior that uses its dimensions. Ranges: seeds 1–20
/// (docs/seed-sweeps.md).
/// </summary>
public static class VaeReconstructionChecks
{
    public static IReadOnlyList<StatisticalCheck> All(int seed)
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        using var model = new TvaeSynthesizer(TvaeOptions.VaeDefaults with { Epochs = 30, Seed = seed }).FitTvae(real, metadata);
        var codes = model.Encode(real);
        var reconstructed = model.Decode(codes);
        var noise = new RandomStreams(seed).Stream("random codes");
        var random = new float[codes.GetLength(0), codes.GetLength(1)];
        for (int i = 0; i < random.GetLength(0); i++)
            for (int j = 0; j < random.GetLength(1); j++)
                random[i, j] = (float)Normal(noise);
        var decoded = model.Decode(random);
        var latent = model.LatentStatistics(real);

        double ownError = NumericError(real, reconstructed), randomError = NumericError(real, decoded);
        return
        [
            // seeds 1–20: 0.380 … 0.715
            StatisticalCheck.AtMost("numeric error, own codes / random codes", ownError / randomError, 0.85),
            // seeds 1–20: 0.154 … 0.422
            StatisticalCheck.AtLeast("species agreement, own codes − random codes", Agreement(real, reconstructed, "Species") - Agreement(real, decoded, "Species"), 0.08),
            // seeds 1–20: 7 … 8 of 8
            StatisticalCheck.AtLeast("active latent dimensions", latent.ActiveDimensions, 4),
            // seeds 1–20: 1.019 … 1.071 (the prior's is 1)
            new("mean aggregate posterior std", latent.MeanAggregateStd, 0.9, 1.2),
        ];
    }

    /// <summary>Mean over the numeric columns of the mean |x − x̂| in units of the column's real standard deviation (rows where both are present).</summary>
    private static double NumericError(DataFrame real, DataFrame decoded) =>
        BundledData.PenguinNumbers.Average(name =>
        {
            var pairs = Enumerable.Range(0, (int)real.Rows.Count)
                .Select(i => (X: real.Columns[name][i], Y: decoded.Columns[name][i]))
                .Where(p => p.X is not null && p.Y is not null)
                .Select(p => (X: Convert.ToDouble(p.X, System.Globalization.CultureInfo.InvariantCulture), Y: Convert.ToDouble(p.Y, System.Globalization.CultureInfo.InvariantCulture)))
                .ToArray();
            double mean = pairs.Average(p => p.X);
            double std = Math.Sqrt(pairs.Average(p => (p.X - mean) * (p.X - mean)));
            return pairs.Average(p => Math.Abs(p.X - p.Y)) / std;
        });

    private static double Agreement(DataFrame real, DataFrame decoded, string column) =>
        Enumerable.Range(0, (int)real.Rows.Count).Average(i => Equals(real.Columns[column][i]?.ToString(), decoded.Columns[column][i]?.ToString()) ? 1.0 : 0.0);

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

public sealed class VaeReconstructionTests
{
    [Fact]
    public void Own_codes_reconstruct_rows_better_than_random_codes() => StatisticalCheck.AssertAll(VaeReconstructionChecks.All(1));
}

public sealed class VaeReconstructionSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(VaeReconstructionChecks.All, output.WriteLine);
}
