namespace SynthCommands;

/// <summary><c>synth describe &lt;data&gt; [--categorical a,b] [--json FILE]</c>.</summary>
internal sealed class DescribeCommand : TableCommand
{
    public DescribeCommand() : base("describe", "Show each column's detected kind, missing values and distinct values.")
    {
        DeclareOnTable(Categorical, Json, Force);
    }

    internal Option<string?> Categorical { get; } = SharedOptions.CategoricalOption();
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json file");

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableName(parse, context);
        string? json = parse.GetValue(Json);
        bool force = parse.GetValue(Force);
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(Categorical));
        var description = TableDescription.From(data, table, metadata);
        context.Host.Show(description);

        if (json is not null)
        {
            var summary = JsonSummary.ToNode(description)!.AsObject();
            JsonSummary.Write(json, summary, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }
}
