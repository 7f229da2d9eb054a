using System.Globalization;
using SynthCore.Data;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>One condition in the models' own terms: allowed category codes, or an interval of numbers (column units, ticks for dates).</summary>
internal sealed record EncodedCondition(int Column, ColumnCondition Source, bool[]? AllowedCodes, double Low, double High)
{
    public bool IsCategorical => AllowedCodes is not null;

    /// <summary>Numeric equality (a single value), which a model meets by setting the value rather than drawing it.</summary>
    public bool IsPoint => AllowedCodes is null && Low == High;

    /// <summary>Whether an encoded value (as the model produced it, before clipping and rounding) meets the condition.</summary>
    public bool IsMetBy(double x, StatColumn column)
    {
        if (double.IsNaN(x)) return false;
        if (AllowedCodes is not null) return AllowedCodes[(int)x];
        x = column.Finish(x);
        return x >= Low && x <= High;
    }
}

/// <summary>
/// Sample conditions translated onto the schema's columns, with impossible ones refused up front:
/// no category matches, an empty interval, an interval outside the values seen when fitting, or a
/// fraction asked of an integer column. A numeric "one of" condition has no interval form
/// (<see cref="EncodedCondition.AllowedCodes"/> null and an infinite interval) and is left to rejection.
/// </summary>
internal sealed class EncodedConditions
{
    private EncodedConditions(IReadOnlyList<EncodedCondition> all) => All = all;

    public IReadOnlyList<EncodedCondition> All { get; }

    /// <summary>The condition on column <paramref name="column"/>, if any.</summary>
    public EncodedCondition? On(int column) => All.FirstOrDefault(c => c.Column == column);

    public static EncodedConditions From(SampleConditions conditions, StatSchema schema)
    {
        var list = new List<EncodedCondition>();
        foreach (var condition in conditions.All)
        {
            int index = schema.IndexOf(condition.Column);
            var column = schema.Columns[index];
            switch (column.Role)
            {
                case StatRole.Identifier:
                    throw new SynthColumnException(column.Name, "is an identifier, regenerated for every sample: it cannot be conditioned on.");
                case StatRole.Categorical:
                {
                    var codec = ColumnValueCodec.Create(column.Name, column.Storage, column.Kind);
                    var allowed = column.Categories.Select(key => condition.IsMetBy(codec.FromKey(key))).ToArray();
                    if (!allowed.Contains(true))
                        throw new SynthColumnException(column.Name, $"no category meets the condition {Describe(condition)} (categories: {string.Join(", ", column.Categories.Take(20))}{(column.Categories.Count > 20 ? ", …" : "")}).");
                    list.Add(new EncodedCondition(index, condition, allowed, double.NegativeInfinity, double.PositiveInfinity));
                    break;
                }
                default:
                    list.Add(Numeric(index, column, condition));
                    break;
            }
        }
        return new EncodedConditions(list);
    }

    private static EncodedCondition Numeric(int index, StatColumn column, ColumnCondition condition)
    {
        (double low, double high) = condition switch
        {
            EqualsCondition e => (Number(column, e.Value), Number(column, e.Value)),
            RangeCondition r => (r.Min ?? double.NegativeInfinity, r.Max ?? double.PositiveInfinity),
            OneOfCondition o => (o.Values.Select(v => Number(column, v)).Min(), o.Values.Select(v => Number(column, v)).Max()),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };
        if (double.IsNaN(low) || double.IsNaN(high) || low > high)
            throw new SynthColumnException(column.Name, $"the condition {Describe(condition)} allows no value.");
        if (high < column.Min || low > column.Max)
            throw new SynthColumnException(column.Name, $"the condition {Describe(condition)} lies outside the values seen when fitting ({Format(column, column.Min)} to {Format(column, column.Max)}); the model never samples there.");
        if (column.Kind == ColumnKind.Integer && Math.Floor(high) < Math.Ceiling(low))
            throw new SynthColumnException(column.Name, $"the condition {Describe(condition)} allows no whole number, and the column holds whole numbers.");
        if (condition is OneOfCondition)
            return new EncodedCondition(index, condition, null, double.NegativeInfinity, double.PositiveInfinity);
        return new EncodedCondition(index, condition, null, low, high);
    }

    private static double Number(StatColumn column, object value)
    {
        var codec = ColumnValueCodec.Create(column.Name, column.Storage, column.Kind);
        object normalized = value is DateTime or string ? value : EqualsCondition.Normalize(value);
        if (normalized is double d) return d;
        if (codec.TryToNumber(normalized, out double x)) return x;
        if (normalized is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out x)) return x;
        throw new SynthColumnException(column.Name, $"the condition value '{value}' is not a {(column.Kind == ColumnKind.Datetime ? "date" : "number")}.");
    }

    private static string Format(StatColumn column, double x) =>
        column.Kind == ColumnKind.Datetime ? new DateTime((long)x).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : x.ToString("G6", CultureInfo.InvariantCulture);

    public static string Describe(ColumnCondition condition) => condition switch
    {
        EqualsCondition e => $"= {e.Value}",
        OneOfCondition o => $"in [{string.Join(", ", o.Values)}]",
        RangeCondition r => $"in [{r.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {r.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}]",
        _ => condition.ToString(),
    };

    /// <summary>Whether generated row <paramref name="row"/> meets every condition.</summary>
    public bool AreMetBy(double[]?[] data, int row, StatSchema schema)
    {
        foreach (var c in All)
        {
            double x = data[c.Column]![row];
            if (c.Source is OneOfCondition && !c.IsCategorical)
            {
                if (double.IsNaN(x)) return false;
                var column = schema.Columns[c.Column];
                object cell = ColumnValueCodec.Create(column.Name, column.Storage, column.Kind).FromNumber(column.Finish(x), column.DateKind);
                if (!c.Source.IsMetBy(cell)) return false;
            }
            else if (!c.IsMetBy(x, schema.Columns[c.Column])) return false;
        }
        return true;
    }
}
