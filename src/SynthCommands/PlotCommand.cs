using SynthCore.Data.Sequences;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Embeddings;
using SynthCore.Evaluation.Sequences;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthReports;
using SynthReports.Charts;

namespace SynthCommands;

/// <summary>
/// <c>synth plot &lt;real&gt; &lt;synthetic&gt; --kind distributions|qq|correlation|pairs|pca|tsne|series|latent [--columns a,b]
/// [--model M] [--out FILE.html]</c>: one kind of chart of a synthetic table against the real one. A notebook displays it;
/// the console writes a standalone offline HTML file (--out, or a timestamped file under outputs/), never replacing one.
/// </summary>
internal sealed class PlotCommand : SynthCommand
{
    public PlotCommand() : base("plot", "Chart a synthetic table against the real one: distributions, Q-Q plots, correlations, a pair plot, PCA, t-SNE, sequences, or a VAE's latent space.")
    {
        Declare(Real, Synthetic, Kind, Columns, Model, Out, Sequences, Seed, Categorical);
        SharedOptions.AddSourceOptions(this);
    }

    internal Argument<string?> Real { get; } = new("real") { Description = "The real table: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook); or give it with --from and --query, and the synthetic table alone.", Arity = ArgumentArity.ZeroOrOne };
    internal Argument<string?> Synthetic { get; } = new("synthetic") { Description = "The synthetic table (for series, pca and tsne of sequences: the sequence_id, step, features table a sequence model writes).", Arity = ArgumentArity.ZeroOrOne };
    internal Option<string> Kind { get; } = new("--kind")
    {
        Description = "What to draw: distributions, qq, correlation, pairs, pca, tsne, series, latent.",
        Required = true,
    };
    internal Option<string?> Columns { get; } = new("--columns") { Description = "Comma-separated columns (or sequence features) to draw (default: all that fit the kind; pairs: the first 4 numeric)." };
    internal Option<string?> Model { get; } = new("--model") { Description = "With --kind latent: the fitted tvae or vae model whose encoder maps the rows (a model file, or in a notebook a variable)." };
    internal Option<string?> Out { get; } = new("--out")
    {
        Description = "The HTML file to write (standalone, works offline; never replaced). Default on the console: outputs/<kind>_plot_<timestamp>.html; a notebook shows the chart.",
    };
    internal Option<int?> Sequences { get; } = SharedOptions.NullableInt("--sequences", "With --kind series: real and synthetic sequences drawn per feature (default 5).");
    internal Option<int?> Seed { get; } = SharedOptions.NullableInt("--seed", "With --kind tsne: seed of the layout (default 42).");
    internal Option<string?> Categorical { get; } = SharedOptions.CategoricalOption();

    public static readonly string[] Kinds = ["distributions", "qq", "correlation", "pairs", "pca", "tsne", "series", "latent"];

    /// <summary>Columns a pair plot shows when --columns is not given: the first numeric ones.</summary>
    public const int DefaultPairColumns = 4;

    /// <summary>Most rows (or windows) of each table put into t-SNE; larger tables are thinned to every k-th row.</summary>
    public const int MaxTSnePoints = 1000;

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        var (realName, syntheticName) = TableInput.RealAndSynthetic(context, parse, Real, Synthetic);
        string kind = parse.GetValue(Kind)!.Trim().ToLowerInvariant();
        if (!Kinds.Contains(kind))
            throw new SynthOptionException("--kind", $"unknown kind '{kind}' (one of: {string.Join(", ", Kinds)}).");
        string? columns = parse.GetValue(Columns);
        string? model = parse.GetValue(Model);
        string? output = parse.GetValue(Out);
        int? sequences = parse.GetValue(Sequences);
        int? seed = parse.GetValue(Seed);
        string? categorical = parse.GetValue(Categorical);
        if (kind == "latent" && model is null)
            throw new SynthOptionException("--model", "--kind latent needs the fitted tvae or vae model whose encoder to use (a model file, or in a notebook a variable).");
        if (kind != "latent" && model is not null)
            throw new SynthOptionException("--model", "only applies with --kind latent.");
        if (kind == "latent" && columns is not null)
            throw new SynthOptionException("--columns", "does not apply to --kind latent (the encoder takes whole rows).");
        if (sequences is not null && kind != "series")
            throw new SynthOptionException("--sequences", "only applies with --kind series.");
        if (sequences is int n) FitSettingsReader.Positive("--sequences", n);
        if (seed is not null && kind != "tsne")
            throw new SynthOptionException("--seed", "only applies with --kind tsne.");
        if (seed < 0) throw new SynthOptionException("--seed", $"must be 0 or more, got {seed}.");
        if (output is not null) SafeFile.EnsureCanWrite(output, overwrite: false, "--out");

        var real = NonEmpty(context.ResolveTable(realName), realName);
        var synthetic = NonEmpty(context.ResolveTable(syntheticName), syntheticName);
        context.Cancellation.ThrowIfCancellationRequested();

        var request = new Request(realName, real, syntheticName, synthetic, columns, categorical, context);
        var page = kind switch
        {
            "distributions" => Distributions(request),
            "qq" => Quantiles(request),
            "correlation" => Correlation(request),
            "pairs" => Pairs(request),
            "pca" => PcaPage(request),
            "tsne" => TSnePage(request, seed ?? 42),
            "series" => Series(request, sequences ?? SequenceComparisonChart.DefaultSequences),
            _ => Latent(request, model!),
        };
        context.Cancellation.ThrowIfCancellationRequested();

        if (context.Host.ShowsCharts) context.Host.Show(page);
        if (output is not null || !context.Host.ShowsCharts)
        {
            Action<Stream> write = stream => stream.Write(Encoding.UTF8.GetBytes(ChartPageHtml.Render(page)));
            var (path, bytes) = output is not null
                ? (output, SafeFile.Write(output, overwrite: false, "--out", write))
                : SafeFile.WriteNew("outputs", $"{kind}_plot_{DateTime.Now.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}", ".html", write);
            context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote the {kind} plot ({page.Charts.Count} chart{(page.Charts.Count == 1 ? "" : "s")}) to {path} ({bytes:N0} bytes)."));
        }
        return ExitCodes.Success;
    }

    private sealed record Request(string RealName, DataFrame Real, string SyntheticName, DataFrame Synthetic, string? Columns, string? Categorical, CommandContext Context)
    {
        public string Sources => string.Create(CultureInfo.InvariantCulture,
            $"real '{RealName}' ({Real.Rows.Count:N0} rows) against synthetic '{SyntheticName}' ({Synthetic.Rows.Count:N0} rows)");
    }

    private static ChartPage Distributions(Request request)
    {
        var (real, synthetic, metadata) = Tabular(request, _ => true);
        var charts = metadata.Columns.Select(c =>
            EvaluationCharts.Distribution(c.Name, c.Kind, ChartValues.Of(real.Columns[c.Name]), ChartValues.Of(synthetic.Columns[c.Name]))).ToArray();
        return new ChartPage("Distributions", $"Each column's distribution, {request.Sources}: share of rows per bin or per category.", charts);
    }

    private static ChartPage Quantiles(Request request)
    {
        var (real, synthetic, metadata) = Tabular(request, IsNumeric, "a Q-Q plot");
        var charts = metadata.Columns.Select(c => QqChart.Build(c.Name, ChartValues.Of(real.Columns[c.Name]), ChartValues.Of(synthetic.Columns[c.Name]))).ToArray();
        return new ChartPage("Q-Q plots", $"Synthetic quantiles against real quantiles of each numeric column, {request.Sources}; on the dashed line the distributions agree.", charts);
    }

    private static ChartPage Correlation(Request request)
    {
        var (real, synthetic, metadata) = Tabular(request, _ => true);
        var correlations = TableComparison.Compare(real, synthetic, metadata, request.Context.Cancellation).Correlation;
        if (correlations.Columns.Count < 2)
            throw new SynthOptionException(request.Columns is null ? "--kind" : "--columns", "correlation needs at least two numeric columns.");
        var charts = EvaluationCharts.CorrelationHeatmaps(correlations);
        return new ChartPage("Correlations", $"Pearson correlations of the numeric columns, {request.Sources}.", charts);
    }

    private static ChartPage Pairs(Request request)
    {
        var (real, synthetic, metadata) = Tabular(request, IsNumeric, "a pair plot");
        var columns = metadata.Columns.Select(c => c.Name).ToArray();
        if (request.Columns is null) columns = columns.Take(DefaultPairColumns).ToArray();
        if (columns.Length < 2)
            throw new SynthOptionException(request.Columns is null ? "--kind" : "--columns", $"a pair plot needs at least two numeric columns, got {columns.Length}.");
        return new ChartPage("Pair plot", $"Scatter matrix of {string.Join(", ", columns)}, {request.Sources} (at most {PairPlot.MaxPoints:N0} rows of each).",
            [PairPlot.Build(columns, real, synthetic)]);
    }

    private static ChartPage PcaPage(Request request)
    {
        if (SequenceTable.IsLong(request.Synthetic))
        {
            var pair = SequencesOf(request, "pca");
            var embedding = SequenceWindowEmbedding.Pca(pair.Real, pair.Synthetic, pair.Features);
            return new ChartPage("PCA of sequence windows",
                $"Each window min-max scaled on the real range and flattened (steps × features); PCA fitted on the {pair.Real.Length:N0} real windows, "
                + $"applied to the {pair.Synthetic.Length:N0} synthetic sequences.", [EvaluationCharts.PcaScatter(embedding, "Sequence windows on the real windows' principal components")]);
        }
        var (real, synthetic, metadata) = Tabular(request, _ => true);
        var pca = PcaEmbedding.Compute(real, synthetic, metadata, Math.Min(2, TableFeatures.Fit(real, metadata).Width));
        return new ChartPage("PCA", $"Principal components fitted on the real table (numbers standardised, categories one-hot), {request.Sources}.", [EvaluationCharts.PcaScatter(pca)]);
    }

    private static ChartPage TSnePage(Request request, int seed)
    {
        var options = new TSneOptions { Seed = seed };
        if (SequenceTable.IsLong(request.Synthetic))
        {
            var pair = SequencesOf(request, "tsne");
            var r = ChartParts.Thin(pair.Real, MaxTSnePoints).Shown;
            var s = ChartParts.Thin(pair.Synthetic, MaxTSnePoints).Shown;
            var embedding = SequenceWindowEmbedding.TSne(r, s, pair.Features, options, request.Context.Cancellation);
            return new ChartPage("t-SNE of sequence windows",
                $"{r.Length:N0} real windows and {s.Length:N0} synthetic sequences, min-max scaled on the real range and flattened, embedded together (seed {seed}).",
                [EvaluationCharts.TSneScatter(embedding, $"t-SNE of real and synthetic sequences (KL {embedding.KlDivergence:0.000})")]);
        }
        var (real, synthetic, metadata) = Tabular(request, _ => true);
        var (realRows, synthRows) = (Thinned(real), Thinned(synthetic));
        var tsne = TSneEmbedding.Compute(realRows, synthRows, metadata, options, null, request.Context.Cancellation);
        return new ChartPage("t-SNE", $"{realRows.Rows.Count:N0} real and {synthRows.Rows.Count:N0} synthetic rows embedded together "
            + $"(at most {MaxTSnePoints:N0} of each, every k-th row; seed {seed}), {request.Sources}.", [EvaluationCharts.TSneScatter(tsne)]);
    }

    private static ChartPage Series(Request request, int count)
    {
        var pair = SequencesOf(request, "series");
        var charts = SequenceComparisonChart.Build(pair.Real, pair.Synthetic, pair.Features, count);
        return new ChartPage("Sequences", $"{Math.Min(count, pair.Real.Length)} real windows (spread over {pair.Real.Length:N0}) and "
            + $"{Math.Min(count, pair.Synthetic.Length)} synthetic sequences (of {pair.Synthetic.Length:N0}) per feature, {request.Sources}.", charts);
    }

    private static ChartPage Latent(Request request, string modelName)
    {
        var fitted = request.Context.Host.ResolveModel(modelName, request.Context.Registry);
        if (fitted is not ILatentSpace vae)
            throw new SynthOptionException("--model", $"'{modelName}' is a {fitted.ModelName} model; the latent plot needs a tvae or vae model (one with an encoder).");
        var chart = LatentSpaceChart.Build(vae, fitted.ModelName, request.Real, request.Synthetic);
        return new ChartPage("Latent space", $"The {fitted.ModelName} encoder's latent means ({vae.LatentDim} dimensions) of {request.Sources}.", [chart]);
    }

    private static SequencePair SequencesOf(Request request, string kind)
    {
        string[]? columns = request.Columns?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (columns is { Length: 0 }) throw new SynthOptionException("--columns", "no column names given (use e.g. --columns a,b).");
        return SequencePair.Read(request.Real, request.RealName, request.Synthetic, request.SyntheticName, columns, kind);
    }

    /// <summary>The real and synthetic tables cut to the chosen columns (default: every column <paramref name="keep"/> accepts), with the real table's metadata.</summary>
    private static (DataFrame Real, DataFrame Synthetic, TableMetadata Metadata) Tabular(Request request, Func<ColumnMetadata, bool> keep, string? needsNumbers = null)
    {
        var full = TableMetadata.Detect(request.Real, TableInput.CategoricalOverrides(request.Categorical, request.Real));
        string[] names;
        if (request.Columns is null)
        {
            names = full.Columns.Where(c => c.Kind != ColumnKind.Identifier && keep(c)).Select(c => c.Name).ToArray();
            if (names.Length == 0)
                throw new SynthException($"'{request.RealName}' has no {(needsNumbers is null ? "" : "numeric ")}columns to plot.");
        }
        else
        {
            names = ColumnList.Parse(request.Columns, "--columns", full);
            foreach (var name in names.Where(n => !keep(full[n])))
                throw new SynthOptionException("--columns", $"'{name}' is {full[name].Kind.ToString().ToLowerInvariant()}; {needsNumbers} needs numeric columns.");
        }
        foreach (var name in names)
            if (!request.Synthetic.Columns.Any(c => c.Name == name))
                throw new SynthColumnException(name, $"is a column of the real table but not of the synthetic table '{request.SyntheticName}'.");
        var metadata = new TableMetadata(names.Select(n => full[n]));
        return (Select(request.Real, names), Select(request.Synthetic, names), metadata);
    }

    private static bool IsNumeric(ColumnMetadata column) => column.Kind is ColumnKind.Continuous or ColumnKind.Integer;

    private static DataFrame Select(DataFrame table, IEnumerable<string> names) => new(names.Select(n => table.Columns[n].Clone()));

    private static DataFrame Thinned(DataFrame table)
    {
        long rows = table.Rows.Count;
        long step = Math.Max(1, (rows + MaxTSnePoints - 1) / MaxTSnePoints);
        if (step == 1) return table;
        var mask = new PrimitiveDataFrameColumn<bool>("keep", rows);
        for (long i = 0; i < rows; i++) mask[i] = i % step == 0;
        return table.Filter(mask);
    }

    private static DataFrame NonEmpty(DataFrame table, string name)
    {
        if (table.Columns.Count == 0) throw new SynthException($"{name}: the table has no columns.");
        if (table.Rows.Count == 0) throw new SynthException($"{name}: the table has no rows.");
        return table;
    }
}
