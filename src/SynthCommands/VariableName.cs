using System.Text.RegularExpressions;

namespace SynthCommands;

/// <summary>
/// Names of notebook variables (<c>--into</c>): C# identifiers. Checked here rather than with Roslyn
/// so that the library needs no compiler; the rule is the simple one of the C# spec (letters,
/// digits, underscores, not starting with a digit, not a reserved keyword).
/// </summary>
public static partial class VariableName
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    public static bool IsValid(string name) => IdentifierPattern().IsMatch(name) && !Keywords.Contains(name);

    /// <summary>The <c>--into</c> value, checked before any long work; null when not given.</summary>
    /// <exception cref="SynthOptionException">Not a C# identifier.</exception>
    public static string? Checked(string? name) =>
        name is null || IsValid(name)
            ? name
            : throw new SynthOptionException("--into", $"'{name}' is not a C# variable name (letters, digits and _, not starting with a digit, not a keyword).");

    /// <summary>A valid variable name made from a file name such as <c>screen-time.v2</c> (→ <c>screen_time_v2</c>).</summary>
    public static string From(string text)
    {
        var name = new StringBuilder(text.Length + 1);
        foreach (char c in text) name.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        if (name.Length == 0 || char.IsDigit(name[0])) name.Insert(0, '_');
        string result = name.ToString();
        return Keywords.Contains(result) ? "_" + result : result;
    }

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]*$")]
    private static partial Regex IdentifierPattern();
}
