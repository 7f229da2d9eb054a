using MathNet.Numerics;

namespace SynthCore.Transforms;

/// <summary>
/// A one-dimensional Gaussian mixture fitted by variational inference with a truncated
/// Dirichlet-process (stick-breaking) prior on the weights: scikit-learn's
/// BayesianGaussianMixture(weight_concentration_prior_type="dirichlet_process") with the priors
/// CTGAN's normaliser uses (weight concentration 0.001, mean precision 1, mean prior the data
/// mean, one degree of freedom, covariance prior the data variance, k-means initialisation,
/// tol 1e-3, 100 iterations). The small concentration makes unneeded components' weights
/// collapse, so the mixture finds how many modes a column has. Hand-written (MathNet has EM
/// for no mixtures) with MathNet's special functions; in one dimension every update is scalar.
/// </summary>
public sealed class VariationalGaussianMixture
{
    private const double RegCovar = 1e-6;
    private const double Tolerance = 1e-3;
    private const int MaxIterations = 100;

    /// <summary>numpy's float64 eps: scikit-learn adds 10 eps to every component's mass so none is exactly empty.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly double concentrationPrior;
    private readonly int components;

    // Variational posterior.
    private double[] concentrationA = [], concentrationB = [];
    private double[] meanPrecision = [], means = [], degreesOfFreedom = [], precisionCholesky = [];

    private double meanPrior, meanPrecisionPrior = 1, degreesOfFreedomPrior = 1, covariancePrior;

    /// <param name="components">Most components (CTGAN: 10).</param>
    /// <param name="weightConcentrationPrior">γ₀ of the stick-breaking prior (CTGAN: 0.001).</param>
    public VariationalGaussianMixture(int components = 10, double weightConcentrationPrior = 0.001)
    {
        if (components < 1) throw new ArgumentOutOfRangeException(nameof(components));
        this.components = components;
        concentrationPrior = weightConcentrationPrior;
    }

    /// <summary>Expected mixture weights, E[π_k] under the stick-breaking posterior.</summary>
    public double[] Weights { get; private set; } = [];

    /// <summary>Component means.</summary>
    public double[] Means => means;

    /// <summary>Component standard deviations (√ of the expected covariance).</summary>
    public double[] StandardDeviations { get; private set; } = [];

    /// <summary>Iterations run; whether the lower bound converged.</summary>
    public int Iterations { get; private set; }

    public bool Converged { get; private set; }

    /// <summary>Fits the mixture to <paramref name="x"/> (at least 2 values).</summary>
    public VariationalGaussianMixture Fit(double[] x, Random random)
    {
        if (x.Length < 2) throw new ArgumentException("Need at least two values.", nameof(x));
        int n = x.Length, k = Math.Min(components, n);
        meanPrior = x.Average();
        covariancePrior = x.Sum(v => (v - meanPrior) * (v - meanPrior)) / (n - 1);
        if (!(covariancePrior > 0)) covariancePrior = RegCovar;

        // Initial responsibilities: hard k-means labels.
        var resp = new double[n * k];
        var labels = KMeans1D.Cluster(x, k, random);
        for (int i = 0; i < n; i++) resp[i * k + labels[i]] = 1;
        MStep(x, resp, k);

        terms = null;
        double lowerBound = double.NegativeInfinity;
        for (Iterations = 1; Iterations <= MaxIterations; Iterations++)
        {
            double previous = lowerBound;
            double entropy = EStep(x, resp, k);
            MStep(x, resp, k);
            lowerBound = LowerBound(entropy, k);
            if (Math.Abs(lowerBound - previous) < Tolerance) { Converged = true; break; }
        }
        Iterations = Math.Min(Iterations, MaxIterations);

        // E[π_k] = E[v_k] ∏_{j<k} (1 − E[v_j]) under Beta(a_k, b_k) sticks.
        Weights = new double[k];
        double remaining = 1;
        for (int c = 0; c < k; c++)
        {
            double v = concentrationA[c] / (concentrationA[c] + concentrationB[c]);
            Weights[c] = v * remaining;
            remaining *= 1 - v;
        }
        double total = Weights.Sum();
        for (int c = 0; c < k; c++) Weights[c] /= total;
        StandardDeviations = precisionCholesky.Select(p => 1 / p).ToArray();
        terms = null;
        return this;
    }

    /// <summary>Updates the variational posterior from the responsibilities (n × k, row-major).</summary>
    private void MStep(double[] x, double[] resp, int k)
    {
        int n = x.Length;
        var nk = new double[k];
        var xk = new double[k];
        var sk = new double[k];
        // One pass for Σr, Σrx, Σrx² (then variance = Σrx²/Σr − mean²): the values are min-max
        // scaled to [0, 1], so the one-pass formula loses nothing that matters in double.
        for (int i = 0; i < n; i++)
        {
            double v = x[i];
            int row = i * k;
            for (int c = 0; c < k; c++)
            {
                double r = resp[row + c];
                nk[c] += r;
                xk[c] += r * v;
                sk[c] += r * v * v;
            }
        }
        for (int c = 0; c < k; c++)
        {
            nk[c] += 10 * MachineEpsilon;
            xk[c] /= nk[c];
            sk[c] = Math.Max(sk[c] / nk[c] - xk[c] * xk[c], 0);
        }

        concentrationA = new double[k];
        concentrationB = new double[k];
        double after = 0;
        for (int c = k - 1; c >= 0; c--)
        {
            concentrationA[c] = 1 + nk[c];
            concentrationB[c] = concentrationPrior + after;
            after += nk[c];
        }
        meanPrecision = new double[k];
        means = new double[k];
        degreesOfFreedom = new double[k];
        precisionCholesky = new double[k];
        for (int c = 0; c < k; c++)
        {
            sk[c] += RegCovar;
            meanPrecision[c] = meanPrecisionPrior + nk[c];
            means[c] = (meanPrecisionPrior * meanPrior + nk[c] * xk[c]) / meanPrecision[c];
            degreesOfFreedom[c] = degreesOfFreedomPrior + nk[c];
            double diff = xk[c] - meanPrior;
            double covariance = (covariancePrior + nk[c] * sk[c] + nk[c] * meanPrecisionPrior / meanPrecision[c] * diff * diff) / degreesOfFreedom[c];
            precisionCholesky[c] = 1 / Math.Sqrt(covariance);
        }
    }

    /// <summary>Expected log weights under the stick-breaking posterior.</summary>
    private double[] LogWeights(int k)
    {
        var log = new double[k];
        double cumulative = 0;
        for (int c = 0; c < k; c++)
        {
            double sum = SpecialFunctions.DiGamma(concentrationA[c] + concentrationB[c]);
            log[c] = SpecialFunctions.DiGamma(concentrationA[c]) - sum + cumulative;
            cumulative += SpecialFunctions.DiGamma(concentrationB[c]) - sum;
        }
        return log;
    }

    /// <summary>Per-component terms of the expected log density, except the squared distance.</summary>
    private (double[] Offset, double[] Scale) LogDensityTerms(int k)
    {
        var logWeights = LogWeights(k);
        var offset = new double[k];
        var scale = new double[k];
        for (int c = 0; c < k; c++)
        {
            double logLambda = Math.Log(2) + SpecialFunctions.DiGamma(0.5 * degreesOfFreedom[c]);
            offset[c] = logWeights[c] - 0.5 * Math.Log(2 * Math.PI) + Math.Log(precisionCholesky[c]) - 0.5 * Math.Log(degreesOfFreedom[c])
                + 0.5 * (logLambda - 1 / meanPrecision[c]);
            scale[c] = precisionCholesky[c] * precisionCholesky[c];
        }
        return (offset, scale);
    }

    /// <summary>Responsibilities from the current posterior, written into <paramref name="resp"/>; returns Σ r log r.</summary>
    private double EStep(double[] x, double[] resp, int k)
    {
        var (offset, scale) = LogDensityTerms(k);
        double entropy = 0;
        var row = new double[k];
        for (int i = 0; i < x.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                double d = x[i] - means[c];
                row[c] = offset[c] - 0.5 * d * d * scale[c];
                if (row[c] > max) max = row[c];
            }
            // Components more than 50 nats below the best contribute < 2e-22: skip their exp.
            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                row[c] -= max;
                double e = row[c] < -50 ? 0 : Math.Exp(row[c]);
                resp[i * k + c] = e;
                sum += e;
            }
            double logSum = Math.Log(sum);
            for (int c = 0; c < k; c++)
            {
                double r = resp[i * k + c] / sum;
                resp[i * k + c] = r;
                if (r > 0) entropy += r * (row[c] - logSum);
            }
        }
        return entropy;
    }

    /// <summary>The evidence lower bound up to a constant, as scikit-learn computes it for convergence.</summary>
    private double LowerBound(double sumRespLogResp, int k)
    {
        double logWishart = 0, logNormWeight = 0, logMeanPrecision = 0;
        for (int c = 0; c < k; c++)
        {
            double logDetPrecisionCholesky = Math.Log(precisionCholesky[c]) - 0.5 * Math.Log(degreesOfFreedom[c]);
            double nu = degreesOfFreedom[c];
            logWishart += -(nu * logDetPrecisionCholesky + nu * 0.5 * Math.Log(2) + SpecialFunctions.GammaLn(0.5 * nu));
            logNormWeight += -SpecialFunctions.BetaLn(concentrationA[c], concentrationB[c]);
            logMeanPrecision += Math.Log(meanPrecision[c]);
        }
        return -sumRespLogResp - logWishart - logNormWeight - 0.5 * logMeanPrecision;
    }

    /// <summary>Posterior probability of each component for <paramref name="v"/>, into <paramref name="probabilities"/>.</summary>
    public void Responsibilities(double v, Span<double> probabilities)
    {
        int k = means.Length;
        var (offset, scale) = terms ??= LogDensityTerms(k);
        double max = double.NegativeInfinity;
        for (int c = 0; c < k; c++)
        {
            double d = v - means[c];
            probabilities[c] = offset[c] - 0.5 * d * d * scale[c];
            max = Math.Max(max, probabilities[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) sum += probabilities[c] = Math.Exp(probabilities[c] - max);
        for (int c = 0; c < k; c++) probabilities[c] /= sum;
    }

    private (double[] Offset, double[] Scale)? terms;
}
