using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Privacy;

/// <summary>Bundled tables and small helpers the privacy tests share.</summary>
internal static class PrivacyTestData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"SynthNotebooks.sln not found above {AppContext.BaseDirectory}.");
    }

    public static DataFrame Penguins() => CsvTable.Read(Path.Combine(RepoRoot, "data", "penguins.csv"));

    public static DataFrame Screentime() => CsvTable.Read(Path.Combine(RepoRoot, "data", "screentime.csv"));

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public static DataFrame Rows(DataFrame table, IEnumerable<int> indices)
    {
        var map = new Int32DataFrameColumn("i", indices.Select(i => (int?)i));
        return table[map];
    }

    /// <summary>A seeded shuffle of the row numbers split into (first <paramref name="count"/>, the rest).</summary>
    public static (DataFrame First, DataFrame Others) Split(DataFrame table, int count, int seed)
    {
        var order = Enumerable.Range(0, (int)table.Rows.Count).ToArray();
        new Random(seed).Shuffle(order);
        return (Rows(table, order.Take(count)), Rows(table, order.Skip(count)));
    }

    /// <summary>Each column resampled independently from its own values: right marginals, no row copied as a whole.</summary>
    public static DataFrame IndependentMarginals(DataFrame table, int rows, int seed)
    {
        var random = new Random(seed);
        var columns = table.Columns.Select(c =>
        {
            var picks = new Int32DataFrameColumn("i", Enumerable.Range(0, rows).Select(_ => (int?)random.Next((int)table.Rows.Count)));
            return c.Clone(picks);
        });
        return new DataFrame(columns);
    }

    /// <summary>Rows drawn from one fixed mixed distribution (two correlated numbers, a category, an integer).</summary>
    public static DataFrame Draw(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new double?[rows];
        var y = new double?[rows];
        var group = new string?[rows];
        var count = new double?[rows];
        for (int r = 0; r < rows; r++)
        {
            double u = Normal(random), v = Normal(random);
            x[r] = 10 + 2 * u;
            y[r] = 5 + u + v;
            group[r] = u + 0.5 * Normal(random) > 0 ? "a" : random.NextDouble() < 0.5 ? "b" : "c";
            count[r] = random.Next(0, 20);
        }
        return new DataFrame(new DoubleDataFrameColumn("x", x), new DoubleDataFrameColumn("y", y),
            new StringDataFrameColumn("group", group), new DoubleDataFrameColumn("count", count));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
