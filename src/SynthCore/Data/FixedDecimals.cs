namespace SynthCore.Data;

/// <summary>
/// The decimals a numeric column was written with when every value has the same number of them ("1.50", "2.00",
/// "3.25" → 2; "3", "12" → 0): what the CSV writer writes back, so a price column read as "2.00" is not written "2",
/// nor a sampled 1.4999999 as "1.4999999". Columns with mixed decimals or exponents record nothing and are written
/// as before (shortest round-trip).
/// </summary>
internal static class FixedDecimals
{
    /// <summary>
    /// The most decimals recorded: <see cref="Math.Round(double, int, MidpointRounding)"/> takes no more, and a double
    /// holds no more significant digits anyway.
    /// </summary>
    public const int Max = 15;

    /// <summary>
    /// The decimals shared by every cell the reader accepted as a number (<see cref="CsvValueParser.TryParseNumber"/>),
    /// or null when they differ, a cell has an exponent ("1e3"), or they exceed <see cref="Max"/>.
    /// </summary>
    internal static int? Of(IEnumerable<string> cells)
    {
        var shared = new Tracker();
        foreach (var cell in cells) shared.Add(cell);
        return shared.Decimals;
    }

    /// <summary>The shared decimals of a column whose cells pass one at a time (the streaming CSV read's first pass).</summary>
    internal sealed class Tracker
    {
        private int? shared;
        private bool differ;

        public void Add(string cell)
        {
            if (differ) return;
            var text = cell.AsSpan().Trim();
            int point = text.IndexOf('.');
            int decimals = point < 0 ? 0 : text.Length - point - 1;
            if (text.IndexOfAny('e', 'E') >= 0 || shared is { } d && d != decimals) differ = true;
            else shared = decimals;
        }

        /// <summary>The decimals every cell so far shares, or null (none yet, they differ, an exponent, more than <see cref="Max"/>).</summary>
        public int? Decimals => !differ && shared is <= Max ? shared : null;
    }

    /// <summary>
    /// <paramref name="value"/> rounded to <paramref name="decimals"/>, invariant, no thousands separators; a value
    /// that rounds to zero is written without a minus sign ("-0.00" would read back as text to a person, and as 0 anyway).
    /// </summary>
    public static string Format(double value, int decimals)
    {
        // Adding 0.0 turns a rounded -0 into +0.
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero) + 0.0;
        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
