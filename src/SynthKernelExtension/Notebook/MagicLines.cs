using System.Runtime.CompilerServices;

namespace SynthKernelExtension.Notebook;

/// <summary>
/// Recovers each <c>#!synth</c> line as typed. The kernel hands a directive handler its parsed
/// directive, whose text can lose a trailing subcommand (<c>#!synth models</c> arrives as
/// <c>#!synth</c>), and the submitted cell; the handlers of one cell run in order, so the n-th call
/// for a cell gets the cell's n-th <c>#!synth</c> line.
/// </summary>
public sealed class MagicLines
{
    private readonly ConditionalWeakTable<object, Counter> calls = new();

    /// <summary>The full line for the next <c>#!synth</c> directive of <paramref name="submission"/>.</summary>
    /// <param name="submission">The submitted cell's command (identity only).</param>
    /// <param name="cellText">The submitted cell's code, if known.</param>
    /// <param name="directiveText">The directive as the kernel parsed it (used when the cell text does not match).</param>
    public string Next(object submission, string? cellText, string directiveText)
    {
        int start = directiveText.IndexOf(SynthDirectiveSyntax.Name, StringComparison.Ordinal);
        string parsed = start < 0 ? directiveText.Trim() : directiveText[start..].Trim();
        if (cellText is null) return parsed;
        var lines = Find(cellText);
        var counter = calls.GetOrCreateValue(submission);
        int index = counter.Value++;
        return index < lines.Count && lines[index].StartsWith(parsed, StringComparison.Ordinal) ? lines[index] : parsed;
    }

    /// <summary>The <c>#!synth</c> lines of a cell, in order (a directive is one line).</summary>
    public static IReadOnlyList<string> Find(string cellText) =>
        cellText.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line == SynthDirectiveSyntax.Name || line.StartsWith(SynthDirectiveSyntax.Name + " ", StringComparison.Ordinal))
            .ToArray();

    private sealed class Counter
    {
        public int Value;
    }
}
