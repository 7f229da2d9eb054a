namespace SynthCore.Evaluation.Embeddings;

/// <summary>
/// Real and synthetic rows in one t-SNE map. t-SNE has no transform for new points, so, as is usual, both
/// tables are embedded together (features scaled on the real table, see <see cref="TableFeatures"/>) and
/// each point keeps its <see cref="Source"/>: well-mixed colours mean the synthetic rows sit where real ones do.
/// (PCA, by contrast, is fitted on the real table alone and applied to both: see <see cref="PcaEmbedding"/>.)
/// </summary>
/// <param name="Points">Real rows first, then synthetic rows.</param>
/// <param name="Source">"real" or "synthetic" for each point.</param>
public sealed record TSneEmbedding(IReadOnlyList<double[]> Points, IReadOnlyList<string> Source, double KlDivergence, TSneMethod Method)
{
    public const string Real = "real";
    public const string Synthetic = "synthetic";

    public static TSneEmbedding Compute(DataFrame real, DataFrame synthetic, TableMetadata metadata, TSneOptions? options = null,
        IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        var features = TableFeatures.Fit(real, metadata);
        var r = features.Transform(real, "real");
        var s = features.Transform(synthetic, "synthetic");
        int n = r.RowCount + s.RowCount, d = features.Width;
        var data = new double[n * d];
        for (int i = 0; i < r.RowCount; i++) for (int j = 0; j < d; j++) data[i * d + j] = r[i, j];
        for (int i = 0; i < s.RowCount; i++) for (int j = 0; j < d; j++) data[(r.RowCount + i) * d + j] = s[i, j];
        var result = TSne.Embed(data, n, d, options, progress, cancellation);
        var source = Enumerable.Repeat(Real, r.RowCount).Concat(Enumerable.Repeat(Synthetic, s.RowCount)).ToArray();
        return new TSneEmbedding(result.Points, source, result.KlDivergence, result.Method);
    }
}
