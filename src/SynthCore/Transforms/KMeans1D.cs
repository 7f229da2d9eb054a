namespace SynthCore.Transforms;

/// <summary>
/// k-means on one variable with k-means++ seeding, the initialisation scikit-learn's Bayesian
/// Gaussian mixture uses (init_params="kmeans"). Hand-written: MathNet has no k-means, and in one
/// dimension Lloyd's algorithm is a few lines.
/// </summary>
internal static class KMeans1D
{
    private const int MaxIterations = 300;

    /// <summary>The cluster of each value (0 … k−1; some clusters may end up empty).</summary>
    public static int[] Cluster(double[] x, int k, Random random)
    {
        var centres = SeedPlusPlus(x, k, random);
        var labels = new int[x.Length];
        var sums = new double[k];
        var counts = new int[k];
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            bool changed = iteration == 0;
            Array.Clear(sums);
            Array.Clear(counts);
            for (int i = 0; i < x.Length; i++)
            {
                int best = Nearest(centres, x[i]);
                if (best != labels[i]) { labels[i] = best; changed = true; }
                sums[best] += x[i];
                counts[best]++;
            }
            if (!changed) break;
            for (int c = 0; c < k; c++) if (counts[c] > 0) centres[c] = sums[c] / counts[c];
        }
        return labels;
    }

    private static int Nearest(double[] centres, double v)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int c = 0; c < centres.Length; c++)
        {
            double d = Math.Abs(v - centres[c]);
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best;
    }

    /// <summary>k-means++ (Arthur and Vassilvitskii 2007): each new centre drawn with probability ∝ squared distance to the nearest chosen one.</summary>
    private static double[] SeedPlusPlus(double[] x, int k, Random random)
    {
        var centres = new double[k];
        centres[0] = x[random.Next(x.Length)];
        var distance = new double[x.Length];
        for (int i = 0; i < x.Length; i++) distance[i] = Square(x[i] - centres[0]);
        for (int c = 1; c < k; c++)
        {
            double total = distance.Sum();
            int pick = x.Length - 1;
            if (total > 0)
            {
                double target = random.NextDouble() * total, running = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    running += distance[i];
                    if (running >= target) { pick = i; break; }
                }
            }
            else pick = random.Next(x.Length);
            centres[c] = x[pick];
            for (int i = 0; i < x.Length; i++) distance[i] = Math.Min(distance[i], Square(x[i] - centres[c]));
        }
        return centres;
    }

    private static double Square(double v) => v * v;
}
