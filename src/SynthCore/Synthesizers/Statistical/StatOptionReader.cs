using System.Globalization;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Reads a statistical model's <c>--option name=value</c> pairs: unknown names are refused with the
/// allowed list, values are parsed with messages naming the option. The common settings these
/// models have no use for (epochs, batch size, learning rate) are ignored, so every front end can
/// pass them to any model; a device other than the CPU is refused.
/// </summary>
internal sealed class StatOptionReader
{
    private readonly string model;
    private readonly IReadOnlyDictionary<string, string> extra;

    public StatOptionReader(string model, SynthesizerSettings settings, params string[] allowed)
    {
        this.model = model;
        extra = settings.Extra;
        foreach (var name in settings.Extra.Keys)
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new SynthOptionException(name, $"is not an option of the '{model}' model. Allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
        if (!string.Equals(settings.Device, "cpu", StringComparison.OrdinalIgnoreCase))
            throw new SynthOptionException("device", $"the '{model}' model runs on the CPU only (got '{settings.Device}').");
    }

    public string? Text(string name) =>
        extra.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public int Int(string name, int fallback, int min)
    {
        string? text = Text(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            throw new SynthOptionException(name, $"expects a whole number, got '{text}'.");
        if (value < min) throw new SynthOptionException(name, $"must be at least {min} for the '{model}' model (got {value}).");
        return value;
    }

    public double Real(string name, double fallback)
    {
        string? text = Text(name);
        if (text is null) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new SynthOptionException(name, $"expects a number, got '{text}'.");
    }
}
