using System.CommandLine;
using System.Text.Json.Nodes;
using SynthCore;
using SynthCore.Synthesizers.Statistical;

namespace SynthCommands;

/// <summary>
/// <c>synth fit-distributions &lt;data&gt; [--columns a,b] [--ranking aic|ks] [--top N] [--json FILE]</c>: the distribution
/// fitter of the <c>distributions</c> model on its own, as the original toolkit offered it: a ranked table of families per
/// numeric column with their parameters, KS and AIC.
/// </summary>
internal static class FitDistributionsCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string data = TableInput.DataName(context, parse, grammar.FitDistributionsData, grammar.FitDistributionsDataOption);
        var ranking = parse.GetValue(grammar.FitDistributionsRanking) switch
        {
            "aic" => FitRanking.Aic,
            "ks" => FitRanking.Ks,
            var other => throw new SynthOptionException("--ranking", $"must be aic or ks, got '{other}'."),
        };
        int top = parse.GetValue(grammar.FitDistributionsTop) ?? 3;
        if (top < 1) throw new SynthOptionException("--top", $"must be at least 1, got {top}.");
        string? json = parse.GetValue(grammar.FitDistributionsJson);
        bool force = parse.GetValue(grammar.FitDistributionsForce);
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(grammar.FitDistributionsCategorical));
        if (parse.GetValue(grammar.FitDistributionsColumns) is { } list)
        {
            var names = ColumnList.Parse(list, "--columns", metadata);
            foreach (var name in names)
                if (metadata.Columns.First(c => c.Name == name).Kind is not (SynthCore.Data.ColumnKind.Continuous or SynthCore.Data.ColumnKind.Integer))
                    throw new SynthOptionException("--columns", $"'{name}' is not a numeric column; distributions are fitted to continuous and integer columns.");
            metadata = new SynthCore.Data.TableMetadata(metadata.Columns.Where(c => names.Contains(c.Name)));
        }
        var fits = DistributionFitter.FitTable(table, metadata, ranking);
        if (fits.Count == 0)
            throw new SynthException($"{data}: no numeric column with two or more distinct values to fit.");
        var result = new DistributionFits(data, ranking, top, fits);
        context.Host.Show(result);
        if (json is not null)
        {
            JsonSummary.Write(json, ToJson(result), force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }

    private static JsonObject ToJson(DistributionFits fits) => new()
    {
        ["input"] = fits.Source,
        ["ranking"] = fits.Ranking == FitRanking.Aic ? "aic" : "ks",
        ["columns"] = new JsonObject(fits.Columns.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)new JsonArray(c.Value.Select(f => (JsonNode?)new JsonObject
        {
            ["family"] = f.Family.ToString(),
            ["parameters"] = f.Distribution.ToString(),
            ["aic"] = JsonSummary.Number(f.Aic),
            ["log_likelihood"] = JsonSummary.Number(f.LogLikelihood),
            ["ks_statistic"] = JsonSummary.Number(f.KsStatistic),
            ["ks_p_value"] = JsonSummary.Number(f.KsPValue),
        }).ToArray())))),
    };
}
