namespace SynthCommands;

/// <summary>
/// One <c>synth</c> command: the arguments and options it declares (System.CommandLine symbols, read back by the same
/// properties) and what it does with their parsed values. <see cref="SynthGrammar"/> gathers the commands;
/// <see cref="SynthCommandExecutor"/> runs them against a host.
/// </summary>
internal abstract class SynthCommand(string name, string description) : Command(name, description)
{
    /// <summary>Runs the command on a parse of its own line; returns the exit code (<see cref="ExitCodes"/>).</summary>
    internal abstract int Execute(ParseResult parse, CommandContext context);

    /// <summary>Adds arguments and options in the order <c>--help</c> lists them.</summary>
    protected internal void Declare(params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument) Arguments.Add(argument);
            else if (symbol is Option option) Options.Add(option);
        }
    }
}
