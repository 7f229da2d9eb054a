using System.CommandLine.Parsing;
using SynthCore.Registry;

namespace SynthCommands;

/// <summary>
/// Runs one <c>synth</c> command line against a host. Parses with <see cref="SynthGrammar"/>,
/// runs the command, and turns every failure into one "error: …" line and an exit code
/// (<see cref="ExitCodes"/>): user mistakes never surface as stack traces.
/// </summary>
public sealed class SynthCommandExecutor(SynthesizerRegistry? registry = null, TableSources? sources = null)
{
    private readonly SynthesizerRegistry registry = registry ?? SynthesizerRegistry.Default;
    private readonly TableSources sources = sources ?? TableSources.None;

    /// <summary>Runs a command line as typed, e.g. <c>#!synth fit --data df --model gan --out m.synth</c> (a leading <c>#!synth</c> or <c>synth</c> is dropped).</summary>
    public int Execute(string commandLine, ISynthHost host, CancellationToken cancellationToken = default) =>
        Execute(Tokenize(commandLine), host, cancellationToken);

    /// <summary>Runs a command given as arguments (as <c>Main</c> receives them).</summary>
    public int Execute(IReadOnlyList<string> args, ISynthHost host, CancellationToken cancellationToken = default)
    {
        var grammar = new SynthGrammar();
        var context = new CommandContext(host, registry, cancellationToken) { Sources = sources };
        grammar.Models.ListModelsIn(registry);
        foreach (var command in grammar.Commands)
            command.SetAction(parse => command.Execute(parse, context));

        var parsed = grammar.Root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
            return ReportParseError(parsed, host);

        var helpText = new StringWriter();
        try
        {
            int code = parsed.Invoke(new InvocationConfiguration
            {
                Output = helpText,
                Error = helpText,
                EnableDefaultExceptionHandler = false,
                // The host owns Ctrl+C and passes it in as the cancellation token.
                ProcessTerminationTimeout = null,
            });
            if (helpText.GetStringBuilder().Length > 0) host.WriteLine(HostedHelp(helpText.ToString(), grammar.Root.Name, host.CommandName).TrimEnd());
            return code;
        }
        catch (OperationCanceledException)
        {
            host.WriteError("error: cancelled; no output files were written.");
            return ExitCodes.Cancelled;
        }
        catch (SynthUsageException e)
        {
            host.WriteError($"error: {OneLine(e.Message)} Run '{host.CommandName} {parsed.CommandResult.Command.Name} --help' for usage.");
            return ExitCodes.UsageError;
        }
        catch (SynthException e)
        {
            host.WriteError($"error: {OneLine(e.Message)}");
            return ExitCodes.DataOrOptionError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            host.WriteError($"error: {OneLine(e.Message)}");
            return ExitCodes.DataOrOptionError;
        }
        catch (Exception e)
        {
            // Not the user's mistake: still one line, with the exception type to report it by.
            host.WriteError($"error: internal error ({e.GetType().Name}): {OneLine(e.Message)}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Splits a command line as a shell would (quotes group words) and drops a leading <c>#!synth</c> / <c>synth</c>.</summary>
    public static string[] Tokenize(string commandLine)
    {
        var tokens = CommandLineParser.SplitCommandLine(commandLine ?? "").ToList();
        if (tokens.Count > 0 && tokens[0] is "#!synth" or "synth") tokens.RemoveAt(0);
        return tokens.ToArray();
    }

    // A bad value for an option (e.g. --rows abc) is an option error (1); anything else that does
    // not fit the grammar (unknown command or option, missing argument, an option given twice) is a usage error (2).
    private static int ReportParseError(ParseResult parsed, ISynthHost host)
    {
        string command = parsed.CommandResult.Command == parsed.RootCommandResult.Command ? host.CommandName : $"{host.CommandName} {parsed.CommandResult.Command.Name}";
        if (Repeated(parsed.CommandResult) is { } twice)
        {
            host.WriteError($"error: Option '{twice.Option.Name}' is given {(twice.IdentifierTokenCount == 2 ? "twice" : $"{twice.IdentifierTokenCount} times")}; give it once. Run '{command} --help' for usage.");
            return ExitCodes.UsageError;
        }

        // An unrecognized word says more than "required command was not provided" listed before it.
        var error = parsed.UnmatchedTokens.Count > 0
            ? parsed.Errors.FirstOrDefault(e => e.Message.Contains($"'{parsed.UnmatchedTokens[0]}'", StringComparison.Ordinal)) ?? parsed.Errors[0]
            : parsed.Errors[0];
        bool badOptionValue = error.SymbolResult is OptionResult { Tokens.Count: > 0 } or ArgumentResult { Parent: OptionResult, Tokens.Count: > 0 };
        string message = OneLine(error.Message);
        if (error.SymbolResult is ArgumentResult { Parent: CommandResult, Tokens.Count: 0 } missing)
            message += $" Expected <{missing.Argument.Name}>.";
        host.WriteError(badOptionValue ? $"error: {message}" : $"error: {message} Run '{command} --help' for usage.");
        return badOptionValue ? ExitCodes.DataOrOptionError : ExitCodes.UsageError;
    }

    /// <summary>An option that takes one value but was given more than once (<c>--rows 5 --rows 6</c>), if any.</summary>
    private static OptionResult? Repeated(CommandResult command) =>
        command.Children.OfType<OptionResult>().FirstOrDefault(o => o.IdentifierTokenCount > 1 && o.Tokens.Count > o.Option.Arity.MaximumNumberOfValues);

    /// <summary>
    /// System.CommandLine's usage lines start with the process's executable name (<c>synth</c> for the tool, the kernel's
    /// or test runner's name elsewhere); they should show what the user types in this host.
    /// </summary>
    internal static string HostedHelp(string help, string executable, string command) =>
        System.Text.RegularExpressions.Regex.Replace(help, $@"(?m)^([ \t]+){System.Text.RegularExpressions.Regex.Escape(executable)}(?=[ \t]|\r?$)",
            m => m.Groups[1].Value + command);

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
