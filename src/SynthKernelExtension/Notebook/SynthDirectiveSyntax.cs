using SynthCommands;

namespace SynthKernelExtension.Notebook;

/// <summary>One parameter of a <c>#!synth</c> subcommand as the kernel's directive parser must know it.</summary>
/// <param name="Name">The option name (<c>--rows</c>), or the positional argument's name when <paramref name="Implicit"/>.</param>
/// <param name="Implicit">The positional argument: the kernel binds a bare word to it.</param>
/// <param name="Flag">A switch without a value (<c>--force</c>).</param>
/// <param name="MaxOccurrences">How often it may be given (<c>--option</c> is repeatable).</param>
public sealed record DirectiveParameterSyntax(string Name, string Description, bool Implicit, bool Flag, int MaxOccurrences);

/// <summary>One <c>#!synth</c> subcommand (<c>describe</c>, <c>fit</c>, …) with its parameters.</summary>
public sealed record DirectiveCommandSyntax(string Name, string Description, IReadOnlyList<DirectiveParameterSyntax> Parameters);

/// <summary>
/// The <c>#!synth</c> directive's syntax, read from <see cref="SynthGrammar"/>. The kernel's directive
/// parser rejects words it was not told about, so the kernel glue declares these subcommands and
/// parameters; the line itself is still parsed and run by the shared grammar and executor.
/// </summary>
public static class SynthDirectiveSyntax
{
    public const string Name = "#!synth";

    public static IReadOnlyList<DirectiveCommandSyntax> Subcommands { get; } = Read(new SynthGrammar());

    private static DirectiveCommandSyntax[] Read(SynthGrammar grammar) =>
        grammar.Root.Subcommands.Select(command => new DirectiveCommandSyntax(
            command.Name,
            command.Description ?? "",
            command.Arguments.Take(1).Select(a => new DirectiveParameterSyntax(a.Name, a.Description ?? "", Implicit: true, Flag: false, MaxOccurrences: 1))
                .Concat(command.Options.Where(o => !o.Hidden && o.Name.StartsWith("--", StringComparison.Ordinal)).Select(o => new DirectiveParameterSyntax(
                    o.Name,
                    o.Description ?? "",
                    Implicit: false,
                    Flag: o.ValueType == typeof(bool),
                    MaxOccurrences: o.Arity.MaximumNumberOfValues > 1 ? 100 : 1)))
                .ToArray()))
            .ToArray();
}
