using SynthCore.Synthesizers.Statistical;

namespace SynthCommands;

/// <summary>
/// <c>synth fit-distributions &lt;data&gt; [--columns a,b] [--ranking aic|ks] [--top N] [--json FILE]</c>: the distribution
/// fitter of the <c>distributions</c> model on its own, as the original toolkit offered it: a ranked table of families per
/// numeric column with their parameters, KS and AIC.
/// </summary>
internal sealed class FitDistributionsCommand : TableCommand
{
    public FitDistributionsCommand() : base("fit-distributions", "Fit every applicable distribution family to each numeric column and rank them (AIC or KS): families, parameters, KS, AIC.")
    {
        DeclareOnTable(Columns, Ranking, Top,
            Categorical, Json, Force);
    }

    internal Option<string?> Columns { get; } = new("--columns") { Description = "Comma-separated numeric columns (default: every continuous and integer column)." };
    internal Option<string> Ranking { get; } = new("--ranking")
    {
        Description = "aic (default: Akaike information criterion, lower is better) or ks (Kolmogorov-Smirnov distance).",
        DefaultValueFactory = _ => "aic",
    };
    internal Option<int?> Top { get; } = SharedOptions.NullableInt("--top", "Families shown per column (default 3; --json has all).");
    internal Option<string?> Categorical { get; } = SharedOptions.CategoricalOption();
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json file");

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableName(parse, context);
        var ranking = parse.GetValue(Ranking) switch
        {
            "aic" => FitRanking.Aic,
            "ks" => FitRanking.Ks,
            var other => throw new SynthOptionException("--ranking", $"must be aic or ks, got '{other}'."),
        };
        int top = parse.GetValue(Top) ?? 3;
        if (top < 1) throw new SynthOptionException("--top", $"must be at least 1, got {top}.");
        string? json = parse.GetValue(Json);
        bool force = parse.GetValue(Force);
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(Categorical));
        if (parse.GetValue(Columns) is { } list)
        {
            var names = ColumnList.Parse(list, "--columns", metadata);
            foreach (var name in names)
                if (metadata.Columns.First(c => c.Name == name).Kind is not (ColumnKind.Continuous or ColumnKind.Integer))
                    throw new SynthOptionException("--columns", $"'{name}' is not a numeric column; distributions are fitted to continuous and integer columns.");
            metadata = new TableMetadata(metadata.Columns.Where(c => names.Contains(c.Name)));
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
