namespace SynthCore.Training;

/// <summary>
/// The DP-SGD noise multiplier σ at which a training spends a chosen ε. Every order's RDP falls as σ grows, so the
/// accountant's ε(σ) falls too, and a bisection over it finds σ. As Opacus' get_noise_multiplier, the σ returned errs on
/// the private side: its ε is at most the target, and less by no more than the tolerance.
/// </summary>
public static class NoiseCalibration
{
    /// <summary>The least σ tried: below it DP-SGD adds next to no noise and the accountant's ε is astronomical.</summary>
    public const double MinNoiseMultiplier = 0.01;

    /// <summary>The most σ tried: above it a training learns nothing, and what ε is left is spent by other releases (e.g. category counts).</summary>
    public const double MaxNoiseMultiplier = 10_000;

    /// <param name="targetEpsilon">The ε the training is to spend.</param>
    /// <param name="epsilonAt">The ε a training spends at σ (e.g. <see cref="Synthesizers.IDpSgdSynthesizer.EpsilonCurve"/>).</param>
    /// <param name="relativeTolerance">How far below the target the ε may fall, as a share of it.</param>
    /// <param name="option">The option to name when the target cannot be reached.</param>
    /// <exception cref="SynthOptionException">The target is out of reach for σ in [<see cref="MinNoiseMultiplier"/>, <see cref="MaxNoiseMultiplier"/>].</exception>
    public static double NoiseMultiplierFor(double targetEpsilon, Func<double, double> epsilonAt, double relativeTolerance = 1e-3, string option = "epsilons")
    {
        ArgumentNullException.ThrowIfNull(epsilonAt);
        if (!(targetEpsilon > 0) || !double.IsFinite(targetEpsilon))
            throw new SynthOptionException(option, $"every ε must be a positive number (got {targetEpsilon.ToString(CultureInfo.InvariantCulture)}).");
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) throw new ArgumentOutOfRangeException(nameof(relativeTolerance));

        // ε is large on the low side, at most the target on the high side.
        double low = 1, high = 1;
        if (Epsilon(epsilonAt, 1) > targetEpsilon)
        {
            while (Epsilon(epsilonAt, high) > targetEpsilon)
            {
                low = high;
                high *= 2;
                if (high > MaxNoiseMultiplier)
                    throw new SynthOptionException(option, string.Create(CultureInfo.InvariantCulture,
                        $"ε = {targetEpsilon:G4} cannot be reached: even at noise multiplier {MaxNoiseMultiplier:G} the training spends ε = {Epsilon(epsilonAt, MaxNoiseMultiplier):G4} (what the other releases, such as the category counts, cost). Ask for a larger ε."));
            }
        }
        else
        {
            while (Epsilon(epsilonAt, low) <= targetEpsilon)
            {
                high = low;
                low /= 2;
                if (low < MinNoiseMultiplier)
                    throw new SynthOptionException(option, string.Create(CultureInfo.InvariantCulture,
                        $"ε = {targetEpsilon:G4} is more than a training with noise multiplier {MinNoiseMultiplier:G} spends ({Epsilon(epsilonAt, MinNoiseMultiplier):G4}): so little noise protects nothing. Ask for a smaller ε."));
            }
        }

        // Bisect σ on a log scale until ε(high) is within the tolerance below the target.
        for (int i = 0; i < 200 && Epsilon(epsilonAt, high) < targetEpsilon * (1 - relativeTolerance); i++)
        {
            double middle = Math.Sqrt(low * high);
            if (middle <= low || middle >= high) break;
            if (Epsilon(epsilonAt, middle) > targetEpsilon) low = middle;
            else high = middle;
        }
        return high;
    }

    /// <summary>ε at σ; a σ so small that the accountant's series breaks down counts as infinite ε.</summary>
    private static double Epsilon(Func<double, double> epsilonAt, double sigma)
    {
        try
        {
            double epsilon = epsilonAt(sigma);
            return double.IsNaN(epsilon) ? double.PositiveInfinity : epsilon;
        }
        catch (ArithmeticException)
        {
            return double.PositiveInfinity;
        }
    }
}
