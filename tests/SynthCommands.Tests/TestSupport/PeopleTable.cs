using Microsoft.Data.Analysis;

namespace SynthTests.Support;

/// <summary>A small seeded table of people (age, income rising with age, a score, a city) for the plot tests.</summary>
public static class PeopleTable
{
    public static DataFrame Create(int rows, int seed)
    {
        var random = new Random(seed);
        var age = Enumerable.Range(0, rows).Select(_ => (double)(20 + random.Next(50))).ToArray();
        return new DataFrame(
            new DoubleDataFrameColumn("age", age),
            new DoubleDataFrameColumn("income", age.Select(a => 1000 + 40 * a + random.Next(300)).Select(x => (double?)x)),
            new DoubleDataFrameColumn("score", Enumerable.Range(0, rows).Select(_ => random.NextDouble())),
            new StringDataFrameColumn("city", Enumerable.Range(0, rows).Select(i => new[] { "Oslo", "Rome", "Lima" }[random.Next(3)])));
    }
}
