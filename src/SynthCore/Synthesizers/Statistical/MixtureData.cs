namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Rows as a Gaussian mixture sees them: D standardised numbers per row (row-major, NaN when
/// missing) and discrete variables (category codes; missing is one more code). Rows are also
/// grouped by which of the D numbers they lack, since the Gaussian part of each pattern is the
/// marginal over the numbers present.
/// </summary>
internal sealed class MixtureData
{
    public MixtureData(int rows, int dimensions, double[] z, int[][] discrete, int[] levels)
    {
        Rows = rows;
        Dimensions = dimensions;
        Z = z;
        Discrete = discrete;
        Levels = levels;
        var patterns = new Dictionary<string, int>();
        PatternOf = new int[rows];
        var observed = new List<int[]>();
        for (int r = 0; r < rows; r++)
        {
            var present = Enumerable.Range(0, dimensions).Where(d => !double.IsNaN(z[r * dimensions + d])).ToArray();
            string key = string.Join(",", present);
            if (!patterns.TryGetValue(key, out int p))
            {
                patterns[key] = p = observed.Count;
                observed.Add(present);
            }
            PatternOf[r] = p;
        }
        Observed = observed;
    }

    public int Rows { get; }
    public int Dimensions { get; }
    public double[] Z { get; }
    /// <summary>Per discrete variable, each row's code.</summary>
    public int[][] Discrete { get; }
    /// <summary>Per discrete variable, how many codes.</summary>
    public int[] Levels { get; }
    /// <summary>Each row's missing pattern.</summary>
    public int[] PatternOf { get; }
    /// <summary>Per pattern, the dimensions present.</summary>
    public IReadOnlyList<int[]> Observed { get; }

    /// <summary>The rows at <paramref name="indexes"/>, as their own data set.</summary>
    public MixtureData Subset(int[] indexes)
    {
        var z = new double[indexes.Length * Dimensions];
        for (int i = 0; i < indexes.Length; i++) Array.Copy(Z, indexes[i] * Dimensions, z, i * Dimensions, Dimensions);
        return new MixtureData(indexes.Length, Dimensions, z, Discrete.Select(v => indexes.Select(r => v[r]).ToArray()).ToArray(), Levels);
    }
}
