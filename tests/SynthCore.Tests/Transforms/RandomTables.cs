using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Transforms;

/// <summary>Random tables of every column kind, with and without missing values, from a seeded generator.</summary>
internal static class RandomTables
{
    public static (DataFrame Table, TableMetadata Metadata) Create(Random rng)
    {
        int rows = rng.Next(1, 60);
        double Missing() => rng.NextDouble() < 0.5 ? 0 : rng.NextDouble() * 0.4;
        T?[] Values<T>(Func<T> draw, double missing) where T : struct
        {
            var v = Enumerable.Range(0, rows).Select(_ => rng.NextDouble() < missing ? (T?)null : draw()).ToArray();
            if (v.All(x => x is null)) v[0] = draw();
            return v;
        }
        string?[] Texts(Func<string> draw, double missing)
        {
            var v = Enumerable.Range(0, rows).Select(_ => rng.NextDouble() < missing ? null : draw()).ToArray();
            if (v.All(x => x is null)) v[0] = draw();
            return v;
        }

        double scale = Math.Pow(10, rng.Next(-3, 7));
        double shift = (rng.NextDouble() - 0.5) * scale * 10;
        var day0 = new DateTime(2000, 1, 1).AddDays(rng.Next(0, 9000));
        var words = new[] { "Instagram", "X", "Facebook", "LinkedIn", "a,b", "with \"quotes\"", "", "NA", "ünïcode" }.Take(rng.Next(1, 10)).ToArray();
        bool dayDates = rng.Next(2) == 0;

        var table = new DataFrame(
            new DoubleDataFrameColumn("continuous", Values(() => shift + rng.NextDouble() * scale, Missing())),
            new DoubleDataFrameColumn("integer", Values(() => (double)rng.Next(-500, 5000), Missing())),
            new Int32DataFrameColumn("int32", Values(() => rng.Next(0, 100), Missing())),
            new DateTimeDataFrameColumn("date", Values(() => dayDates ? day0.AddDays(rng.Next(0, 3650)) : day0.AddSeconds(rng.Next(0, 200_000)), Missing())),
            new StringDataFrameColumn("category", Texts(() => words[rng.Next(words.Length)], Missing())),
            new BooleanDataFrameColumn("flag", Values(() => rng.Next(2) == 1, Missing())),
            new DoubleDataFrameColumn("code", Values(() => (double)rng.Next(1, 4), Missing())),
            new StringDataFrameColumn("row_id", Enumerable.Range(0, rows).Select(i => $"row-{i:D4}")));

        var metadata = TableMetadata.Detect(table, new Dictionary<string, ColumnKind>
        {
            ["continuous"] = ColumnKind.Continuous,
            ["integer"] = ColumnKind.Integer,
            ["code"] = ColumnKind.Categorical,
            ["row_id"] = ColumnKind.Identifier,
        });
        return (table, metadata);
    }
}
