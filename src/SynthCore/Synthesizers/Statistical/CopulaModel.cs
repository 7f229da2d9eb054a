using System.Text.Json.Serialization;
using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>The options of a copula-family model as saved in the model-file header.</summary>
/// <param name="Marginals">"empirical" or "parametric".</param>
/// <param name="Joint">"copula" (correlated) or "independent".</param>
/// <param name="Ranking">"aic" or "ks": how parametric families are chosen.</param>
/// <param name="Seed">The fit seed, also the default sampling seed.</param>
/// <param name="CategoryOrder">"association" or "frequency": the order of category intervals (see <see cref="Statistical.CategoryOrder"/>).</param>
public sealed record CopulaModelOptions(string Marginals, string Joint, string Ranking, int Seed, string CategoryOrder = "association")
{
    [JsonIgnore] internal bool Correlated => Joint == "copula";

    internal CopulaFitOptions ToFitOptions() => new(
        Marginals == "parametric" ? MarginalKind.Parametric : MarginalKind.Empirical,
        Correlated,
        Ranking == "ks" ? FitRanking.Ks : FitRanking.Aic,
        CategoryOrder == "frequency" ? Statistical.CategoryOrder.Frequency : Statistical.CategoryOrder.Association);
}

/// <summary>
/// A fitted Gaussian copula (<c>copula</c>) or set of independent fitted marginals (<c>distributions</c>):
/// the same sampler, with an identity correlation for the latter unless joined through the copula.
/// </summary>
public sealed class CopulaModel : IFittedSynthesizer
{
    private readonly CopulaState state;
    private readonly ConditionDomain domain;

    internal CopulaModel(string modelName, TableMetadata metadata, CopulaModelOptions options, CopulaState state)
    {
        ModelName = modelName;
        Metadata = metadata;
        Options = options;
        this.state = state;
        domain = ConditionDomain.FromJson(state.Domain);
    }

    public string ModelName { get; }

    public TableMetadata Metadata { get; }

    public CopulaModelOptions Options { get; }
    public int Seed => state.Seed;

    /// <summary>The columns in the copula, in correlation-matrix order.</summary>
    public IReadOnlyList<string> CopulaColumns => state.Columns.Where(c => c.Dimension >= 0).OrderBy(c => c.Dimension).Select(c => c.Name).ToArray();

    /// <summary>The repaired correlation matrix of the normal scores (identity for independent marginals).</summary>
    public double[,] Correlation => state.CorrelationMatrix();

    /// <summary>Each numeric column's marginal: "empirical" or the chosen family, with its fitted distribution (null when empirical).</summary>
    public IReadOnlyDictionary<string, (string Marginal, FittedDistribution? Distribution)> Marginals =>
        state.Columns.Where(c => c.IsNumeric).ToDictionary(c => c.Name, c => (c.Marginal, c.Distribution));

    /// <summary>The observed ranges and categories that conditions are checked against.</summary>
    public ConditionDomain Domain => domain;

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null) =>
        CopulaSampler.Sample(state, Metadata, domain, rows, conditions, seed ?? state.Seed);

    public void Save(Stream stream) => ModelFile.Write(stream, ModelName, Metadata, Options, state.ToBytes());

    /// <summary>Restores a model written by <see cref="Save"/>.</summary>
    public static CopulaModel Load(ModelFileContent content)
    {
        var options = ModelFile.OptionsFromJson<CopulaModelOptions>(content.Header.Options);
        if (content.Header.Model == DistributionsSynthesizer.Name)
            StatisticalOptions.EnsureAccepted(content.Header.Model, options, options.Seed,
                new() { ["joint"] = options.Joint, ["rank"] = options.Ranking }, DistributionsSynthesizer.OptionsFrom);
        else
            StatisticalOptions.EnsureAccepted(content.Header.Model, options, options.Seed,
                new() { ["marginals"] = options.Marginals, ["category-order"] = options.CategoryOrder }, GaussianCopulaSynthesizer.OptionsFrom);
        var state = CopulaState.FromBytes(content.Payload);
        var names = content.Header.Metadata.Columns.Select(c => c.Name);
        if (!names.SequenceEqual(state.Columns.Select(c => c.Name)))
            throw new SynthException("The model file's columns do not match its schema.");
        return new CopulaModel(content.Header.Model, content.Header.Metadata, options, state);
    }
}
