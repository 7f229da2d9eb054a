namespace SynthCore.Data;

/// <summary>How <see cref="CsvTable.Read"/> reads a CSV file. Column kinds are not set here: they are metadata (see <see cref="TableMetadata.Detect"/>).</summary>
public sealed record CsvReadOptions
{
    /// <summary>Values that always mean "missing" (compared case-insensitively after trimming spaces).</summary>
    public static IReadOnlyList<string> DefaultMissingTokens { get; } = ["", "NA", "N/A", "NaN", "null", "None"];

    /// <summary>More values that mean "missing", in addition to <see cref="DefaultMissingTokens"/> (e.g. "-", "?", "unknown").</summary>
    public IReadOnlyList<string> ExtraMissingTokens { get; init; } = [];

    /// <summary>The field separator.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// When the header line has no <see cref="Delimiter"/> but has semicolons, tabs or pipes (and only
    /// one of them), read with that character instead: spreadsheets in many locales save ';'-separated
    /// "CSV", which would otherwise become one column with a strange name.
    /// </summary>
    public bool DetectDelimiter { get; init; } = true;

    /// <summary>
    /// A column whose non-missing values are at least this share numbers (or dates), but not all, is
    /// reported as an error naming the first bad value instead of silently becoming text.
    /// </summary>
    public double MostlyTypedThreshold { get; init; } = 0.9;
}
