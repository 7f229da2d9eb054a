using MathNet.Numerics.Distributions;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// One fitted univariate distribution: a family and its parameters, with the CDF, quantile and
/// log-density the fitter, the copula and the samplers need. Built on MathNet.Numerics' distributions;
/// the truncated normal and the rescaled beta are composed here because MathNet has neither form.
/// </summary>
/// <param name="Family">The family.</param>
/// <param name="Parameters">Named parameters (see <see cref="ParameterNames"/>): normal mean/sd, log-normal mu/sigma,
/// exponential rate, gamma shape/scale, beta alpha/beta/lower/upper, Weibull shape/scale, uniform lower/upper,
/// truncated normal mean/sd/lower/upper, Poisson lambda, negative binomial r/p (failures before r successes), binomial n/p.</param>
public sealed record FittedDistribution(DistributionFamily Family, IReadOnlyDictionary<string, double> Parameters)
{
    private readonly Lazy<Func<double, double>> cdf = new(() => MakeCdf(Family, Parameters));

    public static IReadOnlyList<string> ParameterNames(DistributionFamily family) => family switch
    {
        DistributionFamily.Normal => ["mean", "sd"],
        DistributionFamily.LogNormal => ["mu", "sigma"],
        DistributionFamily.Exponential => ["rate"],
        DistributionFamily.Gamma => ["shape", "scale"],
        DistributionFamily.Beta => ["alpha", "beta", "lower", "upper"],
        DistributionFamily.Weibull => ["shape", "scale"],
        DistributionFamily.Uniform => ["lower", "upper"],
        DistributionFamily.TruncatedNormal => ["mean", "sd", "lower", "upper"],
        DistributionFamily.Poisson => ["lambda"],
        DistributionFamily.NegativeBinomial => ["r", "p"],
        DistributionFamily.Binomial => ["n", "p"],
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    private double P(string name) => Parameters[name];

    /// <summary>P(X ≤ x).</summary>
    public double Cdf(double x) => cdf.Value(x);

    private static Func<double, double> MakeCdf(DistributionFamily family, IReadOnlyDictionary<string, double> p)
    {
        switch (family)
        {
            case DistributionFamily.Normal: { var d = new Normal(p["mean"], p["sd"]); return d.CumulativeDistribution; }
            case DistributionFamily.LogNormal: { var d = new LogNormal(p["mu"], p["sigma"]); return x => x <= 0 ? 0 : d.CumulativeDistribution(x); }
            case DistributionFamily.Exponential: { var d = new Exponential(p["rate"]); return x => x <= 0 ? 0 : d.CumulativeDistribution(x); }
            case DistributionFamily.Gamma: { var d = new Gamma(p["shape"], 1 / p["scale"]); return x => x <= 0 ? 0 : d.CumulativeDistribution(x); }
            case DistributionFamily.Weibull: { var d = new Weibull(p["shape"], p["scale"]); return x => x <= 0 ? 0 : d.CumulativeDistribution(x); }
            case DistributionFamily.Uniform:
            {
                double a = p["lower"], b = p["upper"];
                return x => x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a);
            }
            case DistributionFamily.Beta:
            {
                var d = new Beta(p["alpha"], p["beta"]);
                double a = p["lower"], b = p["upper"];
                return x => x <= a ? 0 : x >= b ? 1 : d.CumulativeDistribution((x - a) / (b - a));
            }
            case DistributionFamily.TruncatedNormal:
            {
                double m = p["mean"], s = p["sd"], a = p["lower"], b = p["upper"];
                double fa = Normal.CDF(m, s, a), mass = Normal.CDF(m, s, b) - fa;
                return x => x <= a ? 0 : x >= b ? 1 : Math.Clamp((Normal.CDF(m, s, x) - fa) / mass, 0, 1);
            }
            case DistributionFamily.Poisson: { var d = new Poisson(p["lambda"]); return x => x < 0 ? 0 : d.CumulativeDistribution(Math.Floor(x)); }
            case DistributionFamily.NegativeBinomial: { var d = new NegativeBinomial(p["r"], p["p"]); return x => x < 0 ? 0 : d.CumulativeDistribution(Math.Floor(x)); }
            case DistributionFamily.Binomial: { var d = new Binomial(p["p"], (int)p["n"]); return x => x < 0 ? 0 : x >= p["n"] ? 1 : d.CumulativeDistribution(Math.Floor(x)); }
            default: throw new ArgumentOutOfRangeException(nameof(family));
        }
    }

    /// <summary>The smallest x with P(X ≤ x) ≥ u, for u in (0, 1).</summary>
    public double Quantile(double u)
    {
        u = Math.Clamp(u, 1e-12, 1 - 1e-12);
        switch (Family)
        {
            case DistributionFamily.Normal: return Normal.InvCDF(P("mean"), P("sd"), u);
            case DistributionFamily.LogNormal: return LogNormal.InvCDF(P("mu"), P("sigma"), u);
            case DistributionFamily.Exponential: return -Math.Log(1 - u) / P("rate");
            case DistributionFamily.Gamma: return Gamma.InvCDF(P("shape"), 1 / P("scale"), u);
            case DistributionFamily.Weibull: return P("scale") * Math.Pow(-Math.Log(1 - u), 1 / P("shape"));
            case DistributionFamily.Uniform: return P("lower") + u * (P("upper") - P("lower"));
            case DistributionFamily.Beta: return P("lower") + Beta.InvCDF(P("alpha"), P("beta"), u) * (P("upper") - P("lower"));
            case DistributionFamily.TruncatedNormal:
            {
                double m = P("mean"), s = P("sd");
                double fa = Normal.CDF(m, s, P("lower")), fb = Normal.CDF(m, s, P("upper"));
                return Math.Clamp(Normal.InvCDF(m, s, fa + u * (fb - fa)), P("lower"), P("upper"));
            }
            default: return DiscreteQuantile(u);
        }
    }

    // MathNet's discrete distributions have no inverse CDF: bisect on the integers.
    private double DiscreteQuantile(double u)
    {
        double hi = 1;
        while (Cdf(hi) < u && hi < 1e15) hi *= 2;
        double lo = -1;
        while (hi - lo > 1)
        {
            double mid = Math.Floor((lo + hi) / 2);
            if (Cdf(mid) >= u) hi = mid; else lo = mid;
        }
        return hi;
    }

    /// <summary>Log-density (log-probability for counts) of one value.</summary>
    public double LogDensity(double x) => Family switch
    {
        DistributionFamily.Normal => Normal.PDFLn(P("mean"), P("sd"), x),
        DistributionFamily.LogNormal => x > 0 ? LogNormal.PDFLn(P("mu"), P("sigma"), x) : double.NegativeInfinity,
        DistributionFamily.Exponential => x >= 0 ? Math.Log(P("rate")) - P("rate") * x : double.NegativeInfinity,
        DistributionFamily.Gamma => x > 0 ? Gamma.PDFLn(P("shape"), 1 / P("scale"), x) : double.NegativeInfinity,
        DistributionFamily.Weibull => x > 0 ? Weibull.PDFLn(P("shape"), P("scale"), x) : double.NegativeInfinity,
        DistributionFamily.Uniform => x >= P("lower") && x <= P("upper") ? -Math.Log(P("upper") - P("lower")) : double.NegativeInfinity,
        DistributionFamily.Beta => x > P("lower") && x < P("upper")
            ? Beta.PDFLn(P("alpha"), P("beta"), (x - P("lower")) / (P("upper") - P("lower"))) - Math.Log(P("upper") - P("lower"))
            : double.NegativeInfinity,
        DistributionFamily.TruncatedNormal => x >= P("lower") && x <= P("upper")
            ? Normal.PDFLn(P("mean"), P("sd"), x) - Math.Log(Normal.CDF(P("mean"), P("sd"), P("upper")) - Normal.CDF(P("mean"), P("sd"), P("lower")))
            : double.NegativeInfinity,
        DistributionFamily.Poisson => IsCount(x) ? Poisson.PMFLn(P("lambda"), (int)x) : double.NegativeInfinity,
        DistributionFamily.NegativeBinomial => IsCount(x) ? NegativeBinomial.PMFLn(P("r"), P("p"), (int)x) : double.NegativeInfinity,
        DistributionFamily.Binomial => IsCount(x) && x <= P("n") ? Binomial.PMFLn(P("p"), (int)P("n"), (int)x) : double.NegativeInfinity,
        _ => throw new ArgumentOutOfRangeException(nameof(x)),
    };

    private static bool IsCount(double x) => x >= 0 && x == Math.Floor(x) && x < int.MaxValue;

    public override string ToString() =>
        $"{Family.ToName()}({string.Join(", ", ParameterNames(Family).Select(n => $"{n}={Parameters[n].ToString("G5", System.Globalization.CultureInfo.InvariantCulture)}"))})";
}
