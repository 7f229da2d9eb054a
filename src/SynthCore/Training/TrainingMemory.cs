using SynthCore.Data;
using SynthCore.Transforms;

namespace SynthCore.Training;

/// <summary>
/// Checks, before a neural model allocates anything, that its encoded table and networks fit in
/// memory, so a high-cardinality column gives a clear error instead of the process being killed.
/// </summary>
public static class TrainingMemory
{
    /// <summary>Bytes per trained parameter: the weight, its gradient and Adam's two moments, in float32.</summary>
    private const long BytesPerParameter = 4 * 4;

    /// <summary>Share of the available memory a fit may plan to use; the rest is for the runtime, libtorch and the table itself.</summary>
    private const double UsableShare = 0.6;

    /// <summary>The memory the GC may use: physical memory or the container's limit.</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Estimated bytes of a fit: the encoded table (rows × width float32) plus the trained parameters.</summary>
    public static long Estimate(long rows, TableTransform transform, long parameters) =>
        checked(rows * transform.Width * 4L + parameters * BytesPerParameter);

    /// <summary>Throws when the estimate exceeds what this machine can give.</summary>
    /// <param name="model">The model's name, for the message.</param>
    /// <param name="rows">Rows that will be encoded.</param>
    /// <param name="transform">The fitted table transform (its width is known before anything is encoded).</param>
    /// <param name="parameters">Trained parameters of the model's networks for this width.</param>
    /// <param name="availableBytes">The memory to plan against; null for <see cref="AvailableBytes"/>.</param>
    /// <exception cref="SynthColumnException">The widest encoded column, with its width and a suggestion.</exception>
    /// <exception cref="SynthException">Too large without one dominant column: the row count is the problem.</exception>
    public static void EnsureFits(string model, long rows, TableTransform transform, long parameters, long? availableBytes = null)
    {
        long needed;
        try { needed = Estimate(rows, transform, parameters); }
        catch (OverflowException) { needed = long.MaxValue; }
        long budget = (long)((availableBytes ?? AvailableBytes) * UsableShare);
        if (needed <= budget) return;

        var widest = transform.Spans.GroupBy(s => s.Column).Select(g => (Column: g.Key, Width: g.Sum(s => s.Width))).MaxBy(c => c.Width);
        string what = $"Training '{model}' would need about {Size(needed)}; {Size(budget)} is available for it";
        if (widest.Width >= transform.Width / 2 && widest.Width > 100)
            throw new SynthColumnException(widest.Column,
                $"is encoded as {widest.Width:N0} columns (one per category). {what}. "
                + "Declare it an identifier, group its rare categories, or leave it out.");
        throw new SynthException($"{what} for {rows:N0} rows × {transform.Width:N0} encoded features. Fit on a sample of the rows.");
    }

    private static string Size(long bytes) => bytes switch
    {
        long.MaxValue => "more memory than can be counted",
        >= 1L << 40 => $"{bytes / (double)(1L << 40):F1} TiB",
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F1} GiB",
        _ => $"{bytes / (double)(1L << 20):F0} MiB",
    };
}
