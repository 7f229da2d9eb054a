using System.Collections;

namespace SynthCore.Synthesizers;

/// <summary>One <c>--option name=value</c> of a model, as <c>synth models</c> and the notebook list it.</summary>
/// <param name="Name">The key after <c>--option</c>.</param>
/// <param name="Type">What a value looks like: <c>whole number ≥ 1</c>, <c>number 0 to 1</c>, <c>a|b</c>, <c>true|false</c>, …</param>
/// <param name="Default">The value when the option is not given, as it would be typed.</param>
/// <param name="Help">What it sets, in a few words.</param>
public sealed record ModelOptionInfo(string Name, string Type, string Default, string Help);

/// <summary>
/// One option a model declares once: its description, and how a typed value sets the model's options record
/// <typeparamref name="T"/>. Parsing and range errors name the option; the record's own <c>Validate</c> still
/// checks what spans options.
/// </summary>
public sealed record ModelOption<T>(ModelOptionInfo Info, Func<T, string, T> Apply, Func<T, object?> Read);

/// <summary>Declares options of each value type; the value is parsed here, with a message naming the option.</summary>
public static class ModelOption
{
    public static ModelOption<T> Int<T>(string name, Func<T, int?> get, Func<T, int, T> set, string help, int min = int.MinValue, int max = int.MaxValue) =>
        new(new(name, Range("whole number", min, max, int.MinValue, int.MaxValue), "", help), (o, v) => set(o, ParseInt(name, v, min, max)), o => get(o));

    public static ModelOption<T> Real<T>(string name, Func<T, double?> get, Func<T, double, T> set, string help, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        new(new(name, Range("number", min, max, double.NegativeInfinity, double.PositiveInfinity), "", help), (o, v) => set(o, ParseReal(name, v, min, max)), o => get(o));

    public static ModelOption<T> Bool<T>(string name, Func<T, bool> get, Func<T, bool, T> set, string help) =>
        new(new(name, "true|false", "", help), (o, v) => set(o, ParseBool(name, v)), o => get(o));

    /// <summary>One of <paramref name="choices"/>, case-insensitive; <paramref name="set"/> gets it in lower case.</summary>
    public static ModelOption<T> Choice<T>(string name, Func<T, string?> get, Func<T, string, T> set, string help, params string[] choices) =>
        new(new(name, string.Join('|', choices), "", help), (o, v) => set(o, ParseChoice(name, v, choices)), o => get(o));

    public static ModelOption<T> Text<T>(string name, Func<T, string?> get, Func<T, string, T> set, string help, string type = "text") =>
        new(new(name, type, "", help), set, o => get(o));

    /// <summary>A comma-separated list of names (<c>a,b,c</c>).</summary>
    public static ModelOption<T> Names<T>(string name, Func<T, IReadOnlyList<string>?> get, Func<T, string[], T> set, string help) =>
        new(new(name, "a,b,…", "", help), (o, v) => set(o, v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), o => get(o));

    /// <summary>A comma-separated list of whole numbers (<c>256,256</c>).</summary>
    public static ModelOption<T> Widths<T>(string name, Func<T, IReadOnlyList<int>?> get, Func<T, int[], T> set, string help) =>
        new(new(name, "n,n,…", "", help), (o, v) => set(o, v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(x => ParseInt(name, x, 1, int.MaxValue)).ToArray()), o => get(o));

    /// <summary>An option whose value has its own grammar, parsed by <paramref name="apply"/>.</summary>
    public static ModelOption<T> Custom<T>(string name, string type, Func<T, object?> get, Func<T, string, T> apply, string help) =>
        new(new(name, type, "", help), apply, get);

    public static int ParseInt(string name, string text, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            throw new SynthOptionException(name, $"expects a whole number, got '{text}'.");
        if (value < min || value > max)
            throw new SynthOptionException(name, $"must be a {Range("whole number", min, max, int.MinValue, int.MaxValue)}, got {value}.");
        return value;
    }

    public static double ParseReal(string name, string text, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new SynthOptionException(name, $"expects a number, got '{text}'.");
        if (value < min || value > max)
            throw new SynthOptionException(name, $"must be a {Range("number", min, max, double.NegativeInfinity, double.PositiveInfinity)}, got '{text}'.");
        return value;
    }

    public static bool ParseBool(string name, string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new SynthOptionException(name, $"expects true or false, got '{text}'."),
    };

    public static string ParseChoice(string name, string text, params string[] choices)
    {
        string lower = text.Trim().ToLowerInvariant();
        return choices.Contains(lower) ? lower : throw new SynthOptionException(name, $"must be one of {string.Join(", ", choices)}, got '{text}'.");
    }

    /// <summary>The value of an options record as it would be typed after <c>name=</c>: invariant numbers, lists joined with commas.</summary>
    internal static string Show(object? value) => value switch
    {
        null => "(none)",
        bool b => b ? "true" : "false",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(',', items.Cast<object?>().Select(Show)),
        _ => value.ToString() ?? "",
    };

    private static string Range<TNumber>(string what, TNumber min, TNumber max, TNumber lowest, TNumber highest) where TNumber : IComparable<TNumber>, IFormattable
    {
        bool low = min.CompareTo(lowest) != 0, high = max.CompareTo(highest) != 0;
        string Text(TNumber x) => x.ToString(null, CultureInfo.InvariantCulture);
        return (low, high) switch
        {
            (true, true) => $"{what} from {Text(min)} to {Text(max)}",
            (true, false) => $"{what} ≥ {Text(min)}",
            (false, true) => $"{what} ≤ {Text(max)}",
            _ => what,
        };
    }
}
