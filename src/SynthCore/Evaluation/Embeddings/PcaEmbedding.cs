namespace SynthCore.Evaluation.Embeddings;

/// <summary>
/// Real and synthetic rows on the real table's principal axes. PCA is fitted on the real table only (its
/// feature scaling too, see <see cref="TableFeatures"/>) and applied unchanged to the synthetic one, so
/// both are seen in the same frame and the synthetic rows cannot move the axes.
/// </summary>
/// <param name="Real">One point per real row (components coordinates each).</param>
/// <param name="Synthetic">One point per synthetic row.</param>
/// <param name="ExplainedVarianceRatio">Each component's share of the real table's variance.</param>
/// <param name="Features">The feature names the PCA was computed on.</param>
public sealed record PcaEmbedding(
    IReadOnlyList<double[]> Real, IReadOnlyList<double[]> Synthetic, IReadOnlyList<double> ExplainedVarianceRatio, IReadOnlyList<string> Features)
{
    /// <exception cref="SynthException">Nothing to embed, or too few rows.</exception>
    public static PcaEmbedding Compute(DataFrame real, DataFrame synthetic, TableMetadata metadata, int components = 2)
    {
        var features = TableFeatures.Fit(real, metadata);
        if (real.Rows.Count < 2) throw new SynthException("PCA needs at least two real rows.");
        if (components < 1 || components > features.Width)
            throw new SynthOptionException("components", $"must be 1 to {features.Width} (the number of features), got {components}.");
        var pca = Pca.Fit(features.Transform(real, "real"), components);
        return new PcaEmbedding(
            pca.Transform(features.Transform(real, "real")).ToRowArrays(),
            pca.Transform(features.Transform(synthetic, "synthetic")).ToRowArrays(),
            pca.ExplainedVarianceRatio, features.Names);
    }

}
