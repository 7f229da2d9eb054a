namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// The Kalman filter of a stationary ARMA process on Harvey's state-space form (see
/// <see cref="ArimaLikelihood"/>): state α_{t+1} = T α_t + R ε_{t+1}, observation w_t − μ = α_t[0],
/// σ² = 1. It holds the predicted state a_t = E[α_t | w_0 … w_{t−1}] and its covariance P_t, started
/// from the stationary distribution. The likelihood sums its innovations; a simulation continues a real
/// series from its state (<see cref="ArimaModel"/>), so cycles carried by the state (a seasonal AR near
/// 1) keep their amplitude and phase instead of starting from nothing.
/// </summary>
internal sealed class ArmaKalmanFilter
{
    private readonly double[,] start;
    private readonly double[] m;
    private readonly double[,] x;

    private ArmaKalmanFilter(double[] t, double[] r, double[,] start)
    {
        T = t;
        R = r;
        this.start = start;
        State = new double[r.Length];
        Covariance = new double[r.Length, r.Length];
        m = new double[r.Length];
        x = new double[r.Length, r.Length];
        Reset();
    }

    /// <summary>The first column of T: φ_1 … φ_r (the rest of T is the shift).</summary>
    public double[] T { get; }

    /// <summary>R: 1, θ_1 … θ_{r−1}.</summary>
    public double[] R { get; }

    public int Dimension => R.Length;

    /// <summary>a_t, the predicted state.</summary>
    public double[] State { get; }

    /// <summary>P_t, its covariance (σ² = 1). It depends on t only, not on the observations.</summary>
    public double[,] Covariance { get; }

    /// <summary>Whether P has converged to R R' (then F = 1 and the filter is the innovations recursion).</summary>
    public bool Steady { get; private set; }

    /// <summary>The variance of the next innovation (σ² = 1).</summary>
    public double InnovationVariance => Steady ? 1 : Covariance[0, 0];

    /// <summary>T's first column and R for the operators φ(B) and θ(B) (coefficient arrays of B^k, index 0 being 1).</summary>
    public static (double[] T, double[] R) Form(double[] phi, double[] theta)
    {
        int r = Math.Max(phi.Length - 1, theta.Length);
        var T = new double[r];
        for (int i = 1; i < phi.Length; i++) T[i - 1] = -phi[i];
        var R = new double[r];
        R[0] = 1;
        for (int j = 1; j < theta.Length && j < r; j++) R[j] = theta[j];
        return (T, R);
    }

    /// <summary>A filter at the stationary start; null if that covariance is not finite (a non-stationary φ).</summary>
    public static ArmaKalmanFilter? Create(double[] phi, double[] theta)
    {
        var (T, R) = Form(phi, theta);
        var start = ArimaLikelihood.StationaryCovariance(T, R);
        return start is null ? null : new ArmaKalmanFilter(T, R, start);
    }

    /// <summary>Back to the stationary start: a = 0, P = the stationary covariance.</summary>
    public void Reset()
    {
        Array.Copy(start, Covariance, start.Length);
        Array.Clear(State);
        Steady = false;
    }

    /// <summary>
    /// Takes in the innovation <paramref name="v"/> = w_t − μ − a_t[0] and predicts the next state:
    /// a ← T(a + m v/F), P ← T(P − m m'/F)T' + R R' with m = P e₁, F = P[0, 0] (F must be positive).
    /// </summary>
    public void Update(double v)
    {
        int r = R.Length;
        var a = State;
        var P = Covariance;
        if (Steady)
        {
            for (int i = 0; i < r; i++) a[i] += R[i] * v;
            Shift(T, a);
            return;
        }
        double F = P[0, 0];
        for (int i = 0; i < r; i++) m[i] = P[i, 0];
        for (int i = 0; i < r; i++)
        {
            a[i] += m[i] * v / F;
            for (int j = 0; j < r; j++) P[i, j] -= m[i] * m[j] / F;
        }
        Shift(T, a);
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
                x[i, j] = T[i] * P[0, j] + (i + 1 < r ? P[i + 1, j] : 0);
        double change = 0;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
            {
                double value = x[i, 0] * T[j] + (j + 1 < r ? x[i, j + 1] : 0) + R[i] * R[j];
                P[i, j] = value;
                change = Math.Max(change, Math.Abs(value - R[i] * R[j]));
            }
        Steady = change < 1e-14;
    }

    /// <summary>a ← T a for T with first column <paramref name="T"/> and ones on the superdiagonal.</summary>
    public static void Shift(double[] T, double[] a)
    {
        double first = a[0];
        for (int i = 0; i < a.Length; i++) a[i] = T[i] * first + (i + 1 < a.Length ? a[i + 1] : 0);
    }

    /// <summary>
    /// A lower-triangular L with L L' = <paramref name="covariance"/> for a positive semi-definite matrix:
    /// Cholesky with a pivot at or below round-off (a direction the state is known in) giving a zero column.
    /// </summary>
    public static double[,] Factor(double[,] covariance)
    {
        int r = covariance.GetLength(0);
        double scale = 0;
        for (int i = 0; i < r; i++) scale = Math.Max(scale, Math.Abs(covariance[i, i]));
        var L = new double[r, r];
        for (int j = 0; j < r; j++)
        {
            double d = covariance[j, j];
            for (int k = 0; k < j; k++) d -= L[j, k] * L[j, k];
            if (!(d > 1e-12 * scale)) continue;
            double pivot = Math.Sqrt(d);
            L[j, j] = pivot;
            for (int i = j + 1; i < r; i++)
            {
                double s = covariance[i, j];
                for (int k = 0; k < j; k++) s -= L[i, k] * L[j, k];
                L[i, j] = s / pivot;
            }
        }
        return L;
    }
}
