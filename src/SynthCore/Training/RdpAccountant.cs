using MathNet.Numerics;

namespace SynthCore.Training;

/// <summary>
/// Rényi-DP accountant for the sampled Gaussian mechanism (Mironov, Talwar &amp; Zhang 2019), the
/// analysis behind DP-SGD: each step samples each example with probability q (Poisson) and adds
/// Gaussian noise of σ × the clipping norm. RDP adds up over steps at each order α; ε for a δ is the
/// best order's conversion. Computation follows TF-Privacy's rdp_accountant / Google's dp_accounting
/// (integer orders by the binomial expansion, fractional orders by the two-sided series with erfc,
/// and the conversion of Canonne, Kamath &amp; Steinke 2020 used by dp_accounting and Opacus), so
/// the numbers match those libraries.
/// </summary>
public sealed class RdpAccountant
{
    /// <summary>The orders of TF-Privacy's compute_dp_sgd_privacy: 1.25 … 4.5, 5 … 63, 128, 256, 512.</summary>
    public static IReadOnlyList<double> DefaultOrders { get; } =
        new[] { 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5 }.Concat(Enumerable.Range(5, 59).Select(i => (double)i)).Concat([128, 256, 512]).ToArray();

    private readonly double[] orders;
    private readonly double[] rdp;

    public RdpAccountant(IReadOnlyList<double>? orders = null)
    {
        this.orders = (orders ?? DefaultOrders).ToArray();
        if (this.orders.Length == 0 || this.orders.Any(a => !(a > 1)))
            throw new ArgumentException("RDP orders must all be greater than 1.", nameof(orders));
        rdp = new double[this.orders.Length];
    }

    /// <summary>An accountant holding already accumulated RDP values (e.g. restored from a saved model).</summary>
    public static RdpAccountant FromRdp(IReadOnlyList<double> orders, IReadOnlyList<double> rdp)
    {
        if (orders.Count != rdp.Count) throw new ArgumentException("One RDP value per order is needed.", nameof(rdp));
        if (rdp.Any(r => !(r >= 0))) throw new ArgumentException("RDP values must be non-negative.", nameof(rdp));
        var accountant = new RdpAccountant(orders);
        for (int i = 0; i < rdp.Count; i++) accountant.rdp[i] = rdp[i];
        return accountant;
    }

    public IReadOnlyList<double> Orders => orders;

    /// <summary>The accumulated RDP at each order.</summary>
    public IReadOnlyList<double> Rdp => rdp;

    /// <summary>Adds <paramref name="steps"/> steps of the sampled Gaussian mechanism.</summary>
    /// <param name="samplingRate">q: each example's probability of being in a batch (batch size / rows).</param>
    /// <param name="noiseMultiplier">σ: noise standard deviation / clipping norm.</param>
    public RdpAccountant Compose(double samplingRate, double noiseMultiplier, long steps)
    {
        if (!(samplingRate >= 0 && samplingRate <= 1)) throw new ArgumentOutOfRangeException(nameof(samplingRate), "q must be in [0, 1].");
        if (!(noiseMultiplier >= 0)) throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), "σ must be non-negative.");
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps));
        for (int i = 0; i < orders.Length; i++)
            rdp[i] += steps * SampledGaussianRdp(samplingRate, noiseMultiplier, orders[i]);
        return this;
    }

    /// <summary>The smallest ε over the orders for which the composition is (ε, δ)-DP, and that order.</summary>
    /// <param name="delta">δ, in (0, 1).</param>
    /// <param name="conversion">Improved (default; dp_accounting, Opacus) or the classic bound older TF-Privacy tutorials quote.</param>
    public (double Epsilon, double Order) GetEpsilon(double delta, RdpConversion conversion = RdpConversion.Improved)
    {
        if (conversion == RdpConversion.Classic)
        {
            if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), "δ must be in (0, 1).");
            // Mironov 2017, Proposition 3: ε = RDP(α) + log(1/δ) / (α − 1).
            var classic = orders.Select((a, i) => (Epsilon: rdp[i] - Math.Log(delta) / (a - 1), Order: a)).MinBy(x => x.Epsilon);
            return (Math.Max(0, classic.Epsilon), classic.Order);
        }
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), "δ must be in (0, 1).");
        double best = double.PositiveInfinity, bestOrder = orders[0];
        for (int i = 0; i < orders.Length; i++)
        {
            double a = orders[i], r = rdp[i], epsilon;
            if (delta * delta + double.ExpM1(-r) > 0) epsilon = 0; // KL bound: δ ≤ sqrt(1 − exp(−r))
            else if (a > 1.01) epsilon = r + Math.Log(1 - 1 / a) - Math.Log(delta * a) / (a - 1);
            else epsilon = double.PositiveInfinity;
            if (epsilon < best) { best = epsilon; bestOrder = a; }
        }
        return (Math.Max(0, best), bestOrder);
    }

    /// <summary>
    /// ε of DP-SGD as TF-Privacy's compute_dp_sgd_privacy states it: q = batch / n, steps = ⌈epochs · n / batch⌉,
    /// Poisson sampling, the default orders.
    /// </summary>
    public static (double Epsilon, double Order) DpSgdEpsilon(int rows, int batchSize, double noiseMultiplier, double epochs, double delta)
    {
        if (batchSize < 1 || batchSize > rows) throw new ArgumentOutOfRangeException(nameof(batchSize), "The batch size must be between 1 and the rows.");
        double q = (double)batchSize / rows;
        long steps = (long)Math.Ceiling(epochs * rows / batchSize);
        return new RdpAccountant().Compose(q, noiseMultiplier, steps).GetEpsilon(delta);
    }

    /// <summary>RDP of one step at order α.</summary>
    internal static double SampledGaussianRdp(double q, double sigma, double alpha)
    {
        if (q == 0) return 0;
        if (sigma == 0) return double.PositiveInfinity;
        if (q == 1) return alpha / (2 * sigma * sigma);
        if (double.IsPositiveInfinity(alpha)) return double.PositiveInfinity;
        double logA = alpha == Math.Floor(alpha) && alpha <= int.MaxValue ? LogAInteger(q, sigma, (int)alpha) : LogAFractional(q, sigma, alpha);
        return logA / (alpha - 1);
    }

    private static double LogAInteger(double q, double sigma, int alpha)
    {
        double logA = double.NegativeInfinity;
        for (int i = 0; i <= alpha; i++)
        {
            double logCoef = SpecialFunctions.BinomialLn(alpha, i) + i * Math.Log(q) + (alpha - i) * Math.Log(1 - q);
            logA = LogAdd(logA, logCoef + (i * (double)i - i) / (2 * sigma * sigma));
        }
        return logA;
    }

    private static double LogAFractional(double q, double sigma, double alpha)
    {
        double logA0 = double.NegativeInfinity, logA1 = double.NegativeInfinity;
        double z0 = sigma * sigma * Math.Log(1 / q - 1) + 0.5;
        double coef = 1; // generalised binomial C(α, i), updated in place
        for (int i = 0; ; i++)
        {
            if (i > 0) coef *= (alpha - (i - 1)) / i;
            double logCoef = Math.Log(Math.Abs(coef));
            double j = alpha - i;
            double logT0 = logCoef + i * Math.Log(q) + j * Math.Log(1 - q);
            double logT1 = logCoef + j * Math.Log(q) + i * Math.Log(1 - q);
            double logE0 = Math.Log(0.5) + LogErfc((i - z0) / (Math.Sqrt(2) * sigma));
            double logE1 = Math.Log(0.5) + LogErfc((z0 - j) / (Math.Sqrt(2) * sigma));
            double logS0 = logT0 + (i * (double)i - i) / (2 * sigma * sigma) + logE0;
            double logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
            if (coef > 0)
            {
                logA0 = LogAdd(logA0, logS0);
                logA1 = LogAdd(logA1, logS1);
            }
            else
            {
                logA0 = LogSub(logA0, logS0);
                logA1 = LogSub(logA1, logS1);
            }
            if (Math.Max(logS0, logS1) < -30) break;
        }
        return LogAdd(logA0, logA1);
    }

    private static double LogAdd(double x, double y)
    {
        double a = Math.Min(x, y), b = Math.Max(x, y);
        if (double.IsNegativeInfinity(a)) return b;
        return Math.Log(Math.Exp(a - b) + 1) + b;
    }

    /// <summary>log(exp(x) − exp(y)) for x ≥ y; −∞ when equal (as TF-Privacy's _log_sub).</summary>
    private static double LogSub(double x, double y)
    {
        if (y > x) throw new ArithmeticException("The RDP series went negative; use a larger noise multiplier or other orders.");
        if (double.IsNegativeInfinity(y)) return x;
        if (x == y) return double.NegativeInfinity;
        return Math.Log(-double.ExpM1(y - x)) + x;
    }

    /// <summary>log(erfc(x)), with the asymptotic expansion once erfc underflows.</summary>
    private static double LogErfc(double x)
    {
        double r = SpecialFunctions.Erfc(x);
        if (r > 1e-300) return Math.Log(r);
        return -Math.Log(Math.PI) / 2 - Math.Log(x) - x * x - 0.5 * Math.Pow(x, -2) + 0.625 * Math.Pow(x, -4)
            - 37.0 / 24 * Math.Pow(x, -6) + 353.0 / 64 * Math.Pow(x, -8);
    }
}

/// <summary>How RDP is converted to (ε, δ)-DP.</summary>
public enum RdpConversion
{
    /// <summary>Canonne, Kamath &amp; Steinke 2020 (as dp_accounting and Opacus): ε = r + log(1 − 1/α) − log(δα)/(α − 1).</summary>
    Improved,
    /// <summary>Mironov 2017, Proposition 3: ε = r + log(1/δ)/(α − 1). Looser; what TF-Privacy's early tutorials reported.</summary>
    Classic,
}
