using Microsoft.Data.Analysis;

namespace SynthBench;

/// <summary>
/// A seeded table with the Adult census table's shape: 32,561 rows; 6 numeric columns (age,
/// fnlwgt, education-num, capital-gain, capital-loss, hours-per-week) that are multimodal or
/// heavy-tailed like the real ones; 9 categorical columns with 9, 16, 7, 15, 6, 5, 2, 42 and 2
/// levels at skewed (Zipf-like) frequencies. Education-num follows education and income depends
/// on age, education and hours, so there is structure to learn.
/// </summary>
internal static class AdultShapedTable
{
    public const int Rows = 32_561;

    private static readonly (string Name, int Levels, double Skew)[] Categoricals =
    [
        ("workclass", 9, 1.8), ("education", 16, 1.0), ("marital-status", 7, 1.3), ("occupation", 15, 0.6),
        ("relationship", 6, 1.1), ("race", 5, 2.2), ("sex", 2, 1.0), ("native-country", 42, 2.5), ("income", 2, 0),
    ];

    public static DataFrame Create(int seed, int rows = Rows)
    {
        var random = new Random(seed);
        var age = new double?[rows];
        var fnlwgt = new double?[rows];
        var educationNum = new double?[rows];
        var gain = new double?[rows];
        var loss = new double?[rows];
        var hours = new double?[rows];
        var labels = Categoricals.Select(_ => new string[rows]).ToArray();
        var cumulative = Categoricals.Select(c => Cumulative(c.Levels, c.Skew)).ToArray();

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < Categoricals.Length - 1; c++)
                labels[c][r] = $"{Categoricals[c].Name}-{Draw(cumulative[c], random)}";
            int education = int.Parse(labels[1][r].AsSpan(labels[1][r].LastIndexOf('-') + 1));
            // Age: a young working-age mode and an older one, right-skewed, 17–90.
            age[r] = Math.Round(Math.Clamp(random.NextDouble() < 0.7 ? Normal(random, 33, 9) : Normal(random, 52, 11), 17, 90));
            // fnlwgt: log-normal, heavy right tail.
            fnlwgt[r] = Math.Round(Math.Exp(Normal(random, 12.0, 0.5)));
            // education-num: one value per education level, peaks at 9, 10 and 13 as in the census.
            educationNum[r] = education switch { 0 => 9, 1 => 10, 2 => 13, 3 => 14, 4 => 11, 5 => 7, 6 => 12, 7 => 6, 8 => 4, 9 => 15, 10 => 5, 11 => 8, 12 => 16, 13 => 3, 14 => 2, _ => 1 };
            // capital-gain: 92% zero, log-normal otherwise, a spike at 99,999.
            double u = random.NextDouble();
            gain[r] = u < 0.917 ? 0 : u < 0.922 ? 99_999 : Math.Round(Math.Min(Math.Exp(Normal(random, 8.6, 0.9)), 99_999));
            // capital-loss: 95% zero, else around 1,900.
            loss[r] = random.NextDouble() < 0.953 ? 0 : Math.Round(Math.Clamp(Normal(random, 1870, 360), 155, 4356));
            // hours-per-week: a spike at 40 and a broad spread.
            hours[r] = random.NextDouble() < 0.47 ? 40 : Math.Round(Math.Clamp(Normal(random, 41, 13), 1, 99));
            double logit = -6.5 + 0.045 * age[r]!.Value + 0.32 * educationNum[r]!.Value + 0.03 * (hours[r]!.Value - 40) + (gain[r] > 5000 ? 2.5 : 0);
            labels[^1][r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? ">50K" : "<=50K";
        }

        var columns = new List<DataFrameColumn>
        {
            new DoubleDataFrameColumn("age", age), new StringDataFrameColumn("workclass", labels[0]),
            new DoubleDataFrameColumn("fnlwgt", fnlwgt), new StringDataFrameColumn("education", labels[1]),
            new DoubleDataFrameColumn("education-num", educationNum), new StringDataFrameColumn("marital-status", labels[2]),
            new StringDataFrameColumn("occupation", labels[3]), new StringDataFrameColumn("relationship", labels[4]),
            new StringDataFrameColumn("race", labels[5]), new StringDataFrameColumn("sex", labels[6]),
            new DoubleDataFrameColumn("capital-gain", gain), new DoubleDataFrameColumn("capital-loss", loss),
            new DoubleDataFrameColumn("hours-per-week", hours), new StringDataFrameColumn("native-country", labels[7]),
            new StringDataFrameColumn("income", labels[8]),
        };
        return new DataFrame(columns);
    }

    /// <summary>Cumulative probabilities ∝ 1 / (k + 1)^skew (skew 0: uniform).</summary>
    private static double[] Cumulative(int levels, double skew)
    {
        var weights = Enumerable.Range(0, levels).Select(k => Math.Pow(k + 1, -skew)).ToArray();
        double total = weights.Sum(), running = 0;
        return weights.Select(w => running += w / total).ToArray();
    }

    private static int Draw(double[] cumulative, Random random)
    {
        double u = random.NextDouble();
        for (int k = 0; k < cumulative.Length; k++) if (u < cumulative[k]) return k;
        return cumulative.Length - 1;
    }

    private static double Normal(Random random, double mean, double deviation) =>
        mean + deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
