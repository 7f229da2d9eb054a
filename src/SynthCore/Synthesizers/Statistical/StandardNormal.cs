using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>Φ and Φ⁻¹ of the standard normal, one value or a whole span (MathNet's erfc/erfc⁻¹).</summary>
internal static class StandardNormal
{
    private const double InvSqrt2 = 0.70710678118654752440;

    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z * InvSqrt2);

    /// <summary>Φ(−z) = 1 − Φ(z) without cancellation in the upper tail.</summary>
    public static double UpperTail(double z) => 0.5 * SpecialFunctions.Erfc(z * InvSqrt2);

    public static double InvCdf(double p) => Normal.InvCDF(0, 1, p);

    public static void Cdf(Span<double> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = Cdf(values[i]);
    }
}
