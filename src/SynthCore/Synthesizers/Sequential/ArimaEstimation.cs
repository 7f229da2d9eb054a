using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// Fits (S)ARIMA models by conditional sum of squares (CSS) and/or exact maximum likelihood (ML).
/// CSS: the series are differenced, centred, and the ARMA coefficients minimise the sum of squared
/// one-step residuals, each series' first values conditioned on and its pre-sample errors set to 0;
/// the minimiser is MathNet's Nelder–Mead simplex (the CSS surface has no cheap gradient),
/// restarted from its own optimum to avoid stopping on a flat stretch. ML maximises the exact
/// Gaussian likelihood of the differenced series (<see cref="ArimaLikelihood"/>). Several series
/// share one set of coefficients.
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
    /// <param name="method">CSS, exact ML, or exact ML started from CSS (the default; see <see cref="ArimaMethod"/>).</param>
    /// <param name="conditioning">CSS only: residuals skipped at the start of each differenced series (null: the AR operator's degree); a common value makes CSS AICs of different orders comparable.</param>
    /// <exception cref="SynthException">A series is too short for the order.</exception>
    public static ArimaModel Fit(IReadOnlyList<IReadOnlyList<double>> series, ArimaOrder order, ArimaMethod method = ArimaMethod.CssMl, int? conditioning = null)
    {
        order.Validate();
        var delta = LagPolynomial.Differencing(order.D, order.Period > 1 ? order.SeasonalD : 0, order.Period);
        var w = series.Select(s => LagPolynomial.Apply(delta, s)).ToArray();
        var shape = new Shape(order);
        int start = Math.Max(conditioning ?? shape.ArDegree, shape.ArDegree);
        if (w.Any(x => x.Length < start + 2))
            throw new SynthException($"A series is too short for {order}: it needs at least {start + 2 + delta.Length - 1} values.");

        bool differenced = delta.Length > 1;
        double mean = differenced ? 0 : w.SelectMany(x => x).Average();
        // As a start for ML, one loose simplex run is enough: the likelihood search refines it.
        var css = method switch
        {
            ArimaMethod.Ml => new double[shape.Count],
            ArimaMethod.CssMl => ConditionalSumOfSquares(w, shape, mean, start, rounds: 1, tolerance: 1e-6),
            _ => ConditionalSumOfSquares(w, shape, mean, start, rounds: 3, tolerance: 1e-10),
        };
        return method == ArimaMethod.Css
            ? CssModel(w, shape, css, mean, start, differenced)
            : MaximumLikelihood(w, shape, css, mean, differenced, method);
    }

    /// <summary>
    /// The exact Gaussian log-likelihood of <paramref name="model"/> (its coefficients, mean and σ²)
    /// on <paramref name="series"/>, differenced by the model's orders: the likelihood that
    /// <see cref="ArimaMethod.Ml"/> maximises.
    /// </summary>
    /// <exception cref="SynthException">The model's AR part is not stationary.</exception>
    public static double ExactLogLikelihood(ArimaModel model, IReadOnlyList<IReadOnlyList<double>> series)
    {
        var w = series.Select(s => (IReadOnlyList<double>)LagPolynomial.Apply(model.DifferencingPolynomial, s)).ToArray();
        var terms = ArimaLikelihood.Evaluate(w, model.DifferencingPolynomial.Length > 1 ? 0 : model.Mean, model.ArPolynomial, model.MaPolynomial)
            ?? throw new SynthException($"The AR part of {model.Order} is not stationary: it has no exact likelihood.");
        return terms.LogLikelihood(model.Sigma2);
    }

    /// <summary>How a coefficient vector splits into the four factors, and the operators it makes.</summary>
    private sealed class Shape(ArimaOrder order)
    {
        public ArimaOrder Order { get; } = order;
        public int Period { get; } = Math.Max(order.Period, 1);
        public int Count { get; } = order.P + order.Q + order.SeasonalP + order.SeasonalQ;
        public int ArDegree { get; } = order.P + (order.Period > 1 ? order.SeasonalP * Math.Max(order.Period, 1) : 0);

        public (double[] Ar, double[] Ma, double[] Sar, double[] Sma) Split(IReadOnlyList<double> x) =>
            (x.Take(Order.P).ToArray(), x.Skip(Order.P).Take(Order.Q).ToArray(),
             x.Skip(Order.P + Order.Q).Take(Order.SeasonalP).ToArray(), x.Skip(Order.P + Order.Q + Order.SeasonalP).Take(Order.SeasonalQ).ToArray());

        public double[] Join(double[] ar, double[] ma, double[] sar, double[] sma) => [.. ar, .. ma, .. sar, .. sma];

        /// <summary>φ(B)Φ(B^s) and θ(B)Θ(B^s); null when a factor is not stationary / invertible.</summary>
        public (double[] Phi, double[] Theta)? Operators(double[] ar, double[] ma, double[] sar, double[] sma, bool check)
        {
            var phiN = LagPolynomial.Factor(ar, 1, -1);
            var thetaN = LagPolynomial.Factor(ma, 1, +1);
            var phiS = LagPolynomial.Factor(sar, Period, -1);
            var thetaS = LagPolynomial.Factor(sma, Period, +1);
            if (check && !(LagPolynomial.RootsOutsideUnitCircle(phiN) && LagPolynomial.RootsOutsideUnitCircle(thetaN)
                && LagPolynomial.RootsOutsideUnitCircle(phiS) && LagPolynomial.RootsOutsideUnitCircle(thetaS)))
                return null;
            return (LagPolynomial.Multiply(phiN, phiS), LagPolynomial.Multiply(thetaN, thetaS));
        }
    }

    /// <summary>The CSS estimate: Nelder–Mead on the sum of squared residuals, restarted from its own optimum.</summary>
    private static double[] ConditionalSumOfSquares(double[][] w, Shape shape, double mean, int start, int rounds, double tolerance)
    {
        int k = shape.Count;
        if (k == 0) return [];
        var objective = ObjectiveFunction.Value(v => SumOfSquares(w, shape, v.AsArray() ?? v.ToArray(), mean, start));
        var guess = Vector<double>.Build.Dense(k);
        for (int round = 0; round < rounds; round++)
        {
            var simplex = new NelderMeadSimplex(tolerance, 20_000);
            var result = simplex.FindMinimum(objective, guess, Vector<double>.Build.Dense(k, round == 0 ? 0.1 : 0.02));
            guess = result.MinimizingPoint;
        }
        return guess.ToArray();
    }

    private static double SumOfSquares(double[][] w, Shape shape, IReadOnlyList<double> x, double mean, int start)
    {
        var (ar, ma, sar, sma) = shape.Split(x);
        if (shape.Operators(ar, ma, sar, sma, check: true) is not { } operators) return OutsideRegion;
        var (phi, theta) = operators;
        double sum = 0;
        foreach (var s in w)
        {
            var e = Residuals(s, mean, phi, theta, start);
            for (int t = start; t < e.Length; t++) sum += e[t] * e[t];
        }
        return double.IsFinite(sum) ? sum : OutsideRegion;
    }

    private static ArimaModel CssModel(double[][] w, Shape shape, double[] x, double mean, int start, bool differenced)
    {
        int n = w.Sum(s => s.Length - start);
        double sigma2 = SumOfSquares(w, shape, x, mean, start) / n;
        double logLikelihood = -0.5 * n * (Math.Log(2 * Math.PI * sigma2) + 1);
        int parameters = shape.Count + (differenced ? 0 : 1) + 1;
        var (ar, ma, sar, sma) = shape.Split(x);
        return new ArimaModel(shape.Order, ar, ma, sar, sma, mean, sigma2, logLikelihood, -2 * logLikelihood + 2 * parameters, n, ArimaMethod.Css);
    }

    /// <summary>
    /// Exact ML: maximises the concentrated exact log-likelihood (σ² profiled out) over the
    /// coefficients, each factor reparametrised by its partial autocorrelations so that every point
    /// is stationary and invertible, plus the mean of an undifferenced series. MathNet's BFGS with
    /// central-difference gradients from the start (CSS estimates or zeros); Nelder–Mead if BFGS's
    /// line search gives up. The start is kept if nothing beats it.
    /// </summary>
    private static ArimaModel MaximumLikelihood(double[][] w, Shape shape, double[] startCoefficients, double startMean, bool differenced, ArimaMethod method)
    {
        var (ar0, ma0, sar0, sma0) = shape.Split(startCoefficients);
        int k = shape.Count;
        int dimension = k + (differenced ? 0 : 1);
        int n = w.Sum(s => s.Length);
        double scale = differenced ? 1 : Math.Max(MathNet.Numerics.Statistics.Statistics.StandardDeviation(w.SelectMany(s => s)), 1e-12);
        if (!double.IsFinite(scale)) scale = 1;

        (double[] Ar, double[] Ma, double[] Sar, double[] Sma, double Mean) Coefficients(Vector<double> u)
        {
            var span = (u.AsArray() ?? u.ToArray()).AsSpan();
            var p = shape.Order;
            return (StationaryTransform.Ar(span[..p.P]), StationaryTransform.Ma(span.Slice(p.P, p.Q)),
                StationaryTransform.Ar(span.Slice(p.P + p.Q, p.SeasonalP)), StationaryTransform.Ma(span.Slice(p.P + p.Q + p.SeasonalP, p.SeasonalQ)),
                differenced ? 0 : startMean + scale * span[k]);
        }

        ArimaLikelihood.Terms? Terms(Vector<double> u)
        {
            var c = Coefficients(u);
            var (phi, theta) = shape.Operators(c.Ar, c.Ma, c.Sar, c.Sma, check: false)!.Value;
            return ArimaLikelihood.Evaluate(w, c.Mean, phi, theta);
        }

        // Minimised per observation so that tolerances do not depend on the series' length.
        double Objective(Vector<double> u) => Terms(u) is { } t && double.IsFinite(t.Concentrated) ? -t.Concentrated / n : OutsideRegion;

        var start = Vector<double>.Build.DenseOfArray([.. StationaryTransform.FromAr(ar0), .. StationaryTransform.FromMa(ma0),
            .. StationaryTransform.FromAr(sar0), .. StationaryTransform.FromMa(sma0), .. (differenced ? Array.Empty<double>() : [0.0])]);
        var best = start;
        double bestValue = Objective(start);
        if (dimension > 0)
        {
            // Forward differences: one evaluation per coordinate; their O(h) error is far below the gradient tolerance.
            (double, Vector<double>) ValueAndGradient(Vector<double> u)
            {
                double f = Objective(u);
                var g = Vector<double>.Build.Dense(u.Count);
                const double h = 1e-7;
                for (int i = 0; i < u.Count; i++)
                {
                    var step = u.Clone();
                    step[i] += h;
                    g[i] = (Objective(step) - f) / h;
                }
                return (f, g);
            }

            Vector<double> found;
            try
            {
                var bfgs = new BfgsMinimizer(1e-5, 1e-7, 1e-10, 200);
                found = bfgs.FindMinimum(ObjectiveFunction.Gradient(ValueAndGradient), start).MinimizingPoint;
            }
            catch (Exception e) when (e is OptimizationException or ArithmeticException or ArgumentException)
            {
                found = new NelderMeadSimplex(1e-12, 20_000).FindMinimum(ObjectiveFunction.Value(Objective), start, Vector<double>.Build.Dense(dimension, 0.1)).MinimizingPoint;
            }
            double value = Objective(found);
            if (value < bestValue) (best, bestValue) = (found, value);
        }

        var estimate = Coefficients(best);
        var terms = Terms(best) ?? throw new SynthException($"The exact likelihood of {shape.Order} could not be evaluated at the estimate.");
        double logLikelihood = terms.Concentrated;
        int parameters = k + (differenced ? 0 : 1) + 1;
        return new ArimaModel(shape.Order, estimate.Ar, estimate.Ma, estimate.Sar, estimate.Sma, estimate.Mean, terms.Sigma2, logLikelihood,
            -2 * logLikelihood + 2 * parameters, n, method);
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
    /// with <paramref name="method"/> (AICs from the exact likelihood for ML, from the conditional
    /// one for CSS, where every order is conditioned on the same number of initial values so their
    /// AICs compare).
    /// </summary>
    public static ArimaSelection Select(IReadOnlyList<IReadOnlyList<double>> series, ArimaSearch? search = null, ArimaMethod method = ArimaMethod.CssMl)
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
                        candidates.Add(Fit(series, order, method, conditioning));
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
