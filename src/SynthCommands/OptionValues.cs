using System.CommandLine.Parsing;

namespace SynthCommands;

/// <summary>
/// Parsers of option values, so that a bad value gets a message naming the option; the executor reports
/// these (errors on an option's value) as option errors, exit code 1, not usage errors.
/// </summary>
internal static class OptionValues
{
    internal static long? ParseLong(ArgumentResult result, string option) => ParseWhole(result, option, long.MinValue, long.MaxValue);

    internal static int? ParseWhole(ArgumentResult result, string option) => (int?)ParseWhole(result, option, int.MinValue, int.MaxValue);

    private static long? ParseWhole(ArgumentResult result, string option, long min, long max)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max) return value;
        result.AddError($"Option '{option}': {NotWhole(text, min, max)}");
        return null;
    }

    /// <summary>Why <paramref name="text"/> is not an <see cref="int"/>: out of range (saying the bound), or not a whole number at all.</summary>
    internal static string NotWhole(string text) => NotWhole(text, int.MinValue, int.MaxValue);

    /// <summary>Why <paramref name="text"/> is not a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    private static string NotWhole(string text, long min, long max)
    {
        if (!System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            return $"'{text}' is not a whole number.";
        return big > max
            ? $"'{text}' is too large: at most {max.ToString(CultureInfo.InvariantCulture)}."
            : $"'{text}' is too small: at least {min.ToString(CultureInfo.InvariantCulture)}.";
    }

    internal static double? ParseNumber(ArgumentResult result, string option)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        bool parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value);
        if (parsed && double.IsFinite(value)) return value;
        // .NET reads 1e400 as infinity: that is a number too large, not "not a number".
        result.AddError(parsed && double.IsInfinity(value) && !text.Contains("inf", StringComparison.OrdinalIgnoreCase) && !text.Contains('∞')
            ? $"Option '{option}': '{text}' is too large: at most {double.MaxValue.ToString("R", CultureInfo.InvariantCulture)} in magnitude."
            : $"Option '{option}': '{text}' is not a number.");
        return null;
    }
}
