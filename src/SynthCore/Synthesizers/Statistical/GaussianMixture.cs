using MathNet.Numerics.LinearAlgebra;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A mixture whose components are a full-covariance Gaussian over the numbers times independent
/// categorical distributions over the discrete variables (a latent class model for the categories),
/// fitted by EM from a k-means++ start. Missing numbers are handled exactly under MAR: the E-step
/// uses the Gaussian's marginal over the numbers present, the M-step their conditional expectations
/// and covariance (Ghahramani &amp; Jordan 1994). Hand-written: MathNet has no mixture model, and
/// none of the .NET mixture implementations handles categories or missing values.
/// </summary>
internal sealed class GaussianMixture
{
    private const int ChunkRows = 4096;
    /// <summary>Added to category counts so a code unseen in a component keeps a tiny probability (no log 0).</summary>
    private const double CategorySmoothing = 1e-6;

    public GaussianMixture(double[] weights, double[][] means, Matrix<double>[] covariances, double[][][] probabilities)
    {
        Weights = weights;
        Means = means;
        Covariances = covariances;
        Probabilities = probabilities;
    }

    public int Components => Weights.Length;
    public double[] Weights { get; }
    public double[][] Means { get; }
    public Matrix<double>[] Covariances { get; }
    /// <summary>[component][variable][code].</summary>
    public double[][][] Probabilities { get; }

    /// <summary>Free parameters, for the BIC.</summary>
    public static long Parameters(int k, int d, int[] levels) =>
        (k - 1) + (long)k * d + (long)k * d * (d + 1) / 2 + (long)k * levels.Sum(l => l - 1);

    /// <summary>Fits k components; returns the model and its total log-likelihood.</summary>
    public static (GaussianMixture Model, double LogLikelihood) Fit(MixtureData data, int k, GmmOptions options, Random random, CancellationToken cancellation)
    {
        var resp = Initial(data, k, random);
        var model = MStep(data, resp, k, options.CovarianceRegularisation, null);
        double previous = double.NegativeInfinity, logLikelihood = double.NegativeInfinity;
        for (int iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            cancellation.ThrowIfCancellationRequested();
            logLikelihood = model.EStep(data, resp);
            if ((logLikelihood - previous) / data.Rows < options.Tolerance) break;
            previous = logLikelihood;
            model = MStep(data, resp, k, options.CovarianceRegularisation, model);
        }
        logLikelihood = model.EStep(data, resp);
        return (model, logLikelihood);
    }

    /// <summary>Hard responsibilities from k-means++ seeding and a few Lloyd steps on the complete rows; rows lacking numbers go to the nearest centre on the numbers they have.</summary>
    private static double[] Initial(MixtureData data, int k, Random random)
    {
        int n = data.Rows, d = data.Dimensions;
        var resp = new double[n * k];
        var complete = Enumerable.Range(0, n).Where(r => data.Observed[data.PatternOf[r]].Length == d).ToArray();
        if (d == 0 || complete.Length < k)
        {
            for (int r = 0; r < n; r++) resp[r * k + random.Next(k)] = 1;
            return resp;
        }
        var centres = new double[k][];
        centres[0] = Row(data, complete[random.Next(complete.Length)]);
        var nearest = complete.Select(r => Distance(data, r, centres[0])).ToArray();
        for (int c = 1; c < k; c++)
        {
            double total = nearest.Sum();
            int pick = complete[random.Next(complete.Length)];
            if (total > 0)
            {
                double u = random.NextDouble() * total, sum = 0;
                for (int i = 0; i < complete.Length; i++)
                {
                    sum += nearest[i];
                    if (sum >= u) { pick = complete[i]; break; }
                }
            }
            centres[c] = Row(data, pick);
            for (int i = 0; i < complete.Length; i++) nearest[i] = Math.Min(nearest[i], Distance(data, complete[i], centres[c]));
        }
        var assignment = new int[n];
        for (int step = 0; step < 10; step++)
        {
            bool changed = false;
            foreach (int r in complete)
            {
                int best = Nearest(data, r, centres);
                if (best != assignment[r] || step == 0) changed |= best != assignment[r];
                assignment[r] = best;
            }
            var sums = new double[k][];
            var counts = new int[k];
            for (int c = 0; c < k; c++) sums[c] = new double[d];
            foreach (int r in complete)
            {
                counts[assignment[r]]++;
                for (int j = 0; j < d; j++) sums[assignment[r]][j] += data.Z[r * d + j];
            }
            for (int c = 0; c < k; c++)
                if (counts[c] > 0) for (int j = 0; j < d; j++) centres[c][j] = sums[c][j] / counts[c];
            if (!changed && step > 0) break;
        }
        for (int r = 0; r < n; r++)
            resp[r * k + (data.Observed[data.PatternOf[r]].Length == 0 ? random.Next(k) : Nearest(data, r, centres))] = 1;
        return resp;
    }

    private static double[] Row(MixtureData data, int r) => data.Z.AsSpan(r * data.Dimensions, data.Dimensions).ToArray();

    /// <summary>Squared distance over the dimensions the row has.</summary>
    private static double Distance(MixtureData data, int r, double[] centre)
    {
        double sum = 0;
        foreach (int j in data.Observed[data.PatternOf[r]])
        {
            double diff = data.Z[r * data.Dimensions + j] - centre[j];
            sum += diff * diff;
        }
        return sum;
    }

    private static int Nearest(MixtureData data, int r, double[][] centres)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int c = 0; c < centres.Length; c++)
        {
            double distance = Distance(data, r, centres[c]);
            if (distance < bestDistance) { bestDistance = distance; best = c; }
        }
        return best;
    }

    /// <summary>Per pattern and component: the Cholesky factor of the present block, its log-determinant, and for the missing block the regression on the present one and the residual covariance.</summary>
    private sealed record PatternBlock(int[] Present, int[] Missing, double[] Factor, double LogDeterminant, Matrix<double>? Regression, Matrix<double>? Residual);

    private PatternBlock[][] Blocks(MixtureData data)
    {
        int d = data.Dimensions;
        var blocks = new PatternBlock[data.Observed.Count][];
        for (int p = 0; p < data.Observed.Count; p++)
        {
            var present = data.Observed[p];
            var missing = Enumerable.Range(0, d).Except(present).ToArray();
            blocks[p] = new PatternBlock[Components];
            for (int k = 0; k < Components; k++)
            {
                var cov = Covariances[k];
                var oo = Matrix<double>.Build.Dense(present.Length, present.Length, (i, j) => cov[present[i], present[j]]);
                double[] factor = [];
                double logDet = 0;
                Matrix<double>? regression = null, residual = null;
                if (present.Length > 0)
                {
                    var cholesky = oo.Cholesky();
                    var l = cholesky.Factor;
                    factor = new double[present.Length * present.Length];
                    for (int i = 0; i < present.Length; i++) for (int j = 0; j <= i; j++) factor[i * present.Length + j] = l[i, j];
                    logDet = cholesky.DeterminantLn;
                    if (missing.Length > 0)
                    {
                        var mo = Matrix<double>.Build.Dense(missing.Length, present.Length, (i, j) => cov[missing[i], present[j]]);
                        regression = cholesky.Solve(mo.Transpose()).Transpose();
                        residual = Matrix<double>.Build.Dense(missing.Length, missing.Length, (i, j) => cov[missing[i], missing[j]]) - regression * mo.Transpose();
                    }
                }
                else if (missing.Length > 0)
                {
                    regression = Matrix<double>.Build.Dense(missing.Length, 0);
                    residual = Matrix<double>.Build.Dense(missing.Length, missing.Length, (i, j) => cov[missing[i], missing[j]]);
                }
                blocks[p][k] = new PatternBlock(present, missing, factor, logDet, regression, residual);
            }
        }
        return blocks;
    }

    /// <summary>Writes each row's responsibilities into <paramref name="resp"/> and returns the total log-likelihood.</summary>
    public double EStep(MixtureData data, double[] resp)
    {
        int n = data.Rows, k = Components, d = data.Dimensions;
        var blocks = Blocks(data);
        var logWeights = Weights.Select(w => Math.Log(Math.Max(w, 1e-300))).ToArray();
        var logProbabilities = Probabilities.Select(pk => pk.Select(pv => pv.Select(p => Math.Log(p)).ToArray()).ToArray()).ToArray();
        int chunks = (n + ChunkRows - 1) / ChunkRows;
        var partial = new double[chunks];
        Parallel.For(0, chunks, chunk =>
        {
            var y = new double[d];
            var logs = new double[k];
            double total = 0;
            for (int r = chunk * ChunkRows; r < Math.Min(n, (chunk + 1) * ChunkRows); r++)
            {
                var patternBlocks = blocks[data.PatternOf[r]];
                for (int c = 0; c < k; c++)
                {
                    var block = patternBlocks[c];
                    double log = logWeights[c];
                    int m = block.Present.Length;
                    if (m > 0)
                    {
                        double m2 = 0;
                        for (int i = 0; i < m; i++)
                        {
                            double v = data.Z[r * d + block.Present[i]] - Means[c][block.Present[i]];
                            for (int j = 0; j < i; j++) v -= block.Factor[i * m + j] * y[j];
                            y[i] = v / block.Factor[i * m + i];
                            m2 += y[i] * y[i];
                        }
                        log += -0.5 * (m * Math.Log(2 * Math.PI) + block.LogDeterminant + m2);
                    }
                    for (int v = 0; v < data.Discrete.Length; v++) log += logProbabilities[c][v][data.Discrete[v][r]];
                    logs[c] = log;
                }
                double top = logs.Max(), sum = 0;
                for (int c = 0; c < k; c++) sum += resp[r * k + c] = Math.Exp(logs[c] - top);
                for (int c = 0; c < k; c++) resp[r * k + c] /= sum;
                total += top + Math.Log(sum);
            }
            partial[chunk] = total;
        });
        return partial.Sum();
    }

    /// <summary>New parameters from responsibilities; with a previous model, missing numbers enter as their conditional expectations under it.</summary>
    private static GaussianMixture MStep(MixtureData data, double[] resp, int k, double regularisation, GaussianMixture? previous)
    {
        int n = data.Rows, d = data.Dimensions;
        var blocks = previous?.Blocks(data);
        int chunks = (n + ChunkRows - 1) / ChunkRows;
        var counts = new double[chunks][];
        var sums = new double[chunks][];
        var products = new double[chunks][];
        var discrete = new double[chunks][][];
        Parallel.For(0, chunks, chunk =>
        {
            var count = new double[k];
            var sum = new double[k * d];
            var product = new double[k * d * d];
            var codes = data.Levels.Select(l => new double[k * l]).ToArray();
            var x = new double[d];
            for (int r = chunk * ChunkRows; r < Math.Min(n, (chunk + 1) * ChunkRows); r++)
            {
                int pattern = data.PatternOf[r];
                for (int c = 0; c < k; c++)
                {
                    double w = resp[r * k + c];
                    if (w == 0) continue;
                    count[c] += w;
                    for (int v = 0; v < data.Levels.Length; v++) codes[v][c * data.Levels[v] + data.Discrete[v][r]] += w;
                    if (d == 0) continue;
                    for (int j = 0; j < d; j++) x[j] = data.Z[r * d + j];
                    PatternBlock? block = blocks?[pattern][c];
                    var missing = block?.Missing ?? Enumerable.Range(0, d).Where(j => double.IsNaN(x[j])).ToArray();
                    if (missing.Length > 0)
                    {
                        // Conditional expectation of the missing numbers (the component mean before there is a model).
                        for (int i = 0; i < missing.Length; i++)
                        {
                            double e = previous?.Means[c][missing[i]] ?? 0;
                            if (block?.Regression is { } regression)
                                for (int j = 0; j < block.Present.Length; j++)
                                    e += regression[i, j] * (x[block.Present[j]] - previous!.Means[c][block.Present[j]]);
                            x[missing[i]] = e;
                        }
                        if (block?.Residual is { } residual)
                            for (int i = 0; i < missing.Length; i++)
                                for (int j = 0; j < missing.Length; j++)
                                    product[(c * d + missing[i]) * d + missing[j]] += w * residual[i, j];
                    }
                    for (int i = 0; i < d; i++)
                    {
                        sum[c * d + i] += w * x[i];
                        double wx = w * x[i];
                        int row = (c * d + i) * d;
                        for (int j = 0; j <= i; j++) product[row + j] += wx * x[j];
                    }
                }
            }
            counts[chunk] = count;
            sums[chunk] = sum;
            products[chunk] = product;
            discrete[chunk] = codes;
        });

        // Merged in chunk order, so the result does not depend on thread timing.
        var total = new double[k];
        var totalSum = new double[k * d];
        var totalProduct = new double[k * d * d];
        var totalCodes = data.Levels.Select(l => new double[k * l]).ToArray();
        for (int chunk = 0; chunk < chunks; chunk++)
        {
            for (int i = 0; i < total.Length; i++) total[i] += counts[chunk][i];
            for (int i = 0; i < totalSum.Length; i++) totalSum[i] += sums[chunk][i];
            for (int i = 0; i < totalProduct.Length; i++) totalProduct[i] += products[chunk][i];
            for (int v = 0; v < totalCodes.Length; v++) for (int i = 0; i < totalCodes[v].Length; i++) totalCodes[v][i] += discrete[chunk][v][i];
        }

        var weights = new double[k];
        var means = new double[k][];
        var covariances = new Matrix<double>[k];
        var probabilities = new double[k][][];
        for (int c = 0; c < k; c++)
        {
            double nk = total[c];
            weights[c] = Math.Max(nk, 1e-10) / n;
            means[c] = new double[d];
            var cov = Matrix<double>.Build.DenseIdentity(d);
            if (nk > 1e-8)
            {
                for (int i = 0; i < d; i++) means[c][i] = totalSum[c * d + i] / nk;
                for (int i = 0; i < d; i++)
                    for (int j = 0; j <= i; j++)
                    {
                        double value = totalProduct[(c * d + i) * d + j] / nk - means[c][i] * means[c][j];
                        cov[i, j] = value;
                        cov[j, i] = value;
                    }
                for (int i = 0; i < d; i++) cov[i, i] += regularisation;
            }
            else if (previous is not null) means[c] = previous.Means[c];
            covariances[c] = cov;
            probabilities[c] = data.Levels.Select((levels, v) =>
            {
                var p = new double[levels];
                double denominator = nk + CategorySmoothing * levels;
                for (int code = 0; code < levels; code++) p[code] = (totalCodes[v][c * levels + code] + CategorySmoothing) / denominator;
                return p;
            }).ToArray();
        }
        double weightSum = weights.Sum();
        for (int c = 0; c < k; c++) weights[c] /= weightSum;
        return new GaussianMixture(weights, means, covariances, probabilities);
    }
}
