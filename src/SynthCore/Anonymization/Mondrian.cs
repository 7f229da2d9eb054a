namespace SynthCore.Anonymization;

/// <summary>
/// k-anonymity by Mondrian generalisation (LeFevre, DeWitt &amp; Ramakrishnan 2006), strict
/// multidimensional partitioning: a partition is cut on the quasi-identifier with the widest normalised
/// spread, at the threshold nearest its median that leaves at least k rows on each side (trying the next
/// widest when none does), until no cut is allowed. Each final partition is one equivalence class:
/// numbers become "lo-hi" ranges, categories the set of values present ("{a,b}"; categories are cut in
/// ordinal text order, since no hierarchy is given). Missing values sort last and show as "(missing)".
/// </summary>
public static class Mondrian
{
    /// <exception cref="SynthOptionException">k below 1, more than the rows, or no quasi-identifiers.</exception>
    /// <exception cref="SynthColumnException">A quasi-identifier is missing or is an identifier.</exception>
    public static KAnonymityResult Anonymize(DataFrame table, TableMetadata metadata, IReadOnlyList<string> quasiIdentifiers, int k)
    {
        int rows = checked((int)table.Rows.Count);
        if (quasiIdentifiers.Count == 0) throw new SynthOptionException("--quasi", "name at least one quasi-identifier column.");
        if (quasiIdentifiers.Distinct().Count() != quasiIdentifiers.Count) throw new SynthOptionException("--quasi", "names a column twice.");
        if (k < 1) throw new SynthOptionException("--k", $"must be at least 1 (got {k}).");
        if (k > rows) throw new SynthOptionException("--k", $"is {k}, but the table has only {rows} rows.");
        var dims = quasiIdentifiers.Select(q => Dimension.Read(table, metadata, q)).ToArray();

        var classes = new List<int[]>();
        var pending = new Stack<int[]>();
        pending.Push(Enumerable.Range(0, rows).ToArray());
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            var cut = dims.Select((d, i) => (Dim: i, Width: d.Spread(part)))
                .Where(x => x.Width > 0).OrderByDescending(x => x.Width).ThenBy(x => x.Dim)
                .Select(x => TrySplit(part, dims[x.Dim], k)).FirstOrDefault(s => s is not null);
            if (cut is null) { classes.Add(part); continue; }
            pending.Push(cut.Value.Right);
            pending.Push(cut.Value.Left);
        }
        classes.Sort((a, b) => a.Min().CompareTo(b.Min()));

        var labels = dims.Select(_ => new string?[rows]).ToArray();
        var penalty = new double[dims.Length];
        var classOfRow = new int[rows];
        for (int c = 0; c < classes.Count; c++)
        {
            var members = classes[c];
            for (int d = 0; d < dims.Length; d++)
            {
                var (label, loss) = dims[d].Generalise(members);
                penalty[d] += loss * members.Length;
                foreach (int r in members) labels[d][r] = label;
            }
            foreach (int r in members) classOfRow[r] = c;
        }

        var output = table.Columns.Select(column =>
        {
            int d = Array.FindIndex(dims, x => x.Name == column.Name);
            return d < 0 ? column.Clone() : new StringDataFrameColumn(column.Name, labels[d]);
        });
        var losses = dims.Select((d, i) => new ColumnLoss(d.Name, penalty[i] / rows)).ToArray();
        return new KAnonymityResult(new DataFrame(output), k, quasiIdentifiers.ToArray(), classes.Count,
            classes.Min(c => c.Length), (double)rows / classes.Count, losses.Average(l => l.CertaintyPenalty), losses,
            classes.Sum(c => (long)c.Length * c.Length), classOfRow);
    }

    /// <summary>The cut of <paramref name="part"/> on <paramref name="dim"/> at the threshold nearest the median with ≥ k rows each side, or null.</summary>
    private static (int[] Left, int[] Right)? TrySplit(int[] part, Dimension dim, int k)
    {
        var sorted = part.OrderBy(r => dim.Keys[r]).ThenBy(r => r).ToArray();
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int left = k; left <= sorted.Length - k; left++)
        {
            // A cut between equal keys would put one value on both sides: not a threshold.
            if (dim.Keys[sorted[left - 1]] == dim.Keys[sorted[left]]) continue;
            double distance = Math.Abs(left - sorted.Length / 2.0);
            if (distance < bestDistance) { bestDistance = distance; best = left; }
        }
        return best < 0 ? null : (sorted[..best], sorted[best..]);
    }

    /// <summary>One quasi-identifier as ordered keys: numbers (missing = +∞) or category ranks (missing last).</summary>
    private sealed class Dimension
    {
        private ColumnValueCodec codec = null!;
        private string[] categories = [];
        private double range;

        public required string Name { get; init; }
        public required bool Numeric { get; init; }
        public double[] Keys { get; private set; } = [];

        public static Dimension Read(DataFrame table, TableMetadata metadata, string name)
        {
            var meta = metadata[name];
            if (meta.Kind == ColumnKind.Identifier)
                throw new SynthColumnException(name, "is an identifier: it is unique per row, so no generalisation short of suppressing it makes rows alike. Drop it instead.");
            var column = table.Columns.FirstOrDefault(c => c.Name == name) ?? throw new SynthColumnException(name, "is missing from the table.");
            var dim = new Dimension { Name = name, Numeric = meta.IsNumeric, codec = ColumnValueCodec.CreateChecked(column, meta.Kind) };
            int rows = (int)column.Length;
            dim.Keys = new double[rows];
            if (dim.Numeric)
            {
                for (int r = 0; r < rows; r++)
                    dim.Keys[r] = !ColumnStorageExtensions.IsMissing(column[r]) && dim.codec.TryToNumber(column[r]!, out double x) ? x : double.PositiveInfinity;
                var present = dim.Keys.Where(double.IsFinite).ToArray();
                dim.range = present.Length > 0 ? present.Max() - present.Min() : 0;
                return dim;
            }
            var keys = new string?[rows];
            for (int r = 0; r < rows; r++)
                keys[r] = ColumnStorageExtensions.IsMissing(column[r]) ? null : dim.codec.ToKey(column[r]!);
            dim.categories = keys.Where(x => x is not null).Distinct().Order(StringComparer.Ordinal).ToArray()!;
            var rank = dim.categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (double)p.i, StringComparer.Ordinal);
            for (int r = 0; r < rows; r++) dim.Keys[r] = keys[r] is { } key ? rank[key] : dim.categories.Length;
            dim.range = dim.categories.Length + (keys.Any(x => x is null) ? 1 : 0) - 1;
            return dim;
        }

        /// <summary>Spread of the part relative to the whole column, 0 to 1 (any mix of missing and values counts fully).</summary>
        public double Spread(int[] part)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (int r in part) { lo = Math.Min(lo, Keys[r]); hi = Math.Max(hi, Keys[r]); }
            if (lo == hi) return 0;
            if (double.IsPositiveInfinity(hi)) return 1;
            return Numeric ? (range > 0 ? (hi - lo) / range : 0) : (range > 0 ? (part.Select(r => Keys[r]).Distinct().Count() - 1) / range : 0);
        }

        /// <summary>The class's label for this column and its certainty penalty.</summary>
        public (string Label, double Penalty) Generalise(int[] members)
        {
            var values = members.Select(r => Keys[r]).Distinct().Order().ToArray();
            bool missing = Numeric ? double.IsPositiveInfinity(values[^1]) : values[^1] == categories.Length;
            var present = missing ? values[..^1] : values;
            if (present.Length == 0) return (ColumnValues.MissingLabel, 0);
            string label;
            double loss;
            if (Numeric)
            {
                string lo = ColumnValueCodec.FormatCell(codec.FromNumber(present[0])), hi = ColumnValueCodec.FormatCell(codec.FromNumber(present[^1]));
                label = present.Length == 1 ? lo : $"{lo}-{hi}";
                loss = missing ? 1 : range > 0 ? (present[^1] - present[0]) / range : 0;
            }
            else
            {
                var names = present.Select(v => categories[(int)v]).ToList();
                if (missing) names.Add(ColumnValues.MissingLabel);
                label = names.Count == 1 ? names[0] : "{" + string.Join(",", names) + "}";
                loss = range > 0 ? (names.Count - 1) / range : 0;
            }
            if (missing && Numeric) label += $",{ColumnValues.MissingLabel}";
            return (label, loss);
        }
    }
}
