using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Statistical;

/// <summary>Small seeded tables for the statistical model tests.</summary>
internal static class StatTables
{
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Two numeric columns of <paramref name="rows"/> rows, x ~ N(10, 2), y = x + N(0, 1).</summary>
    public static DataFrame Numeric(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            x[i] = 10 + 2 * Gaussian(random);
            y[i] = x[i] + Gaussian(random);
        }
        return new DataFrame(new DoubleDataFrameColumn("x", x), new DoubleDataFrameColumn("y", y));
    }

    public static IFittedSynthesizer Fit(string model, DataFrame table, Dictionary<string, string>? options = null, int seed = 7, TableMetadata? metadata = null)
    {
        var settings = new SynthesizerSettings { Seed = seed, Extra = options ?? new Dictionary<string, string>() };
        return SynthesizerRegistry.Default.Create(model, settings).Fit(table, metadata ?? TableMetadata.Detect(table));
    }

    public static double[] Column(DataFrame table, string name) => FidelityChecks.Numbers(table[name]);
}
