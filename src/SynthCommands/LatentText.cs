namespace SynthCommands;

/// <summary>Plain text of a VAE's latent statistics: a summary line and the first dimensions (the JSON has them all).</summary>
public static class LatentText
{
    /// <summary>Dimensions listed in the text; a 128-dimensional TVAE would otherwise print 128 lines.</summary>
    public const int MaxDimensionsShown = 16;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(LatentStatistics latent, string model)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Latent space of the {model} ({latent.Dimensions.Count} dimensions, encoder means over {latent.Rows:N0} rows): ")
            .Append(Invariant, $"{latent.ActiveDimensions} active (variance of the means > {LatentStatistics.ActiveAbove}), mean σ {latent.MeanSigma:0.000}, ")
            .Append(Invariant, $"mean aggregate std {latent.MeanAggregateStd:0.000} (the prior's is 1).\n");
        var table = new TextTable("dimension", "mean of μ", "mean σ", "var of μ", "aggregate std");
        foreach (var d in latent.Dimensions.Take(MaxDimensionsShown))
            table.Add($"z{d.Index}", d.MeanOfMeans.ToString("0.000", Invariant), d.MeanSigma.ToString("0.000", Invariant),
                d.VarianceOfMeans.ToString("0.000", Invariant), d.AggregateStd.ToString("0.000", Invariant));
        text.Append(table.ToString());
        if (latent.Dimensions.Count > MaxDimensionsShown)
            text.Append(Invariant, $"\n(first {MaxDimensionsShown} of {latent.Dimensions.Count} dimensions; --json has all)");
        return text.ToString();
    }
}
