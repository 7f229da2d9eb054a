using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using SynthCore.Data;

namespace SynthCore.TimeSeries;

/// <summary>
/// Fits (S)ARIMA models by conditional sum of squares (CSS): the series are differenced, centred,
/// and the ARMA coefficients minimise the sum of squared one-step residuals, each series' first
/// values conditioned on and its pre-sample errors set to 0. Several series share one set of
/// coefficients. The minimiser is MathNet's Nelder–Mead simplex (the CSS surface has no cheap
/// gradient), restarted from its own optimum to avoid stopping on a flat stretch.
/// </summary>
public static class ArimaEstimation
{
    /// <summary>Penalty for coefficients outside the stationary / invertible region.</summary>
    private const double OutsideRegion = 1e12;

    /// <summary>One-step residuals of the ARMA operators on <paramref name="w"/>; those before <paramref name="start"/> are 0.</summary>
    internal static double[] Residuals(IReadOnlyList<double> w, double mean, double[] phi, double[] theta, int start)
    {
        var e = new double[w.Count];
        for (int t = Math.Max(start, 0); t < w.Count; t++)
        {
            double v = w[t] - mean;
            for (int i = 1; i < phi.Length; i++) v += phi[i] * (w[t - i] - mean);
            for (int j = 1; j < theta.Length && j <= t; j++) v -= theta[j] * e[t - j];
            e[t] = v;
        }
        return e;
    }

    /// <summary>Fits <paramref name="order"/> to one or more series of the same process.</summary>
    /// <param name="series">The series (each at least d + D·s + conditioning + 2 values).</param>
    /// <param name="order">The orders to fit.</param>
    /// <param name="conditioning">Residuals skipped at the start of each differenced series (null: the AR operator's degree); a common value makes AICs of different orders comparable.</param>
    /// <exception cref="SynthException">A series is too short for the order.</exception>
    public static ArimaModel Fit(IReadOnlyList<IReadOnlyList<double>> series, ArimaOrder order, int? conditioning = null)
    {
        order.Validate();
        int period = Math.Max(order.Period, 1);
        var delta = LagPolynomial.Differencing(order.D, order.Period > 1 ? order.SeasonalD : 0, order.Period);
        var w = series.Select(s => LagPolynomial.Apply(delta, s)).ToArray();
        int arDegree = order.P + (order.Period > 1 ? order.SeasonalP * period : 0);
        int start = Math.Max(conditioning ?? arDegree, arDegree);
        if (w.Any(x => x.Length < start + 2))
            throw new SynthException($"A series is too short for {order}: it needs at least {start + 2 + delta.Length - 1} values.");

        bool differenced = delta.Length > 1;
        double mean = differenced ? 0 : w.SelectMany(x => x).Average();
        int k = order.P + order.Q + order.SeasonalP + order.SeasonalQ;
        int n = w.Sum(x => x.Length - start);

        (double[] phi, double[] theta, double[] ar, double[] ma, double[] sar, double[] sma) Unpack(IReadOnlyList<double> x)
        {
            var ar = x.Take(order.P).ToArray();
            var ma = x.Skip(order.P).Take(order.Q).ToArray();
            var sar = x.Skip(order.P + order.Q).Take(order.SeasonalP).ToArray();
            var sma = x.Skip(order.P + order.Q + order.SeasonalP).Take(order.SeasonalQ).ToArray();
            var phiS = LagPolynomial.Factor(sar, period, -1);
            var thetaS = LagPolynomial.Factor(sma, period, +1);
            var phiN = LagPolynomial.Factor(ar, 1, -1);
            var thetaN = LagPolynomial.Factor(ma, 1, +1);
            bool inside = LagPolynomial.RootsOutsideUnitCircle(phiN) && LagPolynomial.RootsOutsideUnitCircle(thetaN)
                && LagPolynomial.RootsOutsideUnitCircle(phiS) && LagPolynomial.RootsOutsideUnitCircle(thetaS);
            return inside
                ? (LagPolynomial.Multiply(phiN, phiS), LagPolynomial.Multiply(thetaN, thetaS), ar, ma, sar, sma)
                : (null!, null!, ar, ma, sar, sma);
        }

        double Css(IReadOnlyList<double> x)
        {
            var (phi, theta, _, _, _, _) = Unpack(x);
            if (phi is null) return OutsideRegion;
            double sum = 0;
            foreach (var s in w)
            {
                var e = Residuals(s, mean, phi, theta, start);
                for (int t = start; t < e.Length; t++) sum += e[t] * e[t];
            }
            return double.IsFinite(sum) ? sum : OutsideRegion;
        }

        double[] best = new double[k];
        if (k > 0)
        {
            var objective = ObjectiveFunction.Value(v => Css(v.AsArray() ?? v.ToArray()));
            var guess = Vector<double>.Build.Dense(k);
            for (int round = 0; round < 3; round++)
            {
                var simplex = new NelderMeadSimplex(1e-10, 20_000);
                var result = simplex.FindMinimum(objective, guess, Vector<double>.Build.Dense(k, round == 0 ? 0.1 : 0.02));
                guess = result.MinimizingPoint;
            }
            best = guess.ToArray();
        }
        double css = Css(best);
        var unpacked = Unpack(best);
        double sigma2 = css / n;
        double logLikelihood = -0.5 * n * (Math.Log(2 * Math.PI * sigma2) + 1);
        int parameters = k + (differenced ? 0 : 1) + 1;
        return new ArimaModel(order, unpacked.ar, unpacked.ma, unpacked.sar, unpacked.sma, mean, sigma2, logLikelihood,
            -2 * logLikelihood + 2 * parameters, n);
    }

    /// <summary>
    /// The seasonal period of a series: the lag (2 … <paramref name="maxLag"/>) of the highest local
    /// peak of the sample ACF, if that peak exceeds both 0.3 and the 2/√n noise band; else 0.
    /// </summary>
    public static int DetectPeriod(IReadOnlyList<IReadOnlyList<double>> series, int maxLag)
    {
        int n = series.Sum(s => s.Count);
        maxLag = Math.Min(maxLag, series.Min(s => s.Count) / 2);
        if (maxLag < 3) return 0;
        var acf = Correlations.Acf(series, maxLag + 1);
        double threshold = Math.Max(0.3, 2 / Math.Sqrt(n));
        int best = 0;
        for (int lag = 2; lag <= maxLag; lag++)
            if (acf[lag] > threshold && acf[lag] >= acf[lag - 1] && acf[lag] >= acf[lag + 1] && (best == 0 || acf[lag] > acf[best] + 0.05))
                best = lag;
        return best;
    }

    /// <summary>
    /// Chooses d (unless given: 1 while the lag-1 autocorrelation exceeds 0.95, at most 2), the
    /// seasonal period (unless given), then the orders of the grid with the lowest AIC, all
    /// conditioned on the same number of initial values so their AICs compare.
    /// </summary>
    public static ArimaSelection Select(IReadOnlyList<IReadOnlyList<double>> series, ArimaSearch? search = null)
    {
        search ??= new ArimaSearch();
        search.Validate();
        if (series.Count == 0) throw new SynthException("There is no series to fit.");

        int d = search.D ?? 0;
        IReadOnlyList<IReadOnlyList<double>> differenced = series;
        if (search.D is null)
            while (d < 2 && differenced.All(s => s.Count > 10) && Correlations.Acf(differenced, 1)[1] > 0.95)
            {
                d++;
                differenced = differenced.Select(s => (IReadOnlyList<double>)LagPolynomial.Apply([1, -1], s)).ToArray();
            }
        else
            differenced = series.Select(s => (IReadOnlyList<double>)LagPolynomial.Apply(LagPolynomial.Differencing(d, 0, 0), s)).ToArray();

        int period = search.Period ?? DetectPeriod(differenced, search.MaxPeriod);
        int seasonalD = period > 1 ? search.SeasonalD ?? 0 : 0;
        int maxSP = period > 1 ? search.MaxSeasonalP : 0;
        int maxSQ = period > 1 ? search.MaxSeasonalQ : 0;
        int conditioning = search.MaxP + maxSP * Math.Max(period, 1);

        var candidates = new List<ArimaModel>();
        for (int p = 0; p <= search.MaxP; p++)
            for (int q = 0; q <= search.MaxQ; q++)
                for (int sp = 0; sp <= maxSP; sp++)
                    for (int sq = 0; sq <= maxSQ; sq++)
                    {
                        var order = new ArimaOrder(p, d, q, sp, seasonalD, sq, sp + sq + seasonalD > 0 ? period : 0);
                        candidates.Add(Fit(series, order, conditioning));
                    }
        var best = candidates.MinBy(m => m.Aic)!;
        return new ArimaSelection(best, candidates, period);
    }
}

/// <summary>The grid <see cref="ArimaEstimation.Select"/> searches; null means "choose from the data".</summary>
public sealed record ArimaSearch
{
    public int MaxP { get; init; } = 2;
    public int MaxQ { get; init; } = 2;
    public int MaxSeasonalP { get; init; } = 1;
    public int MaxSeasonalQ { get; init; } = 1;
    public int? D { get; init; }
    public int? SeasonalD { get; init; }
    /// <summary>The seasonal period; 0 for none; null to detect it from the ACF.</summary>
    public int? Period { get; init; }
    /// <summary>The longest period detection considers.</summary>
    public int MaxPeriod { get; init; } = 60;

    public void Validate()
    {
        if (MaxP is < 0 or > 5) throw new SynthOptionException("max-p", $"must be 0 to 5 (got {MaxP}).");
        if (MaxQ is < 0 or > 5) throw new SynthOptionException("max-q", $"must be 0 to 5 (got {MaxQ}).");
        if (MaxSeasonalP is < 0 or > 2) throw new SynthOptionException("max-seasonal-p", $"must be 0 to 2 (got {MaxSeasonalP}).");
        if (MaxSeasonalQ is < 0 or > 2) throw new SynthOptionException("max-seasonal-q", $"must be 0 to 2 (got {MaxSeasonalQ}).");
        if (D is < 0 or > 2) throw new SynthOptionException("d", $"must be 0, 1 or 2 (got {D}).");
        if (SeasonalD is < 0 or > 1) throw new SynthOptionException("seasonal-d", $"must be 0 or 1 (got {SeasonalD}).");
        if (Period is < 0 or 1) throw new SynthOptionException("period", $"must be 0 (none) or at least 2 (got {Period}).");
        if (MaxPeriod < 2) throw new SynthOptionException("max-period", $"must be at least 2 (got {MaxPeriod}).");
    }
}

/// <summary>The chosen model, every candidate with its AIC, and the seasonal period used.</summary>
public sealed record ArimaSelection(ArimaModel Best, IReadOnlyList<ArimaModel> Candidates, int Period);
