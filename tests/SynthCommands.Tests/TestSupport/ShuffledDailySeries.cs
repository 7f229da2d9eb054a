using Microsoft.Data.Analysis;

namespace SynthTests.Support;

/// <summary>
/// A seeded daily AR(1) around 10 (300 days, with a label column), rows shuffled so that a command has to order
/// them by date; for the forecast tests. <c>Values</c> are the series in date order.
/// </summary>
public static class ShuffledDailySeries
{
    public static (DataFrame Table, double[] Values) Create()
    {
        var random = new Random(5);
        double level = 10;
        var values = Enumerable.Range(0, 300).Select(_ => level = 10 + 0.7 * (level - 10) + (random.NextDouble() - 0.5) * 2).ToArray();
        var rows = Enumerable.Range(0, 300).ToArray();
        new Random(6).Shuffle(rows);
        var table = new DataFrame(
            new StringDataFrameColumn("label", rows.Select(i => i % 2 == 0 ? "even" : "odd")),
            new DateTimeDataFrameColumn("date", rows.Select(i => (DateTime?)new DateTime(2024, 1, 1).AddDays(i))),
            new DoubleDataFrameColumn("value", rows.Select(i => values[i])));
        return (table, values);
    }
}
