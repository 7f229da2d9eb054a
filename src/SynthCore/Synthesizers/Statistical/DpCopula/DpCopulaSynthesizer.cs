using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Statistical.DpCopula;

/// <summary>
/// A differentially private Gaussian copula in the spirit of DPCopula (Li et al. 2014): noisy histograms
/// as marginals and a noisy Kendall's-tau correlation mapped by ρ = sin(πτ/2), repaired to a valid
/// correlation matrix. Pure ε-DP with the Laplace mechanism under replace-one-row neighbours
/// (n is public): each row moves one count of each histogram (L1 sensitivity 2) and Kendall's tau by
/// at most 4/n. The budget is split ε·share equally over the column histograms and ε·(1 − share)
/// equally over the column pairs; the ledger of the fitted model lists every release.
/// Private: everything the fitted model learned from the values (marginals, correlation).
/// Not private: the row count, the schema, category sets, which columns have missing values and
/// identifier formats (all read from the data as is), and the bounds when taken from the data.
/// </summary>
public sealed class DpCopulaSynthesizer(DpCopulaOptions? options = null) : OptionsSynthesizer<DpCopulaOptions>(options)
{
    public const string Name = "dp-copula";

    public override string ModelName => Name;

    public override IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        int n = checked((int)table.Rows.Count);
        if (n < 2) throw new SynthException("The DP copula needs at least 2 rows.");
        var started = DateTime.UtcNow;
        foreach (string bounded in Options.Bounds.Keys)
            if (!metadata[bounded].IsNumeric)
                throw new SynthOptionException("bounds", $"column '{bounded}' is {metadata[bounded].Kind.ToString().ToLowerInvariant()}, not numeric; only numeric and date columns take bounds.");

        var columns = metadata.Columns.Select(c => MakeColumn(table, c)).ToArray();
        var modelled = columns.Where(c => c.IsModelled).ToArray();
        if (modelled.Length == 0) throw new SynthException("The table has nothing the DP copula can model: every column is an identifier.");
        var random = new RandomStreams(Options.Seed).Stream("fit");
        var ledger = new PrivacyLedger();
        int d = modelled.Length;
        double marginalEpsilon = d == 1 ? Options.Epsilon : Options.Epsilon * Options.MarginalShare;
        double correlationEpsilon = Options.Epsilon - marginalEpsilon;

        var cells = new int[d][];
        var order = new double[d][];
        for (int k = 0; k < d; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (cells[k], order[k]) = modelled[k].Read(table[modelled[k].Name]);
            double epsilon = marginalEpsilon / d, scale = 2 / epsilon;
            var counts = new double[modelled[k].CellCount];
            foreach (int c in cells[k]) counts[c]++;
            for (int c = 0; c < counts.Length; c++) counts[c] += Laplace.Sample(random, 0, scale);
            modelled[k].Probabilities = Normalise(counts);
            ledger.Add(new PrivacySpend("laplace", $"histogram of {modelled[k].Name}", epsilon, 0, 2, scale));
        }

        var correlation = Matrix<double>.Build.DenseIdentity(d);
        if (d > 1)
        {
            var keys = Enumerable.Range(0, d).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray()).ToArray();
            int pairs = d * (d - 1) / 2;
            double epsilon = correlationEpsilon / pairs, sensitivity = 4.0 / n, scale = sensitivity / epsilon;
            for (int i = 0; i < d; i++)
                for (int j = i + 1; j < d; j++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    double tau = KendallTau.Compute(order[i], keys[i], order[j], keys[j]) + Laplace.Sample(random, 0, scale);
                    correlation[i, j] = correlation[j, i] = Math.Sin(Math.PI / 2 * Math.Clamp(tau, -1, 1));
                    ledger.Add(new PrivacySpend("laplace", $"Kendall's tau of {modelled[i].Name} × {modelled[j].Name}", epsilon, 0, sensitivity, scale));
                }
            // One eigen-decomposition of the whole matrix: seconds for thousands of columns, with no token inside.
            correlation = Resources.CancellableWork.Run(() => CorrelationRepair.Repair(correlation), cancellationToken);
        }
        progress?.Report(new TrainingProgress("fit", 1, 1, new Dictionary<string, double> { ["epsilon"] = ledger.TotalEpsilon }, DateTime.UtcNow - started, TimeSpan.Zero));
        return new FittedDpCopula(Options, metadata, columns, correlation, ledger, n);
    }

    /// <summary>Clamped at 0 and normalised (post-processing, free of privacy cost); uniform if nothing is left.</summary>
    private static double[] Normalise(double[] counts)
    {
        var clamped = counts.Select(c => Math.Max(c, 0)).ToArray();
        double total = clamped.Sum();
        return total > 0 ? clamped.Select(c => c / total).ToArray() : clamped.Select(_ => 1.0 / clamped.Length).ToArray();
    }

    private DpCopulaColumn MakeColumn(DataFrame table, ColumnMetadata meta)
    {
        var column = table.Columns.FirstOrDefault(c => c.Name == meta.Name) ?? throw new SynthColumnException(meta.Name, "is missing from the table.");
        bool hasMissing = Enumerable.Range(0, (int)column.Length).Any(r => ColumnStorageExtensions.IsMissing(column[r]));
        if (meta.Kind == ColumnKind.Identifier)
        {
            var ids = new IdentifierTransform(meta.Name);
            ids.Fit(column);
            return new DpCopulaColumn { Name = meta.Name, Kind = meta.Kind, Role = DpCopulaColumn.IdentifierRole, Storage = ColumnStorageExtensions.StorageOf(column), Identifiers = ids };
        }
        if (!meta.IsNumeric)
        {
            var labels = new LabelTransform(meta.Name, meta.Kind);
            labels.Fit(column);
            return new DpCopulaColumn { Name = meta.Name, Kind = meta.Kind, Role = DpCopulaColumn.CategoricalRole, Storage = ColumnStorageExtensions.StorageOf(column), Labels = labels, HasMissing = labels.HasMissingCategory };
        }
        var codec = ColumnValueCodec.CreateChecked(column, meta.Kind);
        if (!Options.Bounds.TryGetValue(meta.Name, out var bounds))
        {
            if (!Options.BoundsFromData)
                throw new SynthOptionException("bounds",
                    $"column '{meta.Name}' has no bounds. Differential privacy needs each numeric column's range fixed without looking at the data: "
                    + $"give it, e.g. --option \"bounds={meta.Name}:LOW:HIGH\" (several separated by ';'), or pass --option bounds-from-data=true "
                    + "to take them from the data, which makes the model NOT differentially private.");
            var values = Enumerable.Range(0, (int)column.Length).Select(r => column[r])
                .Where(v => !ColumnStorageExtensions.IsMissing(v)).Select(v => codec.TryToNumber(v!, out double x) ? x : double.NaN)
                .Where(double.IsFinite).ToArray();
            if (values.Length == 0) throw new SynthColumnException(meta.Name, "has only missing values; drop it or fill it in.");
            double lo = values.Min(), hi = values.Max();
            bounds = new NumericBounds(lo, hi > lo ? hi : lo + 1);
        }
        return new DpCopulaColumn
        {
            Name = meta.Name, Kind = meta.Kind, Role = DpCopulaColumn.NumericRole, Storage = codec.Storage,
            Lower = bounds.Lower, Upper = bounds.Upper, Bins = Options.Bins, HasMissing = hasMissing,
        };
    }
}
