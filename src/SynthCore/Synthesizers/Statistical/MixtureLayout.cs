namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Where each column goes in a <see cref="MixtureData"/>: non-constant numeric columns are the
/// Gaussian dimensions (standardised); categorical columns are discrete variables (missing as one
/// more code); and when numbers are missing, the pattern of missing numeric columns is one more
/// discrete variable, so each component reproduces its own missing rate (and joint missingness).
/// </summary>
internal sealed class MixtureLayout
{
    public MixtureLayout(StatSchema schema, double[][] data)
    {
        Schema = schema;
        Dimensions = DimensionsOf(schema);
        int rows = data[schema.Modelled[0]].Length;
        var z = new double[rows * Dimensions.Length];
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < Dimensions.Length; i++)
            {
                var column = schema.Columns[Dimensions[i]];
                z[r * Dimensions.Length + i] = (data[Dimensions[i]][r] - column.Mean) / column.Deviation;
            }
        var discrete = schema.Categorical.Select(c => data[c].Select(x => double.IsNaN(x) ? schema.Columns[c].Categories.Count : (int)x).ToArray()).ToList();
        var levels = schema.Categorical.Select(c => schema.Columns[c].Categories.Count + 1).ToList();

        var patterns = new List<int[]>();
        var patternOf = new int[rows];
        var keys = new Dictionary<string, int>();
        for (int r = 0; r < rows; r++)
        {
            var missing = schema.Numeric.Where(c => double.IsNaN(data[c][r])).ToArray();
            string key = string.Join(",", missing);
            if (!keys.TryGetValue(key, out int p)) { keys[key] = p = patterns.Count; patterns.Add(missing); }
            patternOf[r] = p;
        }
        Patterns = patterns;
        if (patterns.Count > 1)
        {
            discrete.Add(patternOf);
            levels.Add(patterns.Count);
        }
        Data = new MixtureData(rows, Dimensions.Length, z, discrete.ToArray(), levels.ToArray());
    }

    public StatSchema Schema { get; }
    public int[] Dimensions { get; }
    /// <summary>The missing numeric columns of each pattern (a single, possibly empty, pattern when there is no pattern variable).</summary>
    public IReadOnlyList<int[]> Patterns { get; }
    public MixtureData Data { get; }

    public static int[] DimensionsOf(StatSchema schema) => schema.Numeric.Where(c => !schema.Columns[c].IsConstant).ToArray();
}
