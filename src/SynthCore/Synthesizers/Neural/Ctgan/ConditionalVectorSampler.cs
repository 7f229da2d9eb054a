using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// CTGAN's conditional vector and training-by-sampling (Xu et al. 2019, §4.3): each row's column
/// uniform over the categorical columns, its category by log(1 + count) within the column, and
/// real rows meeting the conditions picked uniformly among the rows with that category.
/// </summary>
/// <remarks>
/// The draws are plain C# loops over host tables (a binary search in a cumulative table, an index
/// into the rows grouped by category) from a <see cref="Random"/> seeded by one draw of the caller's
/// torch generator, and only the finished one-hot block and row numbers become tensors: as a dozen
/// small torch ops (randint, multinomial, randperm, one_hot, gathers) the same work cost about
/// 1.5 ms of every ~35 ms CTGAN step on this machine; the loops cost a few microseconds.
/// </remarks>
internal sealed class ConditionalVectorSampler
{
    private readonly double[][] logCumulative;  // per column: cumulative log(1 + count) frequencies (or counts), last = 1
    private readonly double[][] cumulative;     // per column: cumulative real frequencies, last = 1
    private readonly int[] offsets;             // first conditional-vector index of each column
    private readonly int[] groupedRows = [];    // for each column, all row numbers ordered by category
    private readonly int[] groupStart = [];     // per conditional-vector index: where its rows start in groupedRows
    private readonly int[] groupCount = [];     // per conditional-vector index: how many rows have that category
    private readonly Random draws;
    private readonly Device device;
    private float[] oneHot = [];
    private long[] indexBuffer = [], shuffledBuffer = [], rowBuffer = [];
    private int[] order = [];

    /// <param name="counts">For each categorical column, the row count of each category.</param>
    /// <param name="categoryOfRow">For each categorical column, each row's category (null when only sampling).</param>
    /// <param name="random">Seeds the sampler's own generator (one draw).</param>
    /// <param name="logFrequency">Training draws categories by log(1 + count) (CTGAN), else by count.</param>
    public ConditionalVectorSampler(IReadOnlyList<int[]> counts, IReadOnlyList<int[]>? categoryOfRow, torch.Generator random, Device device, bool logFrequency = true)
    {
        this.device = device;
        using (var seed = torch.randint(0, int.MaxValue, [1], dtype: ScalarType.Int64, generator: random))
            draws = new Random((int)seed.item<long>());
        Columns = counts.Count;
        Counts = counts;
        Width = counts.Sum(c => c.Length);
        offsets = new int[Columns];
        logCumulative = new double[Columns][];
        cumulative = new double[Columns][];
        for (int c = 0, at = 0; c < Columns; c++)
        {
            offsets[c] = at;
            at += counts[c].Length;
            logCumulative[c] = Cumulative(counts[c].Select(n => logFrequency ? Math.Log(n + 1.0) : n));
            cumulative[c] = Cumulative(counts[c].Select(n => (double)n));
        }

        if (categoryOfRow is not null && Columns > 0)
        {
            int rows = categoryOfRow[0].Length;
            groupedRows = new int[Columns * rows];
            groupStart = new int[Width];
            groupCount = new int[Width];
            int g = 0, position = 0;
            for (int c = 0; c < Columns; c++)
            {
                // Counting sort of the rows by category.
                var next = new int[counts[c].Length];
                int running = position;
                for (int k = 0; k < counts[c].Length; k++) { groupStart[g + k] = running; groupCount[g + k] = counts[c][k]; next[k] = running; running += counts[c][k]; }
                for (int r = 0; r < rows; r++) groupedRows[next[categoryOfRow[c][r]]++] = r;
                position += rows;
                g += counts[c].Length;
            }
        }
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var values = weights.ToArray();
        double total = values.Sum(), running = 0;
        for (int k = 0; k < values.Length; k++) values[k] = total > 0 ? (running += values[k]) / total : (k + 1.0) / values.Length;
        if (values.Length > 0) values[^1] = 1;
        return values;
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
    public (Tensor Condition, Tensor Index) SampleForTraining(int batch) => Sample(batch, logCumulative);

    /// <summary>Conditions at the real frequencies (for unconditional sampling from the fitted model).</summary>
    public (Tensor Condition, Tensor Index) SampleOriginal(int batch) => Sample(batch, cumulative);

    /// <summary>
    /// The critic's batch of training conditions c₁ and, for a shuffle c₂ of them, real rows meeting
    /// c₂ (one per entry, uniform among the rows with that category) and c₂'s one-hot vectors.
    /// </summary>
    public (Tensor Condition, Tensor ShuffledCondition, Tensor RealRows) SampleForCritic(int batch)
    {
        if (groupedRows.Length == 0) throw new InvalidOperationException("This sampler was built without the rows' categories.");
        var index = Draw(batch, logCumulative);
        var condition = OneHot(index, batch);
        if (order.Length != batch) order = new int[batch];
        for (int i = 0; i < batch; i++) order[i] = i;
        draws.Shuffle(order);
        if (rowBuffer.Length != batch) (rowBuffer, shuffledBuffer) = (new long[batch], new long[batch]);
        var shuffled = shuffledBuffer;
        for (int i = 0; i < batch; i++)
        {
            long k = index[order[i]];
            shuffled[i] = k;
            rowBuffer[i] = groupedRows[groupStart[k] + draws.Next(groupCount[k])];
        }
        return (condition, OneHot(shuffled, batch), torch.tensor(rowBuffer, device: device));
    }

    private (Tensor Condition, Tensor Index) Sample(int batch, double[][] table)
    {
        var index = Draw(batch, table);
        return (OneHot(index, batch), torch.tensor(index, device: device));
    }

    /// <summary>Conditional-vector indices: a uniform column, then a category by the column's cumulative table.</summary>
    private long[] Draw(int batch, double[][] table)
    {
        if (indexBuffer.Length != batch) indexBuffer = new long[batch];
        for (int i = 0; i < batch; i++)
        {
            int column = draws.Next(Columns);
            int category = Array.BinarySearch(table[column], draws.NextDouble());
            if (category < 0) category = ~category;
            indexBuffer[i] = offsets[column] + Math.Min(category, table[column].Length - 1);
        }
        return indexBuffer;
    }

    private Tensor OneHot(long[] index, int batch)
    {
        if (oneHot.Length != batch * Width) oneHot = new float[batch * Width];
        else Array.Clear(oneHot);
        for (int i = 0; i < batch; i++) oneHot[i * Width + index[i]] = 1;
        return torch.tensor(oneHot, [batch, Width], device: device);
    }
}
