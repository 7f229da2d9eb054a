using System.Globalization;
using SynthCore.Data;

namespace SynthCore.Synthesizers.Statistical.DpCopula;

/// <summary>How the registry makes and loads the DP copula: common settings and extra options onto <see cref="DpCopulaOptions"/>.</summary>
internal static class DpCopulaRegistration
{
    private static readonly Dictionary<string, Func<DpCopulaOptions, string, DpCopulaOptions>> ExtraOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["epsilon"] = (o, v) => o with { Epsilon = Real("epsilon", v) },
        ["marginal-share"] = (o, v) => o with { MarginalShare = Real("marginal-share", v) },
        ["bins"] = (o, v) => o with { Bins = int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int b) ? b : throw new SynthOptionException("bins", $"expects a whole number, got '{v}'.") },
        ["bounds"] = (o, v) => o with { Bounds = ParseBounds(v) },
        ["bounds-from-data"] = (o, v) => o with { BoundsFromData = bool.TryParse(v, out bool b) ? b : throw new SynthOptionException("bounds-from-data", $"expects true or false, got '{v}'.") },
    };

    public static SynthesizerDescriptor Descriptor { get; } = new(
        DpCopulaSynthesizer.Name,
        "Differentially private Gaussian copula (noisy histograms + noisy Kendall's tau, Laplace mechanism); needs --option epsilon=… and bounds=Col:low:high;…",
        settings => new DpCopulaSynthesizer(OptionsFrom(settings)),
        FittedDpCopula.Load)
    { PairwiseMemory = true, TakesEpsilon = true };

    /// <exception cref="SynthOptionException">A setting that does not apply, an unknown extra option or a bad value.</exception>
    public static DpCopulaOptions OptionsFrom(SynthesizerSettings settings)
    {
        if (settings.Epochs is not null) throw new SynthOptionException("--epochs", $"does not apply to the '{DpCopulaSynthesizer.Name}' model (it is not trained iteratively).");
        if (settings.BatchSize is not null) throw new SynthOptionException("--batch-size", $"does not apply to the '{DpCopulaSynthesizer.Name}' model.");
        if (settings.LearningRate is not null) throw new SynthOptionException("--learning-rate", $"does not apply to the '{DpCopulaSynthesizer.Name}' model.");
        var options = new DpCopulaOptions { Seed = settings.Seed };
        foreach (var (name, value) in settings.Extra)
        {
            if (!ExtraOptions.TryGetValue(name, out var apply))
                throw new SynthOptionException(name,
                    $"is not an option of the '{DpCopulaSynthesizer.Name}' model. Allowed: {string.Join(", ", ExtraOptions.Keys.Order(StringComparer.Ordinal))}.");
            options = apply(options, value);
        }
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

    private static double Real(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result)
            ? result
            : throw new SynthOptionException(name, $"expects a number, got '{value}'.");
}
