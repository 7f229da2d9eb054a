using System.CommandLine;
using System.Text.Json.Nodes;

namespace SynthCommands;

/// <summary><c>synth describe &lt;data&gt; [--categorical a,b] [--json FILE]</c>.</summary>
internal static class DescribeCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string data = TableInput.DataName(context, parse, grammar.DescribeData, grammar.DescribeDataOption);
        string? json = parse.GetValue(grammar.DescribeJson);
        bool force = parse.GetValue(grammar.DescribeForce);
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(grammar.DescribeCategorical));
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
