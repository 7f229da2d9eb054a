namespace SynthCore.Synthesizers.Statistical.DpCopula;

/// <summary>How the registry makes and loads the DP copula: common settings and extra options onto <see cref="DpCopulaOptions"/>.</summary>
internal static class DpCopulaRegistration
{
    private static readonly ModelOptionSet<DpCopulaOptions> Extras = new(
        ModelOption.Real<DpCopulaOptions>("epsilon", o => o.Epsilon, (o, v) => o with { Epsilon = v }, "the whole privacy budget ε"),
        ModelOption.Real<DpCopulaOptions>("marginal-share", o => o.MarginalShare, (o, v) => o with { MarginalShare = v }, "share of ε spent on the histograms (the rest on the correlations)"),
        ModelOption.Int<DpCopulaOptions>("bins", o => o.Bins, (o, v) => o with { Bins = v }, "histogram bins per numeric column"),
        ModelOption.Custom<DpCopulaOptions>("bounds", "Col:low:high;…", o => o.Bounds.Count == 0 ? null : string.Join(';', o.Bounds.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key}:{b.Value.Lower}:{b.Value.Upper}"))),
            (o, v) => o with { Bounds = ParseBounds(v) }, "public bounds of each numeric column (not read from the data)"),
        ModelOption.Bool<DpCopulaOptions>("bounds-from-data", o => o.BoundsFromData, (o, v) => o with { BoundsFromData = v }, "take bounds from the data (not private: for trials only)"));

    public static SynthesizerDescriptor Descriptor { get; } = new(
        DpCopulaSynthesizer.Name,
        "Differentially private Gaussian copula (noisy histograms + noisy Kendall's tau, Laplace mechanism); needs --option epsilon=… and bounds=Col:low:high;…",
        settings => new DpCopulaSynthesizer(OptionsFrom(settings)),
        FittedDpCopula.Load)
    { PairwiseMemory = true, TakesEpsilon = true, Options = Extras.Describe(new DpCopulaOptions()) };

    /// <exception cref="SynthOptionException">A setting that does not apply, an unknown extra option or a bad value.</exception>
    public static DpCopulaOptions OptionsFrom(SynthesizerSettings settings)
    {
        settings.RejectTraining(DpCopulaSynthesizer.Name, "it is not trained iteratively");
        var options = new DpCopulaOptions { Seed = settings.Seed };
        options = Extras.Apply(options, settings.Extra, DpCopulaSynthesizer.Name);
        options.Validate();
        return options;
    }

    /// <summary>
    /// "Usage:0:200;Notifications:0:100": the last two ':' fields are the bounds, the rest the column name
    /// (so names may contain ':'). Bounds are numbers or dates (yyyy-MM-dd, as ticks).
    /// </summary>
    public static IReadOnlyDictionary<string, NumericBounds> ParseBounds(string text)
    {
        var bounds = new Dictionary<string, NumericBounds>(StringComparer.Ordinal);
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int second = part.LastIndexOf(':');
            int first = second > 0 ? part.LastIndexOf(':', second - 1) : -1;
            if (first <= 0)
                throw new SynthOptionException("bounds", $"expects Column:low:high entries separated by ';', got '{part}'.");
            string column = part[..first].Trim();
            var value = new NumericBounds(Bound(part[(first + 1)..second], part), Bound(part[(second + 1)..], part));
            if (!bounds.TryAdd(column, value)) throw new SynthOptionException("bounds", $"column '{column}' is given twice.");
        }
        return bounds;
    }

    private static double Bound(string text, string part)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)) return x;
        if (CsvValueParser.TryParseDate(text, out var date)) return date.Ticks;
        throw new SynthOptionException("bounds", $"'{text}' in '{part}' is neither a number nor a date.");
    }
}
