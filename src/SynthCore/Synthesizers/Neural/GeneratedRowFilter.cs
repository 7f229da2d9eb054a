using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// Rejection sampling for the neural models, which generate transformed rows in chunks: decode
/// each chunk, keep the rows that meet every condition, and give up after a bounded number of
/// candidates with an error that says how many met them.
/// </summary>
internal static class GeneratedRowFilter
{
    /// <summary>Candidates per requested row before giving up (at least <see cref="MinCandidates"/>).</summary>
    private const int CandidatesPerRow = 100;
    private const int MinCandidates = 10_000;
    private const int ChunkRows = 4096;

    /// <param name="transform">Decodes generated rows (rows × transform width, row-major).</param>
    /// <param name="generate">Generates that many transformed rows.</param>
    /// <exception cref="SynthException">Too few candidates met the conditions.</exception>
    public static DataFrame Sample(TableTransform transform, SampleConditions conditions, int rows, Func<int, float[]> generate)
    {
        int width = transform.Width;
        long budget = Math.Max((long)rows * CandidatesPerRow, MinCandidates);
        var kept = new float[(long)rows * width];
        int found = 0;
        long generated = 0;
        while (found < rows && generated < budget)
        {
            int count = (int)Math.Min(ChunkRows, budget - generated);
            float[] candidates = generate(count);
            generated += count;
            var table = transform.Reverse(candidates, count);
            for (int row = 0; row < count && found < rows; row++)
            {
                if (!conditions.IsMetBy(column => table.Columns[column][row])) continue;
                Array.Copy(candidates, (long)row * width, kept, (long)found * width, width);
                found++;
            }
        }
        if (found < rows)
            throw new SynthException(
                $"Only {found} of {generated:N0} generated rows met the conditions ({string.Join("; ", conditions.All.Select(Describe))}); "
                + $"{rows} were requested. Loosen the conditions or ask for fewer rows.");
        return transform.Reverse(kept, rows);
    }

    private static string Describe(ColumnCondition condition) => condition switch
    {
        EqualsCondition e => $"{e.Column} = {e.Value}",
        OneOfCondition o => $"{o.Column} in [{string.Join(", ", o.Values)}]",
        RangeCondition r => $"{r.Column} in [{r.Min?.ToString() ?? "-∞"}, {r.Max?.ToString() ?? "∞"}]",
        _ => condition.ToString(),
    };
}
