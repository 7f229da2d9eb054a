namespace SynthCore.Data.Sequences;

/// <summary>
/// Per-feature min-max scaling to [0, 1] as in the TimeGAN reference code: (x − min) / (max − min + 1e-7),
/// the small constant keeping a constant feature finite. Values are (time × feature) arrays.
/// Not <see cref="Transforms.MinMaxTransform"/>: that one scales one table column into a single-precision row for
/// the tabular networks (with their clipping and missing flags), while TimeGAN's published scores are defined on [0, 1] in double
/// precision over all the windows of every entity, each feature its own (time × feature) slice.
/// </summary>
public sealed record MinMaxScaler(double[] Min, double[] Max)
{
    private const double Epsilon = 1e-7;

    public int Features => Min.Length;

    /// <summary>The minima and maxima of every feature over all <paramref name="series"/>.</summary>
    public static MinMaxScaler Fit(IEnumerable<double[][]> series, int features)
    {
        var min = Enumerable.Repeat(double.PositiveInfinity, features).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, features).ToArray();
        foreach (var s in series)
            foreach (var step in s)
                for (int f = 0; f < features; f++)
                {
                    min[f] = Math.Min(min[f], step[f]);
                    max[f] = Math.Max(max[f], step[f]);
                }
        return new MinMaxScaler(min, max);
    }

    public float Scale(double value, int feature) => (float)((value - Min[feature]) / (Max[feature] - Min[feature] + Epsilon));

    public double Unscale(float value, int feature) => value * (Max[feature] - Min[feature] + Epsilon) + Min[feature];

    /// <summary>Scaled copies of sequences (sequence × step × feature).</summary>
    public float[][][] Scale(double[][][] sequences) =>
        sequences.Select(s => s.Select(step => step.Select((v, f) => Scale(v, f)).ToArray()).ToArray()).ToArray();

    /// <summary>Sequences mapped back to the original units.</summary>
    public double[][][] Unscale(float[][][] sequences) =>
        sequences.Select(s => s.Select(step => step.Select((v, f) => Unscale(v, f)).ToArray()).ToArray()).ToArray();
}
