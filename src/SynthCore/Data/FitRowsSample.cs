namespace SynthCore.Data;

/// <summary>
/// The rows a model is fitted on under <c>--fit-rows N</c>: a seeded uniform sample of N of the table's M rows
/// (<see cref="RowReservoir"/>), plus the few real rows that carry what the sample would otherwise miss, found by
/// <see cref="StreamingColumnStatistics"/> over every row: each text or yes/no level the sample lacks (its first row) and
/// each numeric or date column's least and greatest value. So a rare category outside the sample is still learned and
/// the model's bounds are the table's. A CSV file is streamed, never held whole: only the sample and those rows are kept.
/// </summary>
/// <param name="Table">The rows to fit on, in file order.</param>
/// <param name="TotalRows">M, the table's rows.</param>
/// <param name="SampledRows">The reservoir's rows (N, or M when the table has fewer).</param>
/// <param name="AddedRows">Rows added for levels and bounds the sample lacked.</param>
/// <param name="Statistics">Each column's statistics over all M rows.</param>
public sealed record FitRowsSample(DataFrame Table, long TotalRows, int SampledRows, int AddedRows, IReadOnlyList<StreamingColumnStatistics> Statistics)
{
    /// <summary>"a seeded sample of N of M rows (+k rows holding levels or bounds outside it)", or "all M rows", for the command's output.</summary>
    public string Describe() =>
        SampledRows == TotalRows ? $"all {TotalRows:N0} rows (the table has no more than the sample's size)"
        : $"a seeded sample of {SampledRows:N0} of {TotalRows:N0} rows" + (AddedRows > 0 ? $" (+{AddedRows:N0} rows holding levels or bounds outside it)" : "");

    /// <summary>Streams the CSV file at <paramref name="path"/> and keeps a sample of <paramref name="rows"/> rows drawn from <paramref name="streams"/>.</summary>
    public static FitRowsSample ReadCsv(string path, int rows, RandomStreams streams, CsvReadOptions? options = null)
    {
        var reservoir = new RowReservoir(rows, streams);
        StreamingColumnStatistics[]? statistics = null;
        var table = CsvTable.Read(path, options ?? new CsvReadOptions(), reservoir, (row, kept, values) =>
        {
            statistics ??= values.Select((_, c) => new StreamingColumnStatistics()).ToArray();
            for (int c = 0; c < values.Length; c++) statistics[c].Add(row, kept, values, c);
        });
        return Complete(table, reservoir, statistics!);
    }

    /// <summary>
    /// The same sample of a Parquet file or folder, read a row group at a time: the rows are counted from the footers and
    /// offered to the reservoir, then each group's kept rows are copied out and the group let go.
    /// </summary>
    public static FitRowsSample ReadParquet(string path, int rows, RandomStreams streams)
    {
        var reservoir = new RowReservoir(rows, streams);
        long[] kept = [];
        StreamingColumnStatistics[]? statistics = null;
        DataFrame? sample = null;
        long offset = 0, next = 0;
        ParquetTable.ReadGroups(path, total =>
        {
            for (long r = 0; r < total; r++) reservoir.Offer();
            kept = reservoir.Kept();
        }, group =>
        {
            statistics ??= group.Columns.Select(c => new StreamingColumnStatistics()).ToArray();
            var local = new List<long>();
            Observe(group, statistics, offset, r =>
            {
                bool keep = next < kept.Length && kept[next] == offset + r;
                if (keep) { local.Add(r); next++; }
                return keep;
            });
            var picked = group[local];
            if (sample is null) sample = picked;
            else sample.Append(picked.Rows, inPlace: true);
            offset += group.Rows.Count;
        });
        if (sample is null) throw new SynthFileException(path, "the table has no rows.");
        return Complete(sample, reservoir, statistics!);
    }

    /// <summary>The same sample of a table already in memory (a notebook's DataFrame, a query's rows).</summary>
    public static FitRowsSample Of(DataFrame table, int rows, RandomStreams streams)
    {
        var reservoir = new RowReservoir(rows, streams);
        for (long r = 0; r < table.Rows.Count; r++) reservoir.Offer();
        var kept = reservoir.Kept();
        var keep = new HashSet<long>(kept);
        var statistics = table.Columns.Select(c => new StreamingColumnStatistics()).ToArray();
        Observe(table, statistics, 0, keep.Contains);
        return Complete(table[kept], reservoir, statistics);
    }

    /// <summary>Each row of <paramref name="table"/> (row <paramref name="offset"/> + r of the whole) into the statistics, kept or not.</summary>
    private static void Observe(DataFrame table, StreamingColumnStatistics[] statistics, long offset, Func<long, bool> kept)
    {
        var values = new object?[table.Columns.Count];
        for (long r = 0; r < table.Rows.Count; r++)
        {
            bool keep = kept(r);
            for (int c = 0; c < values.Length; c++) values[c] = StreamingColumnStatistics.Comparable(table.Columns[c][r]);
            for (int c = 0; c < values.Length; c++) statistics[c].Add(offset + r, keep, values, c);
        }
    }

    private static FitRowsSample Complete(DataFrame sample, RowReservoir reservoir, StreamingColumnStatistics[] statistics)
    {
        var added = new SortedDictionary<long, object?[]>();
        for (int c = 0; c < statistics.Length; c++) statistics[c].AddMissingRows(sample.Columns[c], added);
        var table = sample;
        if (added.Count > 0)
        {
            table = sample.Clone();
            foreach (var values in added.Values)
                table.Append(values.Select((v, c) => Stored(v, sample.Columns[c])), inPlace: true);
        }
        for (int c = 0; c < statistics.Length; c++) statistics[c].Name = sample.Columns[c].Name;
        return new FitRowsSample(table, reservoir.Offered, (int)Math.Min(reservoir.Offered, reservoir.Capacity), added.Count, statistics);
    }

    /// <summary>A value back in its column's type (a Parquet or query column may hold integers or floats).</summary>
    private static object? Stored(object? value, DataFrameColumn column) =>
        value is double x && column.DataType != typeof(double) ? Convert.ChangeType(x, column.DataType, System.Globalization.CultureInfo.InvariantCulture) : value;
}
