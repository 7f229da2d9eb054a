namespace SynthCore.Data.Sequences;

/// <summary>Which formula generates the Sines data.</summary>
public enum SinesVariant
{
    /// <summary>The paper's text: x(t) = sin(2π f t + θ), f ~ U[0, 1], θ ~ U[−π, π], values in [−1, 1].</summary>
    Paper,

    /// <summary>
    /// The authors' released code (data_loading.py), which produced the paper's Sines scores:
    /// x(t) = (sin(f t + θ) + 1) / 2 with f, θ ~ U[0, 0.1], values in [0, 1].
    /// </summary>
    ReferenceCode,
}

/// <summary>The TimeGAN paper's Sines data set: independent sinusoids per feature, one frequency and phase each.</summary>
public static class SinesData
{
    /// <summary>[sequence][step][feature] values, drawn from <see cref="Random"/>(<paramref name="seed"/>).</summary>
    public static double[][][] Generate(int sequences = 10_000, int length = 24, int features = 5, int seed = 42, SinesVariant variant = SinesVariant.Paper)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequences, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        var random = new RandomStreams(seed).Stream("sines");
        var data = new double[sequences][][];
        for (int s = 0; s < sequences; s++)
        {
            var freq = new double[features];
            var phase = new double[features];
            for (int f = 0; f < features; f++)
            {
                if (variant == SinesVariant.Paper)
                {
                    freq[f] = random.NextDouble();
                    phase[f] = (2 * random.NextDouble() - 1) * Math.PI;
                }
                else
                {
                    freq[f] = 0.1 * random.NextDouble();
                    phase[f] = 0.1 * random.NextDouble();
                }
            }
            data[s] = new double[length][];
            for (int t = 0; t < length; t++)
            {
                data[s][t] = new double[features];
                for (int f = 0; f < features; f++)
                    data[s][t][f] = variant == SinesVariant.Paper
                        ? Math.Sin(2 * Math.PI * freq[f] * t + phase[f])
                        : (Math.Sin(freq[f] * t + phase[f]) + 1) / 2;
            }
        }
        return data;
    }
}
