using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// CTGAN's conditional vector and training-by-sampling (Xu et al. 2019, §4.3), vectorised in
/// torch: a batch of conditions is one randint (the column, uniform over the categorical
/// columns), one multinomial (the category, by log(1 + count) within the column) and one
/// one_hot; real rows meeting them come from one gather into the rows grouped by category.
/// No per-row loops, so it costs little next to the networks.
/// </summary>
internal sealed class ConditionalVectorSampler : IDisposable
{
    private readonly Tensor logFrequencies;  // columns × max categories, rows sum to 1
    private readonly Tensor frequencies;     // the same with the real frequencies
    private readonly Tensor offsets;         // first conditional-vector index of each column
    private readonly Tensor groupedRows;     // for each column, all row numbers ordered by category
    private readonly Tensor groupStart;      // per conditional-vector index: where its rows start in groupedRows
    private readonly Tensor groupCount;      // per conditional-vector index: how many rows have that category
    private readonly torch.Generator random;

    /// <param name="counts">For each categorical column, the row count of each category.</param>
    /// <param name="logFrequency">Training draws categories by log(1 + count) (CTGAN), else by count.</param>
    /// <param name="categoryOfRow">For each categorical column, each row's category (null when only sampling).</param>
    public ConditionalVectorSampler(IReadOnlyList<int[]> counts, IReadOnlyList<int[]>? categoryOfRow, torch.Generator random, Device device, bool logFrequency = true)
    {
        this.random = random;
        Columns = counts.Count;
        Counts = counts;
        Width = counts.Sum(c => c.Length);
        int maxCategories = counts.Count == 0 ? 1 : counts.Max(c => c.Length);
        var log = new float[Math.Max(Columns, 1) * maxCategories];
        var plain = new float[log.Length];
        var offset = new long[Math.Max(Columns, 1)];
        int at = 0;
        for (int c = 0; c < Columns; c++)
        {
            offset[c] = at;
            at += counts[c].Length;
            double logTotal = counts[c].Sum(n => Math.Log(n + 1.0)), total = counts[c].Sum();
            if (!logFrequency) logTotal = total;
            for (int k = 0; k < counts[c].Length; k++)
            {
                log[c * maxCategories + k] = (float)((logFrequency ? Math.Log(counts[c][k] + 1.0) : counts[c][k]) / logTotal);
                plain[c * maxCategories + k] = (float)(counts[c][k] / total);
            }
        }
        logFrequencies = torch.tensor(log, [Math.Max(Columns, 1), maxCategories], device: device);
        frequencies = torch.tensor(plain, [Math.Max(Columns, 1), maxCategories], device: device);
        offsets = torch.tensor(offset, device: device);

        if (categoryOfRow is not null && Columns > 0)
        {
            int rows = categoryOfRow[0].Length;
            var grouped = new long[(long)Columns * rows];
            var start = new long[Width];
            var count = new long[Width];
            int g = 0, position = 0;
            for (int c = 0; c < Columns; c++)
            {
                // Counting sort of the rows by category.
                var next = new int[counts[c].Length];
                int running = position;
                for (int k = 0; k < counts[c].Length; k++) { start[g + k] = running; count[g + k] = counts[c][k]; next[k] = running; running += counts[c][k]; }
                for (int r = 0; r < rows; r++) grouped[next[categoryOfRow[c][r]]++] = r;
                position += rows;
                g += counts[c].Length;
            }
            groupedRows = torch.tensor(grouped, device: device);
            groupStart = torch.tensor(start, device: device);
            groupCount = torch.tensor(count, device: device);
        }
        else
        {
            groupedRows = torch.zeros(1, ScalarType.Int64, device: device);
            groupStart = groupCount = groupedRows;
        }
    }

    /// <summary>Categorical columns in the conditional vector.</summary>
    public int Columns { get; }

    /// <summary>Length of the conditional vector (all categories of all categorical columns).</summary>
    public int Width { get; }

    /// <summary>Row count of each category, per categorical column.</summary>
    public IReadOnlyList<int[]> Counts { get; }

    /// <summary>
    /// A training batch of conditions: each row's column uniform, its category by log-frequency.
    /// Returns the one-hot conditional vectors (batch × Width) and each row's conditional-vector index.
    /// </summary>
    public (Tensor Condition, Tensor Index) SampleForTraining(int batch) => Sample(batch, logFrequencies);

    /// <summary>Conditions at the real frequencies (for unconditional sampling from the fitted model).</summary>
    public (Tensor Condition, Tensor Index) SampleOriginal(int batch) => Sample(batch, frequencies);

    private (Tensor Condition, Tensor Index) Sample(int batch, Tensor probabilities)
    {
        var column = torch.randint(0, Columns, [batch], dtype: ScalarType.Int64, generator: random).to(offsets.device);
        var category = torch.multinomial(probabilities.index_select(0, column), 1, replacement: true, generator: random).squeeze(1);
        var index = offsets.index_select(0, column) + category;
        return (nn.functional.one_hot(index, Width).to(ScalarType.Float32), index);
    }

    /// <summary>One real row number per entry of <paramref name="index"/>, uniform among the rows with that category.</summary>
    public Tensor RowsWith(Tensor index)
    {
        var uniform = torch.rand([index.shape[0]], dtype: ScalarType.Float64, generator: random).to(index.device);
        var count = groupCount.index_select(0, index);
        var within = (uniform * count.to(ScalarType.Float64)).floor().to(ScalarType.Int64).minimum(count - 1);
        return groupedRows.index_select(0, groupStart.index_select(0, index) + within);
    }

    public void Dispose()
    {
        foreach (var t in new[] { logFrequencies, frequencies, offsets, groupedRows, groupStart, groupCount }.Distinct(ReferenceEqualityComparer.Instance)) ((Tensor)t!).Dispose();
    }
}
