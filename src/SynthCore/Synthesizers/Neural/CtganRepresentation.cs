using SynthCore.Resources;
using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// The rows as CTGAN represents them, and TVAE after it (Xu et al. 2019): numbers min-max scaled and categories one-hot
/// (the base transform), then each numeric column's modes fitted and every value encoded as its mode and a scalar within it.
/// </summary>
internal static class CtganRepresentation
{
    /// <summary>How the rows are encoded before the mode-specific normalisation.</summary>
    public static readonly TableTransformOptions BaseTransform = new()
    {
        Numeric = NumericScaling.MinMax,
        Categorical = CategoricalEncoding.OneHot,
        ClipToObservedRange = true,
    };

    /// <summary>
    /// The layout fitted on <paramref name="table"/> and the table encoded in it (row-major). A table of identifiers only is
    /// refused with <paramref name="nothingToModel"/>; before the rows are encoded, the training's memory is checked for
    /// <paramref name="model"/> with the parameters <paramref name="trainedParameters"/> gives for the base transform's width.
    /// </summary>
    public static (ModeSpecificNormalizer Layout, float[] Data) Encode(DataFrame table, TableMetadata metadata, string model, string nothingToModel,
        Func<long, long> trainedParameters, int maxModes, double weightThreshold, int seed)
    {
        var baseTransform = TableTransform.Fit(table, metadata, BaseTransform);
        if (baseTransform.Width == 0) throw new SynthException(nothingToModel);
        int rows = checked((int)table.Rows.Count);
        ResourceGuard.Current.EnsureTrainingFits(model, rows, baseTransform.ColumnWidths, trainedParameters(baseTransform.Width));
        float[] baseRows = baseTransform.Transform(table);
        var layout = ModeSpecificNormalizer.Fit(baseTransform, baseRows, rows, maxModes, weightThreshold, seed);
        return (layout, layout.Encode(baseRows, rows, seed));
    }
}
