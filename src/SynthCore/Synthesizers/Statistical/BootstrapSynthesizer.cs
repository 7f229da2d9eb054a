using System.Text.Json.Serialization;
using SynthCore.Persistence;
using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>Options of the bootstrap as saved in the model-file header.</summary>
/// <param name="Bandwidth">0 for the plain bootstrap; otherwise the jitter's standard deviation as a multiple of
/// Silverman's rule-of-thumb bandwidth 0.9·min(sd, IQR/1.34)·n^(−1/5) of each continuous or integer column.</param>
/// <param name="Seed">The fit seed, also the default sampling seed.</param>
public sealed record BootstrapOptions(double Bandwidth, int Seed)
{
    [JsonIgnore] public bool Smoothed => Bandwidth > 0;
}

/// <summary>
/// The bootstrap (<c>bootstrap</c>): samples real rows with replacement; with <c>--option smooth=true</c>
/// (and <c>bandwidth=</c>, a multiple of Silverman's bandwidth, default 1) continuous and integer columns
/// get Gaussian jitter, reflected back into the observed range, integers rounded. Dates, categories and
/// booleans are copied from the drawn row. Conditions select the real rows that meet them (exact); a
/// condition no real row meets is an error, since the bootstrap only reproduces real rows.
/// </summary>
public sealed class BootstrapSynthesizer(BootstrapOptions options) : ISynthesizer
{
    public const string Name = "bootstrap";

    public string ModelName => Name;

    public BootstrapOptions Options { get; } = options;

    // bandwidth first: smooth=false then turns it off, smooth=true keeps a bandwidth given (else 1).
    private static readonly ModelOptionSet<BootstrapOptions> Extras = new(
        ModelOption.Bool<BootstrapOptions>("smooth", o => o.Smoothed, (o, v) => o with { Bandwidth = v ? (o.Smoothed ? o.Bandwidth : 1) : 0 }, "jitter numbers with Gaussian noise (on when a bandwidth is given)"),
        ModelOption.Real<BootstrapOptions>("bandwidth", o => o.Smoothed ? o.Bandwidth : 1, (o, v) => o with { Bandwidth = v }, "the jitter's sd as a multiple of Silverman's rule", 0.001, 100));

    public static SynthesizerDescriptor Descriptor { get; } = new(
        Name,
        "Bootstrap: resamples real rows, optionally smoothed with per-column Gaussian jitter. Options: smooth=true|false, bandwidth=<multiple of Silverman's rule>.",
        Create,
        BootstrapModel.Load)
    { Options = Extras.Describe(new BootstrapOptions(0, 42)) };

    public static ISynthesizer Create(SynthesizerSettings settings) => new BootstrapSynthesizer(OptionsFrom(settings));

    /// <summary>The options from the common settings and <c>--option</c> pairs; also how a model file's options are checked.</summary>
    internal static BootstrapOptions OptionsFrom(SynthesizerSettings settings)
    {
        settings.RejectTraining(Name, "it is fitted in closed form, not trained");
        return Extras.Apply(new BootstrapOptions(0, settings.Seed), settings.Extra, Name, "bandwidth");
    }

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (table.Rows.Count == 0) throw new SynthException("The table has no rows to resample.");
        cancellationToken.ThrowIfCancellationRequested();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ordered = new DataFrame(metadata.Columns.Select(c => table.Columns.Any(t => t.Name == c.Name)
            ? table.Columns[c.Name].Clone()
            : throw new SynthColumnException(c.Name, "is in the metadata but not in the table.")));
        var model = new BootstrapModel(metadata, Options, ordered);
        progress?.Report(new TrainingProgress("fit", 1, 1, new Dictionary<string, double> { ["rows"] = table.Rows.Count }, clock.Elapsed, TimeSpan.Zero));
        return model;
    }
}

/// <summary>A fitted bootstrap: the training rows and each numeric column's jitter bandwidth.</summary>
public sealed class BootstrapModel : IFittedSynthesizer
{
    private readonly DataFrame table;
    private readonly ConditionDomain domain;
    private readonly Dictionary<string, double> bandwidths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Min, double Max)> ranges = new(StringComparer.Ordinal);

    internal BootstrapModel(TableMetadata metadata, BootstrapOptions options, DataFrame table)
    {
        Metadata = metadata;
        Options = options;
        this.table = table;
        domain = ConditionDomain.FromTable(table, metadata);
        foreach (var meta in metadata.Columns.Where(c => c.Kind is ColumnKind.Continuous or ColumnKind.Integer))
        {
            var values = DistributionFitter.NumericValues(table.Columns[meta.Name], meta.Kind);
            if (values.Length == 0) continue;
            ranges[meta.Name] = (values.Min(), values.Max());
            if (options.Smoothed && values.Length > 1) bandwidths[meta.Name] = options.Bandwidth * Silverman(values);
        }
    }

    public string ModelName => BootstrapSynthesizer.Name;

    public TableMetadata Metadata { get; }

    public BootstrapOptions Options { get; }
    public int Seed => Options.Seed;

    /// <summary>The jitter standard deviation of each smoothed column (empty for the plain bootstrap).</summary>
    public IReadOnlyDictionary<string, double> Bandwidths => bandwidths;

    // Silverman's rule of thumb; MathNet has the statistics but not the rule itself.
    private static double Silverman(double[] values)
    {
        double sd = MathNet.Numerics.Statistics.Statistics.PopulationStandardDeviation(values);
        double iqr = MathNet.Numerics.Statistics.Statistics.InterquartileRange(values);
        double spread = iqr > 0 ? Math.Min(sd, iqr / 1.34) : sd;
        return 0.9 * spread * Math.Pow(values.Length, -0.2);
    }

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
    {
        if (rows < 1) throw new SynthOptionException("rows", $"must be at least 1 (got {rows}).");
        var resolved = ConditionResolver.Resolve(conditions, Metadata, domain);
        var candidates = Enumerable.Range(0, (int)table.Rows.Count)
            .Where(r => resolved.All(c => c.IsMetBy(table.Columns[c.Column][r]))).ToArray();
        if (candidates.Length == 0)
            throw new SynthException(
                $"The conditions ({RejectionSampler.Describe(resolved)}) are too rare for the bootstrap: 0 of the {table.Rows.Count:N0} real rows meet them, "
                + "and it only reproduces real rows. Widen the conditions, or use the copula, which can sample between real values.");
        var streams = new RandomStreams(seed ?? Options.Seed);
        var random = streams.Stream("sample");
        var picks = new long[rows];
        for (int i = 0; i < rows; i++) picks[i] = candidates[random.Next(candidates.Length)];
        var drawn = table[picks];
        var byColumn = resolved.ToDictionary(c => c.Column);
        var columns = new List<DataFrameColumn>();
        foreach (var meta in Metadata.Columns)
        {
            var column = drawn.Columns[meta.Name];
            if (meta.Kind == ColumnKind.Identifier)
            {
                var ids = new IdentifierTransform(meta.Name);
                ids.Fit(table.Columns[meta.Name]);
                column = ids.Reverse(ReadOnlySpan<float>.Empty, rows, 0, 0);
            }
            else if (bandwidths.TryGetValue(meta.Name, out double h) && h > 0)
                column = Jitter(column, meta.Kind, h, ranges[meta.Name], byColumn.GetValueOrDefault(meta.Name), streams.Child("jitter").Stream(meta.Name));
            columns.Add(column);
        }
        return new DataFrame(columns);
    }

    private static DataFrameColumn Jitter(DataFrameColumn column, ColumnKind kind, double h, (double Min, double Max) range, ResolvedCondition? condition, Random random)
    {
        var storage = ColumnStorageExtensions.StorageOf(column);
        var codec = ColumnValueCodec.Create(column.Name, storage, kind);
        double lo = range.Min, hi = range.Max;
        if (condition is not null) { lo = Math.Max(lo, condition.Min); hi = Math.Min(hi, condition.Max); }
        var cells = new object?[column.Length];
        for (long r = 0; r < column.Length; r++)
        {
            object? cell = column[r];
            if (ColumnStorageExtensions.IsMissing(cell) || !codec.TryToNumber(cell!, out double x)) { cells[r] = null; continue; }
            if (condition?.IsExactValue != true)
            {
                x = Reflect(x + h * Normal(random), lo, hi);
                if (kind == ColumnKind.Integer) x = Math.Clamp(Math.Round(x, MidpointRounding.AwayFromZero), Math.Ceiling(lo), Math.Floor(hi));
            }
            cells[r] = codec.FromNumber(x);
        }
        return storage.Create(column.Name, cells);
    }

    /// <summary>Reflects jitter that leaves [lo, hi] back inside, which keeps the density near the edges (clamping would pile values on them).</summary>
    private static double Reflect(double x, double lo, double hi)
    {
        if (hi <= lo) return lo;
        for (int i = 0; i < 4 && (x < lo || x > hi); i++)
            x = x < lo ? 2 * lo - x : 2 * hi - x;
        return Math.Clamp(x, lo, hi);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public void Save(Stream stream) => ModelFile.Write(stream, ModelName, Metadata, Options, StoredTable.ToBytes(table));

    public static BootstrapModel Load(ModelFileContent content)
    {
        var options = ModelFile.OptionsFromJson<BootstrapOptions>(content.Header.Options);
        StatisticalOptions.EnsureAccepted(content.Header.Model, options, options.Seed, options.Smoothed
            ? new() { ["smooth"] = "true", ["bandwidth"] = options.Bandwidth.ToString("R", System.Globalization.CultureInfo.InvariantCulture) }
            : new() { ["smooth"] = "false" }, BootstrapSynthesizer.OptionsFrom);
        var table = StoredTable.FromBytes(content.Payload);
        if (!content.Header.Metadata.Columns.Select(c => c.Name).SequenceEqual(table.Columns.Select(c => c.Name)))
            throw new SynthException("The model file's table does not match its schema.");
        return new BootstrapModel(content.Header.Metadata, options, table);
    }
}
