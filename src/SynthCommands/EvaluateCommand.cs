using System.CommandLine;
using System.Text;
using SynthReports;

namespace SynthCommands;

/// <summary>
/// <c>synth evaluate &lt;real&gt; &lt;synthetic&gt; [--categorical a,b] [--target COLUMN [--seed N]] [--json FILE] [--report FILE.html] [--force]</c>:
/// quality and diagnostic reports of a synthetic table against the real one, and with --target its
/// machine-learning utility. Column kinds are detected on the real table.
/// </summary>
internal static class EvaluateCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string realName = parse.GetValue(grammar.EvaluateReal)!;
        string syntheticName = parse.GetValue(grammar.EvaluateSynthetic)!;
        string? json = parse.GetValue(grammar.EvaluateJson);
        string? report = parse.GetValue(grammar.EvaluateReport);
        bool force = parse.GetValue(grammar.EvaluateForce);
        string? target = parse.GetValue(grammar.EvaluateTarget);
        int? seed = parse.GetValue(grammar.EvaluateSeed);
        if (seed < 0) throw new SynthCore.SynthOptionException("--seed", $"must be 0 or more, got {seed}.");
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", realName, syntheticName);
        if (report is not null) SafeFile.EnsureCanWrite(report, force, "--report", realName, syntheticName);
        if (json is not null && report is not null && Path.GetFullPath(json) == Path.GetFullPath(report))
            throw new SynthCore.SynthOptionException("--report", $"'{report}' is also the --json file; give two different files.");

        var (real, metadata) = TableInput.Load(context.Host, realName, parse.GetValue(grammar.EvaluateCategorical));
        var synthetic = context.Host.ResolveTable(syntheticName);
        if (synthetic.Rows.Count == 0)
            throw new SynthCore.SynthException($"{syntheticName}: the table has no rows.");
        context.Cancellation.ThrowIfCancellationRequested();

        if (target is not null) ColumnList.EnsureColumn(target, "--target", metadata);
        var utility = target is null ? null : new SynthCore.Evaluation.Utility.UtilityOptions(target) { Seed = seed ?? 42 };
        var detection = new SynthCore.Evaluation.Detection.DetectionOptions { Seed = seed ?? 42 };
        var evaluation = Evaluation.Run(realName, real, syntheticName, synthetic, metadata, utility, context.Cancellation, detection);
        context.Cancellation.ThrowIfCancellationRequested();
        context.Host.Show(evaluation);

        if (json is not null)
        {
            JsonSummary.Write(json, EvaluationJson.From(evaluation), force);
            context.Host.WriteLine($"Wrote {json}");
        }
        if (report is not null)
        {
            string html = EvaluationHtmlReport.Render(evaluation);
            SafeFile.Write(report, force, "--report", stream => stream.Write(Encoding.UTF8.GetBytes(html)));
            context.Host.WriteLine($"Wrote {report}");
        }
        return ExitCodes.Success;
    }
}
