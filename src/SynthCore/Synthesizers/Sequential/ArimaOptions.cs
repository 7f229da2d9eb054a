using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>Options of the ARIMA sequence synthesizer (<see cref="ArimaSynthesizer"/>).</summary>
public sealed record ArimaOptions : ISequenceModelOptions
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
    /// Whether simulated values are clipped to each feature's observed range: <c>true</c> always,
    /// <c>false</c> never, unset (the default) only for features whose model is stationary (no
    /// differencing). A Gaussian ARIMA knows no bounds (it would make negative rainfall); for a stationary
    /// model the observed range holds nearly all of its mass, so clipping keeps values possible at the cost
    /// of a little mass piled on the bounds. An integrated model (d or D above 0) wanders: the observed
    /// range is where one path happened to go, not a bound; in issue 21's run clipping piled 58% of a seasonal
    /// random walk's samples on the two extremes and flattened them into runs (lag-1 to 3 autocorrelation
    /// 1.00 / 0.99 / 0.99 against 0.91 / 0.72 / 0.57 real). Reflecting would not help either: a walk that
    /// leaves the range keeps bouncing off its edges. Bounds such a series really has are the user's to
    /// declare with <c>clip=true</c>.
    /// </summary>
    public bool? Clip { get; init; }

    /// <summary>Whether samples of a feature fitted by <paramref name="model"/> are clipped (see <see cref="Clip"/>).</summary>
    internal bool Clips(ArimaModel model) => Clip ?? model.Order.DifferencingLags == 0;

    /// <summary>Seed of the sampling (and of the anchors picked for differenced models).</summary>
    public int Seed { get; init; } = 42;

    public void Validate()
    {
        Data.Validate();
        Search.Validate();
        Order?.Validate();
    }
}
