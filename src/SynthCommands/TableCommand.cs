namespace SynthCommands;

/// <summary>
/// A command on one table, given as the data argument, as <c>--data</c>, or as the rows of a query (<c>--from</c>, <c>--query</c>).
/// </summary>
internal abstract class TableCommand(string name, string description) : SynthCommand(name, description)
{
    internal Argument<string?> Data { get; } = SharedOptions.DataArgument();
    internal Option<string?> DataOption { get; } = SharedOptions.DataOption();

    /// <summary>Declares the table's argument and <c>--data</c>, the command's own symbols, then <c>--from</c> and <c>--query</c>: the order <c>--help</c> lists.</summary>
    protected void DeclareOnTable(params Symbol[] own)
    {
        Declare([Data, DataOption, .. own]);
        SharedOptions.AddSourceOptions(this);
    }

    /// <summary>The table's name as the host resolves it (a query's rows are read here, under a name of their own).</summary>
    protected string TableName(ParseResult parse, CommandContext context) => TableInput.DataName(context, parse, Data, DataOption);
}
