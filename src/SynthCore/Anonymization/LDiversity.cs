namespace SynthCore.Anonymization;

/// <summary>Distinct l-diversity of a table: every equivalence class holds at least l distinct sensitive values.</summary>
/// <param name="Sensitive">The sensitive column.</param>
/// <param name="L">The l checked.</param>
/// <param name="Classes">Equivalence classes (rows with equal quasi-identifier values).</param>
/// <param name="SmallestDistinct">The fewest distinct sensitive values in any class: the table's l.</param>
/// <param name="ClassesBelowL">Classes with fewer than <paramref name="L"/> distinct sensitive values.</param>
/// <param name="RowsBelowL">Rows in those classes.</param>
public sealed record LDiversityResult(string Sensitive, int L, int Classes, int SmallestDistinct, int ClassesBelowL, int RowsBelowL)
{
    public bool Satisfied => ClassesBelowL == 0;
}

/// <summary>Checks distinct l-diversity (Machanavajjhala et al. 2007) on any table, raw or generalised.</summary>
public static class LDiversity
{
    /// <summary>Groups rows by their quasi-identifier values (as text; missing is a value) and counts distinct sensitive values (missing counts as one).</summary>
    /// <exception cref="SynthColumnException">A column is missing.</exception>
    /// <exception cref="SynthOptionException">l below 1.</exception>
    public static LDiversityResult Check(DataFrame table, IReadOnlyList<string> quasiIdentifiers, string sensitive, int l)
    {
        if (l < 1) throw new SynthOptionException("l", $"must be at least 1 (got {l}).");
        if (quasiIdentifiers.Contains(sensitive)) throw new SynthColumnException(sensitive, "is both a quasi-identifier and the sensitive column.");
        DataFrameColumn Column(string name) => table.Columns.FirstOrDefault(c => c.Name == name) ?? throw new SynthColumnException(name, "is missing from the table.");
        var keys = quasiIdentifiers.Select(q => ColumnValues.Labels(Column(q))).ToArray();
        var values = ColumnValues.Labels(Column(sensitive));
        var classes = Enumerable.Range(0, (int)table.Rows.Count)
            .GroupBy(r => string.Join("\u001f", keys.Select(k => k[r] ?? ColumnValues.MissingLabel)))
            .Select(g => (Rows: g.Count(), Distinct: g.Select(r => values[r] ?? ColumnValues.MissingLabel).Distinct().Count()))
            .ToArray();
        if (classes.Length == 0) throw new SynthException("The table has no rows.");
        var below = classes.Where(c => c.Distinct < l).ToArray();
        return new LDiversityResult(sensitive, l, classes.Length, classes.Min(c => c.Distinct), below.Length, below.Sum(c => c.Rows));
    }
}
