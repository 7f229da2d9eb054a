namespace SynthCore;

/// <summary>
/// A problem with the user's data or request, with a message meant for the user. Commands print
/// the message alone (no stack trace) and exit non-zero.
/// </summary>
public class SynthException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A problem with one column of the user's data; the message names it.</summary>
public sealed class SynthColumnException(string column, string message, Exception? inner = null)
    : SynthException($"Column '{column}': {message}", inner)
{
    public string Column { get; } = column;
}

/// <summary>A bad option or argument; the message names it.</summary>
public sealed class SynthOptionException(string option, string message)
    : SynthException($"Option '{option}': {message}")
{
    public string Option { get; } = option;
}

/// <summary>A data file that cannot be read (missing, malformed, empty); the message names the file and, where known, the line.</summary>
public sealed class SynthFileException(string path, string message, Exception? inner = null)
    : SynthException($"{path}: {message}", inner)
{
    public string Path { get; } = path;
}
