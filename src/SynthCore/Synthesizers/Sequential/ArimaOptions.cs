using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>Options of the ARIMA sequence synthesizer (<see cref="ArimaSynthesizer"/>).</summary>
public sealed record ArimaOptions
{
    /// <summary>How the table becomes series and how long the generated sequences are.</summary>
    public SequenceDataOptions Data { get; init; } = new();

    /// <summary>The order grid searched by AIC (ignored when <see cref="Order"/> is set).</summary>
    public ArimaSearch Search { get; init; } = new();

    /// <summary>A fixed order for every feature instead of the search (the <c>ar1</c> baseline is (1, 0, 0)).</summary>
    public ArimaOrder? Order { get; init; }

    /// <summary>How the coefficients are estimated (default CSS then exact ML, see <see cref="ArimaMethod.CssMl"/>).</summary>
    public ArimaMethod Method { get; init; } = ArimaMethod.CssMl;

    /// <summary>
    /// Whether simulated values are clipped to each feature's observed range. A Gaussian ARIMA
    /// knows no bounds (it would make negative rainfall); clipping keeps values possible at the
    /// cost of a little mass piled on the bounds.
    /// </summary>
    public bool Clip { get; init; } = true;

    /// <summary>Seed of the sampling (and of the anchors picked for differenced models).</summary>
    public int Seed { get; init; } = 42;

    public void Validate()
    {
        Data.Validate();
        Search.Validate();
        Order?.Validate();
    }
}
