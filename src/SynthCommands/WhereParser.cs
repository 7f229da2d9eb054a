using System.Text.RegularExpressions;

namespace SynthCommands;

/// <summary>
/// The <c>--where</c> clauses of <c>sample</c> and <c>run</c> as the library's sample conditions, one clause per column:
/// <c>age between 30 and 40</c>, <c>age &gt;= 30</c> (also <c>&lt;=</c>, <c>&gt;</c>, <c>&lt;</c>), <c>default = yes</c>,
/// <c>species in (Adelie, Gentoo)</c>. Column names may hold spaces (the longest column name the clause starts with
/// is taken) or be quoted; values may be quoted. Which values a model can produce is checked by the model itself.
/// </summary>
internal static partial class WhereParser
{
    public const string Option = "--where";

    /// <summary>The conditions of <paramref name="clauses"/>, or null when there are none.</summary>
    /// <exception cref="SynthOptionException">A clause that does not parse, names an unknown column, or has a value that is not of its column's kind; names the clause.</exception>
    public static SampleConditions? Parse(IReadOnlyList<string>? clauses, TableMetadata metadata)
    {
        if (clauses is null || clauses.Count == 0) return null;
        var conditions = new List<ColumnCondition>();
        foreach (var clause in clauses)
        {
            var condition = ParseOne(clause, metadata);
            if (conditions.Any(c => c.Column == condition.Column))
                throw Error(clause, $"column '{condition.Column}' already has a condition; give one per column (a range as 'between a and b').");
            conditions.Add(condition);
        }
        return new SampleConditions(conditions);
    }

    /// <summary>
    /// <paramref name="model"/>'s rows under <paramref name="conditions"/>; a condition the model refuses (a category or value
    /// it never saw, a range outside its data) fails naming --where and the column.
    /// </summary>
    public static DataFrame Sample(IFittedSynthesizer model, int rows, SampleConditions? conditions, int? seed)
    {
        try
        {
            return model.Sample(rows, conditions, seed);
        }
        catch (SynthColumnException e) when (conditions is not null)
        {
            throw new SynthOptionException(Option, e.Message);
        }
    }

    /// <summary>One clause as a condition.</summary>
    public static ColumnCondition ParseOne(string clause, TableMetadata metadata)
    {
        string text = clause.Trim();
        if (text.Length == 0) throw Error(clause, "is empty; write e.g. 'age between 30 and 40', 'default = yes' or 'species in (Adelie, Gentoo)'.");
        var (column, rest) = SplitColumn(text, clause, metadata);
        var kind = metadata[column].Kind;
        string kindName = kind.ToString().ToLowerInvariant();
        bool numeric = kind is ColumnKind.Continuous or ColumnKind.Integer or ColumnKind.Datetime;
        if (kind == ColumnKind.Identifier)
            throw Error(clause, $"column '{column}' is an identifier: sampled rows get new keys, so it cannot be conditioned on.");

        if (Between().Match(rest) is { Success: true } between)
        {
            if (!numeric) throw Error(clause, $"column '{column}' is {kindName}: use = or in (…), not a range.");
            return new RangeCondition(column, Number(between.Groups["a"].Value, column, kind, clause), Number(between.Groups["b"].Value, column, kind, clause));
        }
        if (In().Match(rest) is { Success: true } list)
        {
            if (numeric) throw Error(clause, $"column '{column}' is {kindName}: use =, between, >=, <=, > or <, not in (…).");
            var values = SplitList(list.Groups["list"].Value);
            if (values.Count == 0 || values.Any(v => v.Length == 0))
                throw Error(clause, "the list needs values separated by commas, e.g. in (Adelie, Gentoo).");
            return new OneOfCondition(column, values);
        }
        if (Comparison().Match(rest) is { Success: true } comparison)
        {
            string op = comparison.Groups["op"].Value, text2 = comparison.Groups["v"].Value;
            if (op is "=" or "==")
                return numeric ? new EqualsCondition(column, Number(text2, column, kind, clause)) : new EqualsCondition(column, Unquote(text2));
            if (!numeric) throw Error(clause, $"column '{column}' is {kindName}: use = or in (…), not {op}.");
            double x = Number(text2, column, kind, clause);
            return op switch
            {
                ">=" => new RangeCondition(column, x, null),
                "<=" => new RangeCondition(column, null, x),
                ">" => new RangeCondition(column, Above(x, kind), null),
                _ => new RangeCondition(column, null, Below(x, kind)),
            };
        }
        throw Error(clause, $"after the column '{column}' expected = value, in (a, b), between a and b, >=, <=, > or < value; found '{rest}'.");
    }

    /// <summary>The column the clause starts with (the longest name that fits, or a quoted one) and the rest.</summary>
    private static (string Column, string Remainder) SplitColumn(string text, string clause, TableMetadata metadata)
    {
        string list = string.Join(", ", metadata.Columns.Select(c => c.Name));
        if (text[0] is '"' or '`' or '\'')
        {
            int end = text.IndexOf(text[0], 1);
            if (end < 0) throw Error(clause, $"the column name's quote {text[0]} is not closed.");
            string quoted = text[1..end];
            if (!metadata.Contains(quoted)) throw Error(clause, $"unknown column '{quoted}' (the table has: {list}).");
            return (quoted, text[(end + 1)..].Trim());
        }
        var name = metadata.Columns.Select(c => c.Name)
            .Where(n => text.StartsWith(n, StringComparison.Ordinal) && text.Length > n.Length && (char.IsWhiteSpace(text[n.Length]) || "=<>".Contains(text[n.Length])))
            .MaxBy(n => n.Length);
        if (name is not null) return (name, text[name.Length..].Trim());
        string asked = Operator().Match(text) is { Success: true } m ? m.Groups["name"].Value.Trim() : text;
        throw Error(clause, $"unknown column '{asked}' (the table has: {list}).");
    }

    private static double Number(string text, string column, ColumnKind kind, string clause)
    {
        string value = Unquote(text);
        if (kind == ColumnKind.Datetime)
            return CsvTable.TryParseDate(value, out var date) ? date.Ticks
                : throw Error(clause, $"column '{column}' holds dates; '{value}' is not a date (e.g. 2024-08-07).");
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x)) return x;
        throw Error(clause, $"column '{column}' is {kind.ToString().ToLowerInvariant()}; '{value}' is not a number.");
    }

    /// <summary>The least value above <paramref name="x"/> the column can take (whole numbers, ticks, or the next double).</summary>
    private static double Above(double x, ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => Math.Floor(x) + 1,
        ColumnKind.Datetime => x + 1,
        _ => Math.BitIncrement(x),
    };

    private static double Below(double x, ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => Math.Ceiling(x) - 1,
        ColumnKind.Datetime => x - 1,
        _ => Math.BitDecrement(x),
    };

    /// <summary>Comma-separated values; a quoted value may hold commas.</summary>
    private static List<string> SplitList(string text)
    {
        var values = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        foreach (char c in text)
        {
            if (quote != '\0') { if (c == quote) quote = '\0'; current.Append(c); }
            else if (c is '"' or '\'') { quote = c; current.Append(c); }
            else if (c == ',') { values.Add(Unquote(current.ToString())); current.Clear(); }
            else current.Append(c);
        }
        values.Add(Unquote(current.ToString()));
        return values.Count == 1 && values[0].Length == 0 ? [] : values;
    }

    private static string Unquote(string text)
    {
        string t = text.Trim();
        return t.Length >= 2 && t[0] is '"' or '\'' && t[^1] == t[0] ? t[1..^1] : t;
    }

    private static SynthOptionException Error(string clause, string message) => new(Option, $"'{clause}': {message}");

    [GeneratedRegex(@"^between\s+(?<a>.+?)\s+and\s+(?<b>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Between();

    [GeneratedRegex(@"^in\s*\((?<list>.*)\)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex In();

    [GeneratedRegex(@"^(?<op>>=|<=|==|=|>|<)\s*(?<v>.+)$", RegexOptions.Singleline)]
    private static partial Regex Comparison();

    /// <summary>What precedes the first operator: the column the user meant, for the unknown-column message.</summary>
    [GeneratedRegex(@"^(?<name>.+?)\s*(?:>=|<=|==|=|>|<|\s(?:between|in)(?=[\s(]))", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Operator();
}
