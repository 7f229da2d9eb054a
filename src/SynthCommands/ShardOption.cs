namespace SynthCommands;

/// <summary>The <c>--shard i/K</c> of <c>synth sample</c>: this process writes shard i (from 0) of K.</summary>
internal readonly record struct ShardOption(int Index, int Count)
{
    /// <summary>The file the shard is written to, in the --out folder: <c>part-i-of-K.csv</c> or <c>.parquet</c>.</summary>
    public string FileName(TableFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"part-{Index}-of-{Count}{TableFormats.Extension(format)}");

    /// <exception cref="SynthOptionException">Not two whole numbers i/K with K ≥ 1 and 0 ≤ i &lt; K.</exception>
    public static ShardOption Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            throw new SynthOptionException("--shard", $"'{text}' is not i/K (two whole numbers, e.g. --shard 0/4 for the first of four shards).");
        if (count < 1)
            throw new SynthOptionException("--shard", $"'{text}': the number of shards K must be at least 1.");
        if (index >= count)
            throw new SynthOptionException("--shard", $"'{text}': shards of {count} are numbered 0 to {count - 1}.");
        return new ShardOption(index, count);
    }
}
