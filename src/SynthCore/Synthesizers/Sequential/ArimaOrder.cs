namespace SynthCore.Synthesizers.Sequential;

/// <summary>A (p, d, q)(P, D, Q, s) order; s = 0 (or P = D = Q = 0) for no seasonal part.</summary>
public sealed record ArimaOrder(int P, int D, int Q, int SeasonalP = 0, int SeasonalD = 0, int SeasonalQ = 0, int Period = 0)
{
    public bool IsSeasonal => Period > 1 && (SeasonalP > 0 || SeasonalD > 0 || SeasonalQ > 0);

    /// <summary>Values lost to differencing: d + D·s.</summary>
    public int DifferencingLags => D + (Period > 1 ? SeasonalD * Period : 0);

    public void Validate()
    {
        if (P < 0 || D < 0 || Q < 0 || SeasonalP < 0 || SeasonalD < 0 || SeasonalQ < 0)
            throw new SynthOptionException("order", $"orders must be 0 or more (got {this}).");
        if (D > 2 || SeasonalD > 1) throw new SynthOptionException("order", $"d must be at most 2 and D at most 1 (got {this}).");
        if (Period < 0 || Period == 1) throw new SynthOptionException("period", $"the seasonal period must be 0 (none) or at least 2 (got {Period}).");
        if (Period == 0 && (SeasonalP > 0 || SeasonalD > 0 || SeasonalQ > 0))
            throw new SynthOptionException("period", "a seasonal order needs a seasonal period.");
    }

    public override string ToString() =>
        IsSeasonal ? $"ARIMA({P},{D},{Q})({SeasonalP},{SeasonalD},{SeasonalQ})[{Period}]" : $"ARIMA({P},{D},{Q})";
}
