namespace SynthCore.Data.Sequences;

/// <summary>Sample autocorrelation and cross-correlation (the biased estimator, as in Box–Jenkins).</summary>
public static class Correlations
{
    /// <summary>ACF at lags 0..<paramref name="maxLag"/> of one series; a constant series has ACF 0 beyond lag 0.</summary>
    public static double[] Acf(IReadOnlyList<double> x, int maxLag) => Acf([x], maxLag);

    /// <summary>ACF pooled over several series of the same process (each centred on the pooled mean).</summary>
    public static double[] Acf(IReadOnlyList<IReadOnlyList<double>> series, int maxLag)
    {
        double mean = series.SelectMany(s => s).DefaultIfEmpty(0).Average();
        var acf = new double[maxLag + 1];
        double c0 = 0;
        foreach (var s in series)
            for (int t = 0; t < s.Count; t++) c0 += (s[t] - mean) * (s[t] - mean);
        acf[0] = 1;
        if (c0 <= 0) return acf;
        for (int lag = 1; lag <= maxLag; lag++)
        {
            double c = 0;
            foreach (var s in series)
                for (int t = lag; t < s.Count; t++) c += (s[t] - mean) * (s[t - lag] - mean);
            acf[lag] = c / c0;
        }
        return acf;
    }

    /// <summary>Pearson correlation of two features at lag 0, pooled over all steps of all sequences.</summary>
    public static double Cross(double[][][] sequences, int a, int b)
    {
        var x = sequences.SelectMany(s => s.Select(step => step[a])).ToArray();
        var y = sequences.SelectMany(s => s.Select(step => step[b])).ToArray();
        double r = MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
        return double.IsFinite(r) ? r : 0;
    }
}
