namespace SynthCommands;

/// <summary>Columns named by options: one (--target, --sensitive) or a comma-separated list (--quasi).</summary>
internal static class ColumnList
{
    /// <summary>The names in <paramref name="list"/>; each must be a column of <paramref name="metadata"/>.</summary>
    public static string[] Parse(string list, string option, TableMetadata metadata)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new SynthOptionException(option, "no column names given (use e.g. " + option + " a,b).");
        foreach (var name in names) EnsureColumn(name, option, metadata);
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) throw new SynthOptionException(option, "names a column twice.");
        return names;
    }

    /// <summary>Refuses, naming the option, a column <paramref name="metadata"/> does not have.</summary>
    public static void EnsureColumn(string name, string option, TableMetadata metadata)
    {
        if (!metadata.Contains(name))
            throw new SynthOptionException(option, $"unknown column '{name}' (the table has: {string.Join(", ", metadata.Columns.Select(c => c.Name))}).");
    }
}
