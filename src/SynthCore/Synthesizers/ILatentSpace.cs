namespace SynthCore.Synthesizers;

/// <summary>
/// A fitted model with an encoder (the VAEs): rows to latent codes and back. What <c>encode</c>, <c>interpolate</c>,
/// <c>plot --kind latent</c> and the fit's latent summary ask of a model, instead of asking for a model class.
/// </summary>
public interface ILatentSpace : IFittedSynthesizer
{
    /// <summary>Dimensions of a code.</summary>
    int LatentDim { get; }

    /// <summary>The latent means of <paramref name="table"/>'s rows (rows × <see cref="LatentDim"/>).</summary>
    float[,] Encode(DataFrame table);

    /// <summary>Rows decoded from <paramref name="codes"/> (rows × <see cref="LatentDim"/>), without sampling noise.</summary>
    DataFrame Decode(float[,] codes);

    /// <summary>Rows decoded along the line between two rows' codes, <paramref name="steps"/> of them, ends included.</summary>
    DataFrame Interpolate(DataFrame table, int from, int to, int steps = 10);

    /// <summary>Per-dimension latent means and standard deviations over <paramref name="table"/>'s rows.</summary>
    LatentStatistics LatentStatistics(DataFrame table);
}

/// <summary>A fitted model that can say in a few lines what the fit chose (an ARIMA's order and AIC per feature).</summary>
public interface IFitSummary
{
    IReadOnlyList<string> FitSummary { get; }
}
