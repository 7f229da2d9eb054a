using MathNet.Numerics.Distributions;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>A multi-step forecast: point forecasts and a central prediction interval at each horizon.</summary>
public sealed record ArimaForecast(double[] Mean, double[] StandardError, double[] Lower, double[] Upper, double Level);

/// <summary>
/// A fitted (S)ARIMA model of one variable: φ(B)Φ(B^s)(1−B)^d(1−B^s)^D (y_t − μ) = θ(B)Θ(B^s) ε_t,
/// ε ~ N(0, σ²); μ is the mean of an undifferenced series (0 once differenced: no drift).
/// </summary>
/// <param name="Order">The orders and seasonal period.</param>
/// <param name="Ar">φ1..φp.</param>
/// <param name="Ma">θ1..θq (MA sign convention 1 + θB).</param>
/// <param name="SeasonalAr">Φ1..ΦP.</param>
/// <param name="SeasonalMa">Θ1..ΘQ.</param>
/// <param name="Mean">μ.</param>
/// <param name="Sigma2">Innovation variance σ².</param>
/// <param name="LogLikelihood">Gaussian log-likelihood at the estimate: the conditional one for CSS, the exact one for ML.</param>
/// <param name="Aic">Akaike's criterion from that likelihood: −2 log L + 2 (parameters + 1 for σ²).</param>
/// <param name="Observations">Differenced values in the likelihood (for CSS, those after the conditioning values).</param>
/// <param name="Method">How the coefficients were estimated (models saved before ML existed were CSS).</param>
public sealed record ArimaModel(
    ArimaOrder Order, double[] Ar, double[] Ma, double[] SeasonalAr, double[] SeasonalMa,
    double Mean, double Sigma2, double LogLikelihood, double Aic, int Observations, ArimaMethod Method = ArimaMethod.Css)
{
    /// <summary>The full AR operator φ(B)Φ(B^s) as coefficients of B^k.</summary>
    internal double[] ArPolynomial => LagPolynomial.Multiply(LagPolynomial.Factor(Ar, 1, -1), LagPolynomial.Factor(SeasonalAr, Math.Max(Order.Period, 1), -1));

    /// <summary>The full MA operator θ(B)Θ(B^s).</summary>
    internal double[] MaPolynomial => LagPolynomial.Multiply(LagPolynomial.Factor(Ma, 1, +1), LagPolynomial.Factor(SeasonalMa, Math.Max(Order.Period, 1), +1));

    internal double[] DifferencingPolynomial => LagPolynomial.Differencing(Order.D, Order.Period > 1 ? Order.SeasonalD : 0, Order.Period);

    /// <summary>
    /// A new series of <paramref name="length"/> values. The ARMA part runs a burn-in first so it
    /// starts in its stationary distribution; a differenced model is integrated from
    /// <paramref name="anchor"/> (the last d + D·s values before the new ones, e.g. the start of an
    /// observed series), which is required then and not part of the result.
    /// </summary>
    public double[] Simulate(int length, Random random, IReadOnlyList<double>? anchor = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var delta = DifferencingPolynomial;
        int k = delta.Length - 1;
        if (k > 0 && (anchor is null || anchor.Count < k))
            throw new SynthException($"Simulating a differenced {Order} needs the {k} values before the new ones.");

        var phi = ArPolynomial;
        var theta = MaPolynomial;
        int burn = 100 + 10 * (phi.Length + theta.Length);
        int n = burn + length;
        var w = new double[n];
        var e = new double[n];
        double sd = Math.Sqrt(Sigma2);
        for (int t = 0; t < n; t++)
        {
            e[t] = Normal.Sample(random, 0, sd);
            double v = e[t];
            for (int i = 1; i < phi.Length && i <= t; i++) v -= phi[i] * w[t - i];
            for (int j = 1; j < theta.Length && j <= t; j++) v += theta[j] * e[t - j];
            w[t] = v;
        }

        return Integrate(w.AsSpan(burn), k == 0 ? Mean : 0, anchor);
    }

    /// <summary>
    /// A new series of <paramref name="length"/> values continuing a real one: the ARMA part starts from
    /// the Kalman filter's predicted state after the real values (<paramref name="state"/>, with
    /// <paramref name="factor"/> L, L L' = P its covariance at σ² = 1), drawn as a + σ L z, so the
    /// simulation follows the model's distribution given the real past; a differenced model is integrated
    /// from <paramref name="anchor"/>, the last d + D·s real values.
    /// </summary>
    internal double[] Continue(int length, Random random, IReadOnlyList<double>? anchor, double[] state, double[,] factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var (T, R) = ArmaKalmanFilter.Form(ArPolynomial, MaPolynomial);
        int r = R.Length;
        if (state.Length != r || factor.GetLength(0) != r || factor.GetLength(1) != r)
            throw new SynthException($"The saved state of {Order} has {state.Length} values, not {r}.");
        double sd = Math.Sqrt(Sigma2);
        var z = new double[r];
        for (int i = 0; i < r; i++) z[i] = Normal.Sample(random, 0, 1);
        var alpha = new double[r];
        for (int i = 0; i < r; i++)
        {
            double v = state[i];
            for (int j = 0; j <= i; j++) v += sd * factor[i, j] * z[j];
            alpha[i] = v;
        }
        int k = DifferencingPolynomial.Length - 1;
        var w = new double[length];
        for (int t = 0; t < length; t++)
        {
            if (t > 0)
            {
                ArmaKalmanFilter.Shift(T, alpha);
                double e = Normal.Sample(random, 0, sd);
                for (int i = 0; i < r; i++) alpha[i] += R[i] * e;
            }
            w[t] = alpha[0];
        }
        return Integrate(w, k == 0 ? Mean : 0, anchor);
    }

    /// <summary>y from the ARMA values <paramref name="w"/> (plus <paramref name="mean"/>), integrated by the differencing from the last d + D·s values of <paramref name="anchor"/>.</summary>
    private double[] Integrate(ReadOnlySpan<double> w, double mean, IReadOnlyList<double>? anchor)
    {
        var delta = DifferencingPolynomial;
        int k = delta.Length - 1;
        if (k > 0 && (anchor is null || anchor.Count < k))
            throw new SynthException($"Simulating a differenced {Order} needs the {k} values before the new ones.");
        int length = w.Length;
        var y = new double[k + length];
        for (int i = 0; i < k; i++) y[i] = anchor![anchor.Count - k + i];
        for (int t = 0; t < length; t++)
        {
            double v = w[t] + mean;
            for (int i = 1; i <= k; i++) v -= delta[i] * y[k + t - i];
            y[k + t] = v;
        }
        return y[k..];
    }

    /// <summary>Forecasts <paramref name="horizon"/> steps after <paramref name="history"/> with central <paramref name="level"/> intervals.</summary>
    public ArimaForecast Forecast(IReadOnlyList<double> history, int horizon, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (!(level > 0 && level < 1)) throw new SynthOptionException("level", $"must be in (0, 1) (got {level}).");
        var delta = DifferencingPolynomial;
        int k = delta.Length - 1;
        var phi = ArPolynomial;
        var theta = MaPolynomial;
        if (history.Count <= k + phi.Length)
            throw new SynthException($"Forecasting with {Order} needs more than {k + phi.Length} past values (got {history.Count}).");

        // Residuals of the ARMA part on the differenced history, aligned to the history's index.
        var w = LagPolynomial.Apply(delta, history);
        var residuals = ArimaEstimation.Residuals(w, k == 0 ? Mean : 0, phi, theta, phi.Length - 1);
        // The full AR operator on the levels: φ(B)Φ(B^s)δ(B).
        var alpha = LagPolynomial.Multiply(phi, delta);
        int n = history.Count;
        double mu = k == 0 ? Mean : 0;
        var z = new double[n + horizon];
        var e = new double[n + horizon];
        for (int t = 0; t < n; t++) z[t] = history[t] - mu;
        for (int t = k; t < n; t++) e[t] = residuals[t - k];

        var mean = new double[horizon];
        for (int h = 0; h < horizon; h++)
        {
            int t = n + h;
            double v = 0;
            for (int i = 1; i < alpha.Length; i++) v -= alpha[i] * z[t - i];
            for (int j = 1; j < theta.Length; j++) v += theta[j] * e[t - j];
            z[t] = v;
            mean[h] = v + mu;
        }

        // ψ weights of the levels: y_t = Σ ψ_j ε_{t−j}; the h-step error variance is σ² Σ_{j<h} ψ_j².
        var psi = new double[horizon];
        psi[0] = 1;
        for (int j = 1; j < horizon; j++)
        {
            double v = j < theta.Length ? theta[j] : 0;
            for (int i = 1; i < alpha.Length && i <= j; i++) v -= alpha[i] * psi[j - i];
            psi[j] = v;
        }
        double zq = Normal.InvCDF(0, 1, 0.5 + level / 2);
        var se = new double[horizon];
        var lower = new double[horizon];
        var upper = new double[horizon];
        double sum = 0;
        for (int h = 0; h < horizon; h++)
        {
            sum += psi[h] * psi[h];
            se[h] = Math.Sqrt(Sigma2 * sum);
            lower[h] = mean[h] - zq * se[h];
            upper[h] = mean[h] + zq * se[h];
        }
        return new ArimaForecast(mean, se, lower, upper, level);
    }

    public override string ToString() =>
        $"{Order}: ar=[{string.Join(", ", Ar.Select(x => x.ToString("0.###")))}] ma=[{string.Join(", ", Ma.Select(x => x.ToString("0.###")))}] "
        + $"sar=[{string.Join(", ", SeasonalAr.Select(x => x.ToString("0.###")))}] sma=[{string.Join(", ", SeasonalMa.Select(x => x.ToString("0.###")))}] "
        + $"mean={Mean:0.###} sigma2={Sigma2:0.####} aic={Aic:0.#} ({Method.ToText()})";
}
