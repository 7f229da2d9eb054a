using SynthCore.Synthesizers;

namespace SynthCore.Evaluation.Conditions;

/// <summary>One numeric column of conditioned rows against the real rows that meet the same conditions.</summary>
/// <param name="Column">The column.</param>
/// <param name="Conditioned">Whether a condition is on this column (otherwise it follows from the others).</param>
/// <param name="RealRows">Real rows that meet every condition and have a value here.</param>
/// <param name="SyntheticRows">Synthetic rows with a value here.</param>
/// <param name="Ks">Two-sample Kolmogorov–Smirnov of the synthetic values against those real ones.</param>
public sealed record ConditionedColumn(string Column, bool Conditioned, int RealRows, int SyntheticRows, KsResult Ks);

/// <summary>
/// How well rows sampled under conditions meet them and match the real rows that meet them: the share of
/// synthetic rows meeting every condition, and per numeric column (the conditioned ones first) the KS
/// statistic of the synthetic rows against the real rows that meet the conditions. A model that samples
/// the conditional distribution well has a share of 1 and small KS statistics.
/// </summary>
/// <param name="SyntheticRows">Synthetic rows checked.</param>
/// <param name="SyntheticMeeting">Of them, those meeting every condition.</param>
/// <param name="RealRows">Real rows, when a real table was given.</param>
/// <param name="RealMeeting">Real rows meeting every condition, when a real table was given.</param>
/// <param name="Columns">The KS per numeric column (empty without a real table, or when no real row meets the conditions).</param>
public sealed record ConditionReport(long SyntheticRows, long SyntheticMeeting, int? RealRows, int? RealMeeting, IReadOnlyList<ConditionedColumn> Columns)
{
    /// <summary>Share of synthetic rows meeting every condition, 0 to 1.</summary>
    public double Share => SyntheticRows == 0 ? 0 : (double)SyntheticMeeting / SyntheticRows;

    /// <summary>
    /// Checks <paramref name="synthetic"/> against <paramref name="conditions"/> as asked (<see cref="ConditionResolver.AsAsked"/>)
    /// and, with a <paramref name="real"/> table, compares every numeric column of the synthetic rows with the real rows
    /// meeting them.
    /// </summary>
    /// <exception cref="SynthColumnException">A condition does not fit its column (see <see cref="ConditionResolver.AsAsked"/>).</exception>
    public static ConditionReport Measure(DataFrame synthetic, SampleConditions conditions, TableMetadata metadata, DataFrame? real = null)
    {
        int meeting = Meeting(synthetic, conditions, metadata).Count(m => m);
        if (real is null) return new ConditionReport((int)synthetic.Rows.Count, meeting, null, null, []);

        var realMeets = Meeting(real, conditions, metadata);
        int realMeeting = realMeets.Count(m => m);
        var columns = new List<ConditionedColumn>();
        if (realMeeting > 0)
        {
            var matching = real.Filter(new PrimitiveDataFrameColumn<bool>("meets", realMeets));
            var conditioned = conditions.All.Select(c => c.Column).ToHashSet(StringComparer.Ordinal);
            foreach (var column in metadata.Columns.Where(c => c.IsNumeric).OrderBy(c => conditioned.Contains(c.Name) ? 0 : 1))
            {
                double[] r = ColumnValues.Numbers(matching.Columns[column.Name]);
                double[] s = ColumnValues.Numbers(synthetic.Columns[column.Name]);
                if (r.Length == 0 || s.Length == 0) continue;
                columns.Add(new ConditionedColumn(column.Name, conditioned.Contains(column.Name), r.Length, s.Length, KolmogorovSmirnov.TwoSample(r, s)));
            }
        }
        return new ConditionReport((int)synthetic.Rows.Count, meeting, (int)real.Rows.Count, realMeeting, columns);
    }

    /// <summary>Synthetic rows of <paramref name="chunk"/> meeting every condition (to count over chunks that are never held together).</summary>
    public static int CountMeeting(DataFrame chunk, SampleConditions conditions, TableMetadata metadata) =>
        Meeting(chunk, conditions, metadata).Count(m => m);

    private static bool[] Meeting(DataFrame table, SampleConditions conditions, TableMetadata metadata)
    {
        var resolved = ConditionResolver.AsAsked(conditions, metadata, table);
        var cells = resolved.Select(c => table.Columns[c.Column]).ToArray();
        var meets = new bool[table.Rows.Count];
        for (long r = 0; r < meets.Length; r++)
        {
            bool all = true;
            for (int c = 0; c < resolved.Count && all; c++) all = resolved[c].IsMetBy(cells[c][r]);
            meets[r] = all;
        }
        return meets;
    }
}
