namespace SynthCore.Data.Sequences;

/// <summary>
/// A table read as one or more ordered multivariate series (raw values, time × feature), with the
/// min-max scaler of its features and the sliding windows sequence models train on.
/// </summary>
public sealed class SequenceData
{
    private SequenceData(IReadOnlyList<string> features, IReadOnlyList<double[][]> series, IReadOnlyList<string> seriesKeys,
        string? timeColumn, string? idColumn, SequenceDataOptions options, StaticFeatures? staticFeatures = null, IReadOnlyList<object[]>? staticValues = null)
    {
        Static = staticFeatures;
        StaticValues = staticValues;
        FeatureNames = features;
        Series = series;
        SeriesKeys = seriesKeys;
        TimeColumn = timeColumn;
        IdColumn = idColumn;
        Options = options;
        Scaler = MinMaxScaler.Fit(series, features.Count);
    }

    /// <summary>The feature columns, in table order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Each series' raw values in time order: [time][feature].</summary>
    public IReadOnlyList<double[][]> Series { get; }

    /// <summary>The id value of each series ("" for a table with one series).</summary>
    public IReadOnlyList<string> SeriesKeys { get; }

    /// <summary>The column that ordered the rows, or null (row order).</summary>
    public string? TimeColumn { get; }

    /// <summary>The column that split the rows into series, or null.</summary>
    public string? IdColumn { get; }

    public SequenceDataOptions Options { get; }

    /// <summary>Min-max scaling of each feature over all series.</summary>
    public MinMaxScaler Scaler { get; }

    /// <summary>The static (per-entity) columns' encoding, or null when <see cref="SequenceDataOptions.Static"/> names none.</summary>
    public StaticFeatures? Static { get; }

    /// <summary>Each series' static values (as <see cref="StaticFeatures.Read"/> gives them), in the order of <see cref="Series"/>; null without static columns.</summary>
    public IReadOnlyList<object[]>? StaticValues { get; }

    /// <summary>Windows the series yield with the options' length and stride.</summary>
    public int WindowCount => Series.Sum(s => (s.Length - Options.SequenceLength) / Options.Stride + 1);

    /// <summary>Every window, raw values, in series then time order: [window][step][feature].</summary>
    public double[][][] RawWindows()
    {
        var windows = new List<double[][]>(WindowCount);
        foreach (var s in Series)
            for (int start = 0; start + Options.SequenceLength <= s.Length; start += Options.Stride)
                windows.Add(s.AsSpan(start, Options.SequenceLength).ToArray().Select(step => (double[])step.Clone()).ToArray());
        return windows.ToArray();
    }

    /// <summary>Every window, min-max scaled, shuffled with <paramref name="seed"/> (as the TimeGAN reference code does).</summary>
    public float[][][] ScaledWindows(int seed)
    {
        var windows = Scaler.Scale(RawWindows());
        new RandomStreams(seed).Stream("windows").Shuffle(windows);
        return windows;
    }

    /// <summary>Each window's static values (its series'), in the order of <see cref="RawWindows"/>; null without static columns.</summary>
    public object[][]? WindowStaticValues()
    {
        if (StaticValues is null) return null;
        var result = new List<object[]>(WindowCount);
        for (int s = 0; s < Series.Count; s++)
            for (int start = 0; start + Options.SequenceLength <= Series[s].Length; start += Options.Stride) result.Add(StaticValues[s]);
        return result.ToArray();
    }

    /// <summary>
    /// Every window, min-max scaled, with its series' encoded static values, shuffled together with <paramref name="seed"/>
    /// (in the same order <see cref="ScaledWindows"/> gives the windows).
    /// </summary>
    /// <exception cref="InvalidOperationException">The data has no static columns.</exception>
    public (float[][][] Windows, float[][] Static) ScaledWindowsWithStatic(int seed)
    {
        if (Static is null || StaticValues is null) throw new InvalidOperationException("The sequence data has no static columns.");
        var windows = Scaler.Scale(RawWindows());
        var codes = WindowStaticValues()!.Select(Static.Encode).ToArray();
        // Shuffling indices draws the same permutation as shuffling the windows themselves.
        var order = Enumerable.Range(0, windows.Length).ToArray();
        new RandomStreams(seed).Stream("windows").Shuffle(order);
        return (order.Select(i => windows[i]).ToArray(), order.Select(i => codes[i]).ToArray());
    }

    /// <summary>Sequences given directly (e.g. generated Sines): one series per sequence, features named f0, f1, … unless given.</summary>
    public static SequenceData FromSequences(double[][][] sequences, IReadOnlyList<string>? featureNames = null)
    {
        if (sequences.Length == 0) throw new SynthException("There are no sequences.");
        int length = sequences[0].Length, features = sequences[0][0].Length;
        if (sequences.Any(s => s.Length != length || s.Any(step => step.Length != features)))
            throw new SynthException("The sequences differ in length or in number of features.");
        var names = featureNames ?? Enumerable.Range(0, features).Select(f => $"f{f}").ToArray();
        return new SequenceData(names, sequences, sequences.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray(),
            null, null, new SequenceDataOptions { SequenceLength = length });
    }

    /// <summary>Reads <paramref name="table"/> as series.</summary>
    /// <exception cref="SynthOptionException">Bad options.</exception>
    /// <exception cref="SynthColumnException">A feature that is not numeric or has missing values; a time column with missing,
    /// repeated or unevenly spaced timestamps; a series shorter than the window. The message names the column.</exception>
    public static SequenceData FromTable(DataFrame table, TableMetadata metadata, SequenceDataOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= new SequenceDataOptions();
        options.Validate();
        if (table.Rows.Count == 0) throw new SynthException("The table has no rows.");

        string? idColumn = options.IdColumn;
        if (idColumn is not null) _ = metadata[idColumn];
        string? timeColumn = options.TimeColumn;
        if (timeColumn is not null)
        {
            if (metadata[timeColumn].Kind is not (ColumnKind.Datetime or ColumnKind.Integer or ColumnKind.Continuous))
                throw new SynthColumnException(timeColumn, "cannot order the rows: it holds neither dates nor numbers.");
        }
        else
        {
            var dates = metadata.Columns.Where(c => c.Kind == ColumnKind.Datetime && c.Name != idColumn).ToArray();
            if (dates.Length > 1)
                throw new SynthOptionException("time-column", $"the table has several datetime columns ({string.Join(", ", dates.Select(d => d.Name))}); name the one that orders the rows.");
            timeColumn = dates.FirstOrDefault()?.Name;
        }

        var staticColumns = options.Static ?? [];
        foreach (var name in staticColumns)
            if (name == timeColumn) throw new SynthColumnException(name, "is the time column and cannot also be a static feature.");
        var features = options.Features?.ToArray()
            ?? metadata.Columns.Select(c => c.Name).Where(n => n != timeColumn && n != idColumn && !staticColumns.Contains(n)).ToArray();
        foreach (var name in features)
            if (staticColumns.Contains(name)) throw new SynthColumnException(name, "is named both as a feature and as a static column.");
        if (features.Length == 0) throw new SynthException("The table has no feature columns besides the time and id columns.");
        foreach (var name in features)
        {
            var column = metadata[name];
            if (name == timeColumn || name == idColumn)
                throw new SynthColumnException(name, "is the time or id column and cannot also be a feature.");
            if (column.Kind is not (ColumnKind.Continuous or ColumnKind.Integer))
                throw new SynthColumnException(name,
                    $"is {column.Kind.ToString().ToLowerInvariant()}, but sequence models need numeric features. Leave it out (e.g. --option features=...) or encode it as numbers.");
            if (column.MissingCount > 0)
                throw new SynthColumnException(name, $"has {column.MissingCount} missing value(s); sequence models need complete series. Fill or drop them first.");
        }

        int rows = checked((int)table.Rows.Count);
        var values = features.Select(name => Numbers(table.Columns[name], name)).ToArray();
        double[]? times = timeColumn is null ? null : Times(table.Columns[timeColumn], timeColumn);
        string[] keys = idColumn is null ? new string[rows] : Keys(table.Columns[idColumn], idColumn);

        var groups = Enumerable.Range(0, rows).GroupBy(r => keys[r] ?? "", StringComparer.Ordinal).ToArray();
        var series = new List<double[][]>();
        var seriesKeys = new List<string>();
        foreach (var group in groups)
        {
            int[] order = group.ToArray();
            if (times is not null)
            {
                order = order.OrderBy(r => times[r]).ToArray();
                CheckSpacing(order.Select(r => times[r]).ToArray(), timeColumn!, group.Key, idColumn, options.AllowIrregular);
            }
            if (order.Length < options.SequenceLength)
                throw new SynthColumnException(idColumn ?? features[0],
                    (idColumn is null ? "the series" : $"series '{group.Key}'")
                    + $" has {order.Length} rows, fewer than the sequence length {options.SequenceLength}. Use a shorter --seq-len or more data.");
            series.Add(order.Select(r => values.Select(v => v[r]).ToArray()).ToArray());
            seriesKeys.Add(group.Key);
        }
        if (options.Static is null) return new SequenceData(features, series, seriesKeys, timeColumn, idColumn, options);
        var (encoding, byEntity) = StaticFeatures.Read(table, metadata, idColumn, options.Static);
        return new SequenceData(features, series, seriesKeys, timeColumn, idColumn, options, encoding, seriesKeys.Select(k => byEntity[k]).ToArray());
    }

    private static double[] Numbers(DataFrameColumn column, string name) =>
        EachRow(column, (value, row) => value is IConvertible c and not string && c.ToDouble(CultureInfo.InvariantCulture) is var x && double.IsFinite(x)
            ? x
            : throw new SynthColumnException(name, $"row {row} holds '{value}', not a finite number."));

    private static double[] Times(DataFrameColumn column, string name) =>
        EachRow<double>(column, (value, row) => value switch
        {
            null => throw new SynthColumnException(name, $"row {row} has no timestamp; every row needs one to be put in order. Fill or drop it first."),
            DateTime d => d.Ticks,
            DateTimeOffset d => d.UtcTicks,
            IConvertible c and not string => c.ToDouble(CultureInfo.InvariantCulture),
            var o => throw new SynthColumnException(name, $"row {row} holds '{o}', not a timestamp."),
        });

    /// <summary>Each row's series id as text (what groups rows into series); a row without one is refused.</summary>
    internal static string[] Keys(DataFrameColumn column, string name) =>
        EachRow(column, (value, row) => value switch
        {
            null => throw new SynthColumnException(name, $"row {row} has no series id."),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var o => o.ToString() ?? "",
        });

    /// <summary>Each row's value of <paramref name="column"/> as <paramref name="read"/> takes it, given the value and its row number (from 1).</summary>
    private static T[] EachRow<T>(DataFrameColumn column, Func<object?, long, T> read)
    {
        var result = new T[column.Length];
        for (long i = 0; i < column.Length; i++) result[i] = read(column[i], i + 1);
        return result;
    }

    /// <summary>Repeated timestamps are always an error; uneven gaps are unless allowed.</summary>
    private static void CheckSpacing(double[] sorted, string timeColumn, string key, string? idColumn, bool allowIrregular)
    {
        string where = idColumn is null ? "" : $" in series '{key}'";
        for (int i = 1; i < sorted.Length; i++)
            if (sorted[i] == sorted[i - 1])
                throw new SynthColumnException(timeColumn, $"the timestamp {Show(sorted[i])} appears more than once{where}.");
        if (allowIrregular || sorted.Length < 3) return;
        double step = sorted[1] - sorted[0];
        for (int i = 2; i < sorted.Length; i++)
        {
            double gap = sorted[i] - sorted[i - 1];
            if (Math.Abs(gap - step) > 1e-9 * Math.Abs(step))
                throw new SynthColumnException(timeColumn,
                    $"the timestamps are unevenly spaced{where}: {Show(sorted[i - 1])} to {Show(sorted[i])} differs from the first gap. "
                    + "Resample the series to a regular grid, or allow irregular spacing (--option irregular=true) to ignore the gaps.");
        }
    }

    private static string Show(double time) =>
        time >= DateTime.MinValue.Ticks && time <= DateTime.MaxValue.Ticks && time > 1e15
            ? new DateTime((long)time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : time.ToString(CultureInfo.InvariantCulture);
}
