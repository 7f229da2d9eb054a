using Microsoft.Data.Analysis;

namespace SynthTests.Support;

/// <summary>A small seeded daily series (an AR(1) around 10 and a linear copy of it) for the sequence-command tests.</summary>
public static class DailySeries
{
    public static DataFrame Table(int days = 120)
    {
        var random = new Random(3);
        double level = 10;
        var values = Enumerable.Range(0, days).Select(_ => level = 10 + 0.7 * (level - 10) + random.NextDouble() - 0.5).ToArray();
        return new DataFrame(
            new PrimitiveDataFrameColumn<DateTime>("date", Enumerable.Range(0, days).Select(i => new DateTime(2024, 1, 1).AddDays(i))),
            new DoubleDataFrameColumn("value", values),
            new DoubleDataFrameColumn("other", values.Select(v => 2 * v + 1)));
    }
}
