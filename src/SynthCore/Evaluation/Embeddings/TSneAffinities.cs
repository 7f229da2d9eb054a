namespace SynthCore.Evaluation.Embeddings;

/// <summary>
/// The input affinities of t-SNE: per point, a Gaussian over squared distances whose width is found by
/// bisection so that its perplexity is the requested one; then symmetrised, P_ij = (p_j|i + p_i|j) / 2n.
/// </summary>
internal static class TSneAffinities
{
    /// <summary>Dense n × n affinities over all pairs (exact t-SNE).</summary>
    public static double[] Dense(double[] x, int n, int d, double perplexity)
    {
        var conditional = new double[n * n];
        Parallel.For(0, n, () => new double[n - 1], (i, _, distances) =>
        {
            for (int j = 0, m = 0; j < n; j++)
                if (j != i) distances[m++] = SquaredDistance(x, i, j, d);
            var p = new double[n - 1];
            Conditional(distances, perplexity, p);
            for (int j = 0, m = 0; j < n; j++)
                if (j != i) conditional[i * n + j] = p[m++];
            return distances;
        }, _ => { });
        var joint = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                joint[i * n + j] = (conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n);
        return joint;
    }

    /// <summary>
    /// Sparse affinities over each point's k nearest neighbours (exact k-NN by brute force, in parallel: for the
    /// tens of thousands of rows of an evaluation this is a few seconds and needs no tree), as a CSR matrix.
    /// </summary>
    public static SparseAffinities Sparse(double[] x, int n, int d, double perplexity, int k)
    {
        var neighbours = new int[n * k];
        var conditional = new double[n * k];
        Parallel.For(0, n, () => (new double[k], new int[k], new double[k]), (i, _, buffers) =>
        {
            var (heapD, heapJ, p) = buffers;
            Nearest(x, n, d, i, k, heapD, heapJ);
            Conditional(heapD, perplexity, p);
            for (int m = 0; m < k; m++)
            {
                neighbours[i * k + m] = heapJ[m];
                conditional[i * k + m] = p[m];
            }
            return buffers;
        }, _ => { });

        // Symmetrise: every (i, j, p) also as (j, i, p), sorted by (row, column), duplicates summed.
        var keys = new long[2 * n * k];
        var values = new double[2 * n * k];
        for (int i = 0, t = 0; i < n; i++)
            for (int m = 0; m < k; m++, t += 2)
            {
                int j = neighbours[i * k + m];
                double p = conditional[i * k + m] / (2.0 * n);
                keys[t] = (long)i * n + j; values[t] = p;
                keys[t + 1] = (long)j * n + i; values[t + 1] = p;
            }
        Array.Sort(keys, values);
        var rowStart = new int[n + 1];
        var columns = new List<int>(keys.Length);
        var weights = new List<double>(keys.Length);
        for (int t = 0; t < keys.Length; t++)
        {
            if (t > 0 && keys[t] == keys[t - 1]) { weights[^1] += values[t]; continue; }
            int row = (int)(keys[t] / n);
            rowStart[row + 1]++;
            columns.Add((int)(keys[t] % n));
            weights.Add(values[t]);
        }
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        return new SparseAffinities(rowStart, columns.ToArray(), weights.ToArray());
    }

    /// <summary>
    /// p_j|i ∝ exp(−β·d_j) with β bisected until the entropy is ln(perplexity) (to 1e-5 nats).
    /// Distances are shifted by their minimum first, which changes nothing but avoids underflow.
    /// </summary>
    internal static void Conditional(double[] distances, double perplexity, double[] p)
    {
        int m = distances.Length;
        double target = Math.Log(perplexity);
        double min = double.PositiveInfinity;
        for (int j = 0; j < m; j++) min = Math.Min(min, distances[j]);
        double beta = 1, lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double sum = 0, weighted = 0;
            for (int j = 0; j < m; j++)
            {
                double shifted = distances[j] - min;
                p[j] = Math.Exp(-beta * shifted);
                sum += p[j];
                weighted += shifted * p[j];
            }
            double entropy = Math.Log(sum) + beta * weighted / sum;
            for (int j = 0; j < m; j++) p[j] /= sum;
            double gap = entropy - target;
            if (Math.Abs(gap) < 1e-5) break;
            if (gap > 0)
            {
                lo = beta;
                beta = double.IsPositiveInfinity(hi) ? beta * 2 : (beta + hi) / 2;
            }
            else
            {
                hi = beta;
                beta = double.IsNegativeInfinity(lo) ? beta / 2 : (beta + lo) / 2;
            }
        }
    }

    internal static double SquaredDistance(double[] x, int i, int j, int d)
    {
        double sum = 0;
        int a = i * d, b = j * d;
        for (int c = 0; c < d; c++)
        {
            double diff = x[a + c] - x[b + c];
            sum += diff * diff;
        }
        return sum;
    }

    // The k smallest squared distances from point i (excluding i), ascending, via a bounded max-heap.
    private static void Nearest(double[] x, int n, int d, int i, int k, double[] heapD, int[] heapJ)
    {
        int size = 0;
        for (int j = 0; j < n; j++)
        {
            if (j == i) continue;
            double dist = SquaredDistance(x, i, j, d);
            if (size < k)
            {
                int c = size++;
                while (c > 0 && heapD[(c - 1) / 2] < dist) { heapD[c] = heapD[(c - 1) / 2]; heapJ[c] = heapJ[(c - 1) / 2]; c = (c - 1) / 2; }
                heapD[c] = dist; heapJ[c] = j;
            }
            else if (dist < heapD[0])
            {
                int c = 0;
                while (true)
                {
                    int l = 2 * c + 1, r = l + 1, largest = c;
                    double largestD = dist;
                    if (l < k && heapD[l] > largestD) { largest = l; largestD = heapD[l]; }
                    if (r < k && heapD[r] > largestD) { largest = r; }
                    if (largest == c) break;
                    heapD[c] = heapD[largest]; heapJ[c] = heapJ[largest]; c = largest;
                }
                heapD[c] = dist; heapJ[c] = j;
            }
        }
        Array.Sort(heapD, heapJ, 0, k);
    }
}

/// <summary>Symmetric sparse affinities in compressed-row form: row i's entries are Columns/Values[RowStart[i]..RowStart[i+1]).</summary>
internal sealed record SparseAffinities(int[] RowStart, int[] Columns, double[] Values);
