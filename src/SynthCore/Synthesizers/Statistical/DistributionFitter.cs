using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using SynthCore.Evaluation;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>One family fitted to a column by maximum likelihood, with its goodness of fit.</summary>
/// <param name="Distribution">The fitted distribution.</param>
/// <param name="LogLikelihood">Log-likelihood of the values at the fitted parameters.</param>
/// <param name="ParameterCount">Parameters estimated (bounds count: they are fitted to the data).</param>
/// <param name="Aic">Akaike information criterion, 2k − 2 log L (lower is better).</param>
/// <param name="KsStatistic">One-sample Kolmogorov–Smirnov distance between the values and the fitted CDF.</param>
/// <param name="KsPValue">Asymptotic KS p-value (optimistic, since the parameters were fitted to the same values; conservative for counts).</param>
public sealed record DistributionCandidate(FittedDistribution Distribution, double LogLikelihood, int ParameterCount, double Aic, double KsStatistic, double KsPValue)
{
    public DistributionFamily Family => Distribution.Family;
}

/// <summary>How candidates are ordered.</summary>
public enum FitRanking { Aic, Ks }

/// <summary>
/// Fits every applicable family to a column by maximum likelihood and ranks them. MathNet's
/// estimators are used for the normal, log-normal and Weibull (Normal/LogNormal/Weibull.Estimate);
/// MathNet has no estimator for the others, so their MLEs are written here from sufficient
/// statistics (closed forms, or a 1–2 parameter search with MathNet's FindMinimum).
/// Bounds of the uniform and truncated normal are the observed range (their MLE); the beta uses [0, 1]
/// for proportions, else the observed range widened by range/n; the binomial's n maximises the profile likelihood.
/// Families whose support excludes the data are skipped (log-normal, gamma, Weibull need x &gt; 0;
/// exponential x ≥ 0; counts need whole x ≥ 0).
/// </summary>
public static class DistributionFitter
{
    /// <summary>
    /// Fits the continuous families (or, when <paramref name="counts"/>, the count families) to <paramref name="values"/>, best first.
    /// With <paramref name="counts"/>, any discrete family that fits ranks above the continuous ones under either ranking.
    /// </summary>
    /// <exception cref="SynthException">Fewer than two values, non-finite values, or no family applies.</exception>
    public static IReadOnlyList<DistributionCandidate> Fit(IReadOnlyList<double> values, bool counts, FitRanking ranking = FitRanking.Aic, IEnumerable<DistributionFamily>? families = null)
    {
        var x = values.ToArray();
        if (x.Length < 2) throw new SynthException($"Distribution fitting needs at least two values, got {x.Length}.");
        if (x.Any(v => !double.IsFinite(v))) throw new SynthException("Distribution fitting needs finite values (no NaN or infinity).");
        Array.Sort(x);
        if (x[0] == x[^1]) throw new SynthException($"All {x.Length} values equal {x[0]}: a constant has no distribution to fit.");
        var stats = new SufficientStats(x);
        var candidates = new List<DistributionCandidate>();
        foreach (var family in families ?? (counts ? DistributionFamilies.Counts : DistributionFamilies.Continuous))
        {
            var fitted = TryFit(family, x, stats);
            if (fitted is null) continue;
            bool rounded = counts && !family.IsDiscrete();
            double logL = rounded ? x.Sum(v => LogRoundedMass(fitted, v)) : x.Sum(fitted.LogDensity);
            if (!double.IsFinite(logL)) continue;
            int k = FittedDistribution.ParameterNames(family).Count;
            double d = KsStatistic(x, fitted, rounded);
            candidates.Add(new DistributionCandidate(fitted, logL, k, 2 * k - 2 * logL, d, KolmogorovSmirnov.KolmogorovSurvival(Math.Sqrt(x.Length) * d)));
        }
        if (candidates.Count == 0) throw new SynthException("No distribution family fits these values.");
        // On counts, a density at whole numbers is not a probability: scored by it, a beta or truncated normal
        // pressed onto the observed range beat the binomial's AIC by hundreds of points with a KS ten times
        // worse, and its samples put 40% on a value that has 22%. So a continuous family is scored here as
        // the sampler uses it on an integer column, rounded: by the mass F(v + ½) − F(v − ½) it gives each value
        // (a probability, so its AIC compares with a count family's) and by the step CDF of its rounded values.
        // Then a discrete family that fits still ranks first under either ranking: it gives every whole
        // number its own share by construction, and a rounded smooth density that edges it out (on years of
        // schooling a rounded Weibull's KS 0.024 against the binomial's 0.029, on 400 rows) does so by noise.
        // The cost is on wide counts that mix groups (screen-time opens per app), where a rounded log-normal
        // follows the shape better than any of the three count families. Continuous candidates stay in the
        // list, after the discrete ones, with their rounded scores for comparison.
        var ordered = candidates.OrderBy(c => counts && !c.Family.IsDiscrete());
        return ranking == FitRanking.Aic
            ? ordered.ThenBy(c => c.Aic).ThenBy(c => c.KsStatistic).ToArray()
            : ordered.ThenBy(c => c.KsStatistic).ThenBy(c => c.Aic).ToArray();
    }

    /// <summary>
    /// Ranked candidates for every numeric column of a table: integer columns get the count families
    /// when their values are non-negative, ranked first, then the continuous ones; constant or empty columns are left out.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DistributionCandidate>> FitTable(DataFrame table, TableMetadata metadata, FitRanking ranking = FitRanking.Aic)
    {
        var result = new Dictionary<string, IReadOnlyList<DistributionCandidate>>(StringComparer.Ordinal);
        foreach (var meta in metadata.Columns.Where(c => c.Kind is ColumnKind.Continuous or ColumnKind.Integer))
        {
            var values = NumericValues(table.Columns[meta.Name], meta.Kind);
            if (values.Length < 2 || values.Min() == values.Max()) continue;
            bool counts = meta.Kind == ColumnKind.Integer && values.Min() >= 0;
            var families = counts ? DistributionFamilies.Counts.Concat(DistributionFamilies.Continuous) : DistributionFamilies.Continuous;
            result[meta.Name] = Fit(values, counts, ranking, families);
        }
        return result;
    }

    internal static double[] NumericValues(DataFrameColumn column, ColumnKind kind)
    {
        var codec = ColumnValueCodec.Create(column.Name, ColumnStorageExtensions.StorageOf(column), kind);
        var values = new List<double>((int)column.Length);
        for (long r = 0; r < column.Length; r++)
            if (column[r] is { } cell && !ColumnStorageExtensions.IsMissing(cell) && codec.TryToNumber(cell, out double x))
                values.Add(x);
        return values.ToArray();
    }

    /// <summary>
    /// log P(round(X) = v) = log(F(v + ½) − F(v − ½)): what a continuous family, sampled and rounded as the
    /// sampler does for an integer column, gives the whole number v.
    /// </summary>
    internal static double LogRoundedMass(FittedDistribution fitted, double v)
    {
        double mass = fitted.Cdf(v + 0.5) - fitted.Cdf(v - 0.5);
        return mass > 0 ? Math.Log(mass) : double.NegativeInfinity;
    }

    /// <summary>
    /// sup |F̂ − F| over the sorted values; for counts F is compared on both sides of each step, and a continuous
    /// family scored on counts (<paramref name="rounded"/>) as the step function of its rounded values.
    /// </summary>
    internal static double KsStatistic(double[] sorted, FittedDistribution fitted, bool rounded = false)
    {
        int n = sorted.Length;
        bool discrete = fitted.Family.IsDiscrete();
        double d = 0;
        int i = 0;
        while (i < n)
        {
            double v = sorted[i];
            double below = (double)i / n;
            while (i < n && sorted[i] == v) i++;
            double upTo = (double)i / n;
            double f = rounded ? fitted.Cdf(v + 0.5) : fitted.Cdf(v);
            double fBelow = rounded ? fitted.Cdf(v - 0.5) : discrete ? fitted.Cdf(v - 1) : f;
            d = Math.Max(d, Math.Max(Math.Abs(f - upTo), Math.Abs(fBelow - below)));
        }
        return d;
    }

    private sealed class SufficientStats
    {
        public SufficientStats(double[] sorted)
        {
            N = sorted.Length;
            Min = sorted[0];
            Max = sorted[^1];
            Mean = sorted.Average();
            Variance = sorted.Sum(v => (v - Mean) * (v - Mean)) / N;
            if (Min > 0) MeanLog = sorted.Average(Math.Log);
            Sorted = sorted;
        }
        public int N { get; }
        public double Min { get; }
        public double Max { get; }
        public double Mean { get; }
        public double Variance { get; }
        public double MeanLog { get; } = double.NaN;
        public double[] Sorted { get; }
    }

    private static FittedDistribution? TryFit(DistributionFamily family, double[] x, SufficientStats s)
    {
        static FittedDistribution Make(DistributionFamily f, params (string, double)[] p) =>
            new(f, p.ToDictionary(t => t.Item1, t => t.Item2));
        bool positive = s.Min > 0;
        bool whole = x.All(v => v == Math.Floor(v)) && s.Min >= 0;
        switch (family)
        {
            case DistributionFamily.Normal:
            {
                var d = Normal.Estimate(x);
                // MathNet's Estimate uses the n−1 standard deviation; the MLE divides by n.
                return Make(family, ("mean", d.Mean), ("sd", Math.Sqrt(s.Variance)));
            }
            case DistributionFamily.LogNormal when positive:
            {
                var d = LogNormal.Estimate(x);
                return Make(family, ("mu", d.Mu), ("sigma", d.Sigma));
            }
            case DistributionFamily.Exponential when s.Min >= 0 && s.Mean > 0:
                return Make(family, ("rate", 1 / s.Mean));
            case DistributionFamily.Gamma when positive:
                return FitGamma(s);
            case DistributionFamily.Weibull when positive:
            {
                try
                {
                    var d = Weibull.Estimate(x);
                    return double.IsFinite(d.Shape) && d.Shape > 0 ? Make(family, ("shape", d.Shape), ("scale", d.Scale)) : null;
                }
                catch (Exception e) when (e is ArgumentException or MathNet.Numerics.NonConvergenceException) { return null; }
            }
            case DistributionFamily.Uniform:
                return Make(family, ("lower", s.Min), ("upper", s.Max));
            case DistributionFamily.Beta:
                return FitBeta(x, s);
            case DistributionFamily.TruncatedNormal:
                return FitTruncatedNormal(s);
            case DistributionFamily.Poisson when whole:
                return s.Mean > 0 ? Make(family, ("lambda", s.Mean)) : null;
            case DistributionFamily.NegativeBinomial when whole:
                return FitNegativeBinomial(x, s);
            case DistributionFamily.Binomial when whole:
                return FitBinomial(x, s);
            default:
                return null;
        }
    }

    // Gamma MLE: the shape solves log k − ψ(k) = log(mean) − mean(log x); scale = mean / k.
    private static FittedDistribution? FitGamma(SufficientStats s)
    {
        double target = Math.Log(s.Mean) - s.MeanLog;
        if (!(target > 0)) return null;
        double k = (3 - target + Math.Sqrt((target - 3) * (target - 3) + 24 * target)) / (12 * target);
        double lo = k / 10, hi = k * 10;
        while (Math.Log(lo) - SpecialFunctions.DiGamma(lo) < target) lo /= 2;
        while (Math.Log(hi) - SpecialFunctions.DiGamma(hi) > target) hi *= 2;
        // log k − ψ(k) is decreasing in k.
        k = MathNet.Numerics.RootFinding.Brent.FindRoot(v => Math.Log(v) - SpecialFunctions.DiGamma(v) - target, lo, hi, 1e-12, 200);
        return new FittedDistribution(DistributionFamily.Gamma, new Dictionary<string, double> { ["shape"] = k, ["scale"] = s.Mean / k });
    }

    // Beta on the observed range widened by range/n, whose log-likelihood depends only on mean log y and mean log(1 − y).
    private static FittedDistribution? FitBeta(double[] x, SufficientStats s)
    {
        // Proportions (every value in [0, 1]) get the standard bounds; otherwise the observed range, widened
        // because the density of a beta with shapes above 1 vanishes at its bounds.
        double margin = (s.Max - s.Min) / s.N;
        bool unit = s.Min > 0 && s.Max < 1;
        double a = unit ? 0 : s.Min - margin, b = unit ? 1 : s.Max + margin, width = b - a;
        double meanLogY = x.Average(v => Math.Log((v - a) / width));
        double meanLog1mY = x.Average(v => Math.Log((b - v) / width));
        double m = (s.Mean - a) / width, v0 = s.Variance / (width * width);
        double common = Math.Max(m * (1 - m) / v0 - 1, 0.1);
        double NegLogL(double la, double lb)
        {
            double al = Math.Exp(la), be = Math.Exp(lb);
            return -((al - 1) * meanLogY + (be - 1) * meanLog1mY - SpecialFunctions.BetaLn(al, be));
        }
        var (la, lb) = FindMinimum.OfFunction(NegLogL, Math.Log(m * common), Math.Log((1 - m) * common), 1e-10, 5000);
        double alpha = Math.Exp(la), beta = Math.Exp(lb);
        return double.IsFinite(alpha) && double.IsFinite(beta)
            ? new FittedDistribution(DistributionFamily.Beta, new Dictionary<string, double> { ["alpha"] = alpha, ["beta"] = beta, ["lower"] = a, ["upper"] = b })
            : null;
    }

    // Truncated normal on the observed range: log L uses only Σx and Σx², so each step of the search is O(1).
    private static FittedDistribution? FitTruncatedNormal(SufficientStats s)
    {
        double a = s.Min, b = s.Max, n = s.N;
        double meanSq = s.Variance + s.Mean * s.Mean;
        double NegLogL(double mu, double logSd)
        {
            double sd = Math.Exp(logSd);
            double logMass = LogStandardNormalMass((a - mu) / sd, (b - mu) / sd);
            if (!double.IsFinite(logMass)) return double.MaxValue;
            double ss = meanSq - 2 * mu * s.Mean + mu * mu;
            return n * (logSd + 0.5 * Math.Log(2 * Math.PI) + ss / (2 * sd * sd) + logMass);
        }
        var (muHat, logSdHat) = FindMinimum.OfFunction(NegLogL, s.Mean, Math.Log(Math.Sqrt(s.Variance)), 1e-10, 5000);
        double sdHat = Math.Exp(logSdHat);
        return double.IsFinite(muHat) && double.IsFinite(sdHat) && sdHat > 0
            ? new FittedDistribution(DistributionFamily.TruncatedNormal, new Dictionary<string, double> { ["mean"] = muHat, ["sd"] = sdHat, ["lower"] = a, ["upper"] = b })
            : null;
    }

    /// <summary>
    /// log(Φ(β) − Φ(α)) without cancellation. As σ grows (uniform-looking data) the interval shrinks to a
    /// sliver at the centre and Φ(β) − Φ(α) became a difference of two numbers near ½ with no correct
    /// digits, which let the search "win" by thousands of AIC points; a sliver is its width times the
    /// density at its midpoint (relative error below 1e-7), and both tails are taken on the side where
    /// the probabilities are small.
    /// </summary>
    internal static double LogStandardNormalMass(double alpha, double beta)
    {
        double width = beta - alpha;
        if (!(width > 0)) return double.NegativeInfinity;
        if (width < 1e-3) return Math.Log(width) + Normal.PDFLn(0, 1, 0.5 * (alpha + beta));
        double mass = alpha > 0 ? Normal.CDF(0, 1, -alpha) - Normal.CDF(0, 1, -beta) : Normal.CDF(0, 1, beta) - Normal.CDF(0, 1, alpha);
        return mass > 0 ? Math.Log(mass) : double.NegativeInfinity;
    }

    // Binomial: for fixed n the MLE of p is mean / n; n (at least the largest value) maximises the profile likelihood,
    // searched upwards from the maximum while it keeps improving (it tends to the Poisson as n grows).
    private static FittedDistribution? FitBinomial(double[] x, SufficientStats s)
    {
        // Without underdispersion the profile likelihood rises all the way to n → ∞, the Poisson limit.
        if (s.Mean <= 0 || s.Variance >= s.Mean) return null;
        var counts = x.GroupBy(v => v).Select(g => (Value: g.Key, Count: g.Count())).ToArray();
        double Profile(double n)
        {
            double p = s.Mean / n;
            if (p >= 1) return double.NegativeInfinity;
            double sum = 0;
            foreach (var (v, c) in counts)
                sum += c * (SpecialFunctions.GammaLn(n + 1) - SpecialFunctions.GammaLn(v + 1) - SpecialFunctions.GammaLn(n - v + 1));
            return sum + s.N * (s.Mean * Math.Log(p) + (n - s.Mean) * Math.Log(1 - p));
        }
        double bestN = s.Max, best = Profile(bestN);
        int sinceBest = 0;
        for (double n = s.Max + 1; n <= s.Max + 100_000 && sinceBest < 50; n++)
        {
            double value = Profile(n);
            if (value > best) { best = value; bestN = n; sinceBest = 0; } else sinceBest++;
        }
        double pHat = s.Mean / bestN;
        return pHat is > 0 and < 1
            ? new FittedDistribution(DistributionFamily.Binomial, new Dictionary<string, double> { ["n"] = bestN, ["p"] = pHat })
            : null;
    }

    // Negative binomial: for fixed r the MLE of p is r / (r + mean); r maximises the profile likelihood (over distinct values, so O(distinct) per step).
    private static FittedDistribution? FitNegativeBinomial(double[] x, SufficientStats s)
    {
        if (s.Variance <= s.Mean || s.Mean <= 0) return null; // no overdispersion: the MLE runs off to r → ∞ (the Poisson).
        var counts = x.GroupBy(v => v).Select(g => (Value: g.Key, Count: g.Count())).ToArray();
        double NegProfile(double logR)
        {
            // log p and log(1 − p) from logs: with r ≫ mean, 1 − r / (r + mean) rounded to 0 and its log was −∞.
            double r = Math.Exp(logR), logTotal = Math.Log(r + s.Mean);
            double sum = 0;
            foreach (var (v, c) in counts)
                sum += c * (SpecialFunctions.GammaLn(v + r) - SpecialFunctions.GammaLn(r) - SpecialFunctions.GammaLn(v + 1));
            double value = -(sum + s.N * (r * (logR - logTotal) + s.Mean * (Math.Log(s.Mean) - logTotal)));
            return double.IsFinite(value) ? value : double.MaxValue;
        }
        // Barely overdispersed draws put r₀ far out; past r = 10⁸ · mean the negative binomial is the Poisson to
        // double precision, so the search stops there.
        double r0 = s.Mean * s.Mean / (s.Variance - s.Mean);
        double upper = Math.Min(Math.Log(r0) + 8, Math.Log(1e8 * s.Mean));
        double logR = FindMinimum.OfScalarFunctionConstrained(NegProfile, Math.Min(Math.Log(r0) - 8, upper - 16), upper, 1e-8, 500);
        double rHat = Math.Exp(logR);
        return new FittedDistribution(DistributionFamily.NegativeBinomial, new Dictionary<string, double> { ["r"] = rHat, ["p"] = rHat / (rHat + s.Mean) });
    }
}
