using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Statistical.DpCopula;

/// <summary>
/// A fitted DP Gaussian copula. Sampling draws z ~ N(0, R) with the noisy correlation R, maps each
/// coordinate through Φ to a uniform and inverts the column's noisy histogram (numbers uniform within
/// their bin). Sampling is post-processing: it spends no further privacy budget.
/// </summary>
public sealed class FittedDpCopula : IFittedSynthesizer, IPrivacyAccounted
{
    private const int ChunkRows = 4096;
    private const int CandidatesPerRow = 100;
    private const int MinCandidates = 10_000;
    private const string PayloadTag = "dp-copula-payload/1";

    private readonly DpCopulaColumn[] columns;
    private readonly DpCopulaColumn[] modelled;
    private readonly Matrix<double> correlation;
    private readonly Matrix<double> cholesky;

    internal FittedDpCopula(DpCopulaOptions options, TableMetadata metadata, DpCopulaColumn[] columns, Matrix<double> correlation, PrivacyLedger ledger, int trainingRows)
    {
        Options = options;
        Metadata = metadata;
        this.columns = columns;
        modelled = columns.Where(c => c.IsModelled).ToArray();
        this.correlation = correlation;
        cholesky = correlation.Cholesky().Factor;
        Ledger = ledger;
        TrainingRows = trainingRows;
    }

    public string ModelName => DpCopulaSynthesizer.Name;

    public TableMetadata Metadata { get; }

    public DpCopulaOptions Options { get; }
    public int Seed => Options.Seed;

    /// <summary>Every release of the fit with its ε and δ; <see cref="PrivacyLedger.TotalEpsilon"/> is the model's ε.</summary>
    public PrivacyLedger Ledger { get; }

    /// <summary>The ledger's releases under sequential composition; not guaranteed when bounds came from the data.</summary>
    public PrivacyAccount PrivacyAccount => PrivacyAccount.FromLedger(Ledger, IsDifferentiallyPrivate);

    /// <summary>Rows of the training table (public under the replace-one neighbouring relation used).</summary>
    public int TrainingRows { get; }

    /// <summary>False when bounds were taken from the data: then no DP guarantee holds.</summary>
    public bool IsDifferentiallyPrivate => !Options.BoundsFromData || columns.All(c => c.Role != DpCopulaColumn.NumericRole || Options.Bounds.ContainsKey(c.Name));

    /// <summary>The modelled columns in correlation order.</summary>
    public IReadOnlyList<string> CorrelationColumns => modelled.Select(c => c.Name).ToArray();

    /// <summary>The repaired latent correlation (a copy).</summary>
    public double[,] Correlation => correlation.ToArray();

    /// <summary>What is and is not protected, in one paragraph for users.</summary>
    public string PrivacyStatement => IsDifferentiallyPrivate
        ? $"ε-differentially private with ε = {Ledger.TotalEpsilon:G4}, δ = {Ledger.TotalDelta:G4} (Laplace mechanism, neighbouring tables differ in one row's values): "
          + "the model's histograms and correlation. Not protected: the row count, the column names and kinds, category sets, which columns have missing values, identifier formats, and the bounds you supplied."
        : "NOT DIFFERENTIALLY PRIVATE: numeric bounds were taken from the data (bounds-from-data), so the minimum and maximum of "
          + string.Join(", ", columns.Where(c => c.Role == DpCopulaColumn.NumericRole && !Options.Bounds.ContainsKey(c.Name)).Select(c => $"'{c.Name}'"))
          + $" are disclosed exactly. The noise (ε = {Ledger.TotalEpsilon:G4}) is still added, but carries no guarantee. Supply bounds for a private model.";

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
    {
        if (rows < 1) throw new SynthOptionException("rows", $"must be at least 1 (got {rows}).");
        conditions?.Validate(Metadata);
        var random = new RandomStreams(seed ?? Options.Seed).Stream("sample");
        if (conditions is null || conditions.All.Count == 0) return Generate(rows, random);

        long budget = Math.Max((long)rows * CandidatesPerRow, MinCandidates), generated = 0;
        var keep = new List<int>();
        DataFrame? kept = null;
        while ((kept?.Rows.Count ?? 0) < rows && generated < budget)
        {
            int count = (int)Math.Min(ChunkRows, budget - generated);
            var candidates = Generate(count, random);
            generated += count;
            keep.Clear();
            for (int r = 0; r < count && (kept?.Rows.Count ?? 0) + keep.Count < rows; r++)
                if (conditions.IsMetBy(column => candidates[column][r])) keep.Add(r);
            var chosen = candidates[new Int32DataFrameColumn("i", keep.Select(i => (int?)i))];
            kept = kept is null ? chosen : kept.Append(chosen.Rows, inPlace: false);
        }
        if (kept is null || kept.Rows.Count < rows)
            throw new SynthException($"Only {kept?.Rows.Count ?? 0} of {generated:N0} generated rows met the conditions; {rows} were requested. Loosen the conditions or ask for fewer rows.");
        return kept;
    }

    private DataFrame Generate(int rows, Random random)
    {
        int d = modelled.Length;
        var uniforms = Enumerable.Range(0, d).Select(_ => new double[rows]).ToArray();
        var g = new double[d];
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < d; k++) g[k] = Normal.Sample(random, 0, 1);
            for (int k = 0; k < d; k++)
            {
                double z = 0;
                for (int m = 0; m <= k; m++) z += cholesky[k, m] * g[m];
                uniforms[k][r] = Normal.CDF(0, 1, z);
            }
        }
        var output = new List<DataFrameColumn>();
        foreach (var column in columns)
            output.Add(column.Generate(column.IsModelled ? uniforms[Array.IndexOf(modelled, column)] : new double[rows]));
        return new DataFrame(output);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var state = new JsonObject
        {
            ["tag"] = PayloadTag,
            ["training_rows"] = TrainingRows,
            ["columns"] = new JsonArray(columns.Select(c => (JsonNode)c.ToJson()).ToArray()),
            ["correlation"] = new JsonArray(Enumerable.Range(0, correlation.RowCount)
                .Select(i => (JsonNode)new JsonArray(correlation.Row(i).Select(x => (JsonNode)x).ToArray())).ToArray()),
            ["ledger"] = new JsonArray(Ledger.Entries.Select(e => (JsonNode)new JsonObject
            {
                ["mechanism"] = e.Mechanism, ["target"] = e.Target, ["epsilon"] = e.Epsilon, ["delta"] = e.Delta,
                ["sensitivity"] = e.Sensitivity, ["noise_scale"] = e.NoiseScale,
            }).ToArray()),
        };
        ModelFile.Write(stream, DpCopulaSynthesizer.Name, Metadata, Options, Encoding.UTF8.GetBytes(state.ToJsonString()));
    }

    /// <summary>Restores a fitted DP copula from a model file's content (the registry's load entry).</summary>
    /// <exception cref="SynthException">The payload is not a DP copula's or is damaged.</exception>
    public static FittedDpCopula Load(ModelFileContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Header.Model != DpCopulaSynthesizer.Name)
            throw new SynthException($"The model file holds a '{content.Header.Model}' model, not a '{DpCopulaSynthesizer.Name}' one.");
        try
        {
            var options = ModelFile.OptionsFromJson<DpCopulaOptions>(content.Header.Options);
            options.Validate();
            var state = JsonNode.Parse(content.Payload)!.AsObject();
            if ((string?)state["tag"] != PayloadTag)
                throw new SynthException($"The model file's payload is not a '{DpCopulaSynthesizer.Name}' payload of a layout this version reads.");
            var columns = state["columns"]!.AsArray().Select(c => DpCopulaColumn.FromJson(c!.AsObject())).ToArray();
            var metadata = content.Header.Metadata;
            if (!columns.Select(c => $"{c.Name}:{c.Kind}").SequenceEqual(metadata.Columns.Select(c => $"{c.Name}:{c.Kind}")))
                throw new SynthException("The DP copula model file is inconsistent: its columns differ from the header's schema.");
            var rows = state["correlation"]!.AsArray().Select(r => r!.AsArray().Select(x => (double)x!).ToArray()).ToArray();
            int d = columns.Count(c => c.IsModelled);
            if (rows.Length != d || rows.Any(r => r.Length != d))
                throw new SynthException($"The DP copula model file's correlation is not {d} × {d}.");
            var ledger = new PrivacyLedger(state["ledger"]!.AsArray().Select(e => new PrivacySpend(
                (string)e!["mechanism"]!, (string)e["target"]!, (double)e["epsilon"]!, (double)e["delta"]!, (double)e["sensitivity"]!, (double)e["noise_scale"]!)));
            return new FittedDpCopula(options, metadata, columns, Matrix<double>.Build.DenseOfRowArrays(rows), ledger, (int)state["training_rows"]!);
        }
        catch (Exception e) when (e is not SynthException)
        {
            throw new SynthException($"The DP copula model file is damaged: {e.Message}", e);
        }
    }
}
