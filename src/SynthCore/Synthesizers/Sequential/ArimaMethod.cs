namespace SynthCore.Synthesizers.Sequential;

/// <summary>How (S)ARIMA coefficients are estimated, and so which likelihood the AIC is computed from.</summary>
public enum ArimaMethod
{
    /// <summary>Conditional sum of squares: fast; the first values are conditioned on and pre-sample errors set to 0.</summary>
    Css,

    /// <summary>Exact Gaussian maximum likelihood (Kalman filter), started from zero coefficients.</summary>
    Ml,

    /// <summary>
    /// Exact maximum likelihood started from the CSS estimates (R's default for <c>arima</c>). The
    /// default here: it has ML's accuracy on short series and near-non-invertible MA parts, and
    /// AICs from the exact likelihood use every observation, while the CSS start makes the
    /// likelihood search short and keeps it away from poor local optima.
    /// </summary>
    CssMl,
}

/// <summary>The option spelling of <see cref="ArimaMethod"/>: css, ml, css-ml.</summary>
public static class ArimaMethodNames
{
    public static string ToText(this ArimaMethod method) => method switch
    {
        ArimaMethod.Css => "css",
        ArimaMethod.Ml => "ml",
        _ => "css-ml",
    };

    /// <exception cref="SynthOptionException">Not one of css, ml, css-ml.</exception>
    public static ArimaMethod Parse(string option, string value) => value.Trim().ToLowerInvariant() switch
    {
        "css" => ArimaMethod.Css,
        "ml" => ArimaMethod.Ml,
        "css-ml" or "cssml" => ArimaMethod.CssMl,
        _ => throw new SynthOptionException(option, $"expects css, ml or css-ml, got '{value}'."),
    };
}
