namespace SynthCore.Data;

/// <summary>
/// Parses single CSV cells as numbers, booleans and dates, invariantly. Dates are recognised by
/// format family: a column is a date column when one family parses every value, so day/month
/// order is decided once per column, not per cell.
/// </summary>
internal static partial class CsvValueParser
{
    private static readonly string[] IsoTimes = ["", "THH:mm", "THH:mm:ss", "THH:mm:ss.FFFFFFF", " HH:mm", " HH:mm:ss", " HH:mm:ss.FFFFFFF"];
    private static readonly string[] ClockTimes = ["", " H:mm", " H:mm:ss", " h:mm tt", " h:mm:ss tt"];

    /// <summary>Date format families, tried in order (ISO first; month-first before day-first for slashed dates).</summary>
    internal static readonly (string Name, string[] Formats)[] DateFamilies =
    [
        ("iso", Combine(["yyyy-MM-dd"], IsoTimes, ["", "K"])),
        ("iso-slash", Combine(["yyyy/MM/dd", "yyyy/M/d"], IsoTimes.Where(t => !t.StartsWith('T')).ToArray(), [""])),
        ("month-day-year", Combine(["M/d/yyyy"], ClockTimes, [""])),
        ("day-month-year", Combine(["d/M/yyyy", "d.M.yyyy", "d-M-yyyy"], ClockTimes, [""])),
        ("named-month", Combine(["d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy", "d-MMM-yyyy"], ClockTimes, [""])),
    ];

    private static string[] Combine(string[] dates, string[] times, string[] zones) =>
        (from d in dates from t in times from z in zones select d + t + z).ToArray();

    /// <summary>A finite invariant number ("1", "-2.5", "1e3"); no thousands separators, no NaN/Infinity.</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>true/false/yes/no, any case.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        // Compared in place, not lower-cased into a new string: this runs on every cell of every column while it looks boolean.
        var word = text.AsSpan().Trim();
        value = word.Equals("true", StringComparison.OrdinalIgnoreCase) || word.Equals("yes", StringComparison.OrdinalIgnoreCase);
        return value || word.Equals("false", StringComparison.OrdinalIgnoreCase) || word.Equals("no", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A date in one family's formats; values with an offset or "Z" become UTC.</summary>
    public static bool TryParseDate(string text, string[] formats, out DateTime value)
    {
        // Every format has a year: text without digits is rejected before trying dozens of formats.
        if (!text.AsSpan().ContainsAnyInRange('0', '9')) { value = default; return false; }
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>A date in any family (for single values, e.g. checking an override).</summary>
    public static bool TryParseDate(string text, out DateTime value)
    {
        foreach (var (_, formats) in DateFamilies)
            if (TryParseDate(text, formats, out value)) return true;
        value = default;
        return false;
    }

    /// <summary>A date in any known format as its ticks (0 when <paramref name="text"/> is not one): how a date is a number.</summary>
    public static bool TryParseDateTicks(string text, out double ticks)
    {
        bool ok = TryParseDate(text, out var parsed);
        ticks = ok ? parsed.Ticks : 0;
        return ok;
    }

    /// <summary>The first of <paramref name="formats"/> that reads <paramref name="value"/>, or null.</summary>
    public static string? FirstFormat(string value, string[] formats)
    {
        foreach (var format in formats)
            if (DateTime.TryParseExact(value.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _))
                return format;
        return null;
    }

    /// <summary>Whether <paramref name="value"/> reads as <paramref name="format"/> and is written back by it unchanged.</summary>
    public static bool Reproduces(string value, string format) =>
        DateTime.TryParseExact(value.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var d)
        && d.ToString(format, CultureInfo.InvariantCulture) == value.Trim();

    /// <summary><paramref name="format"/> with day, month and hour as two digits (d → dd, M → MM, H → HH, h → hh; MMM stays).</summary>
    internal static string Padded(string format) => PaddedParts().Replace(format, m => m.Value + m.Value);

    [System.Text.RegularExpressions.GeneratedRegex("(?<![dMHh])[dMHh](?![dMHh])")]
    private static partial System.Text.RegularExpressions.Regex PaddedParts();
}
