namespace SynthCommands;

/// <summary>The arguments and options several commands declare alike (a new instance each call: a symbol belongs to one command).</summary>
internal static class SharedOptions
{
    internal static Argument<string?> DataArgument() => new("data")
    {
        Description = "The table: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    internal static Option<string?> DataOption() => new("--data") { Description = "The table, instead of the positional argument." };

    /// <summary><c>--from SCHEME:FILE|CONNECTION --query SQL</c>: the table as the rows of a query, in place of the data argument (<see cref="TableInput.DataName"/>).</summary>
    internal static void AddSourceOptions(Command command)
    {
        command.Options.Add(new Option<string?>(TableInput.FromOption)
        {
            Description = "A database to read the table from, instead of the data argument: sqlite:FILE or duckdb:FILE (console; opened read-only), or a DbConnection variable (notebook: any ADO.NET provider the notebook loads). Needs --query.",
        });
        command.Options.Add(new Option<string?>(TableInput.QueryOption) { Description = "The SELECT whose rows are the table, run on --from's database." });
    }

    internal static Option<string> ModelName() => new("--model") { Description = "The model to fit (see 'synth models').", Required = true };

    internal static Option<string?> CategoricalOption() => new("--categorical")
    {
        Description = "Comma-separated columns to treat as categorical, whatever their values look like.",
    };

    internal static Option<string[]> WhereOption() => new("--where")
    {
        Description = "A condition every sampled row meets (repeatable, one per column): \"age between 30 and 40\", \"age >= 30\" (also <=, >, <), \"default = yes\", \"species in (Adelie, Gentoo)\".",
        Arity = ArgumentArity.ZeroOrMore,
    };

    internal static Argument<string> LatentModelArgument() => new("model")
    {
        Description = "A fitted vae or tvae model: a model file (console) or a variable (notebook). Models without a latent space are refused.",
    };

    internal static Option<int?> ScoreIterationsOption() => NullableInt("--score-iterations",
        "Sequences: training iterations of the discriminative score's classifier and the predictive score's networks (default: the TimeGAN reference code's 2,000 and 5,000; 0 skips both scores).");

    internal static Option<string?> FormatOption() => new("--format")
    {
        Description = "Format of the output file: csv (default) or parquet (typed columns, for Spark, DuckDB, pandas).",
    };

    internal static Option<string?> JsonOption() => new("--json") { Description = "Also write a machine-readable summary to this JSON file." };

    internal static Option<bool> ForceOption(string what) => new("--force") { Description = $"Replace an existing {what}." };

    internal static Option<string> OutDirOption() => new("--out")
    {
        Description = "Directory for the synthetic CSV (created if missing).",
        DefaultValueFactory = _ => "outputs",
    };

    internal static Option<string?> NameOption(string fallback) => new("--name")
    {
        Description = $"Name of the output file: <name>_synthetic_<timestamp>.csv (default: {fallback}).",
    };

    internal static Option<string?> IntoOption(string what, string fallback) => new("--into")
    {
        Description = $"Notebook only: the variable that receives the {what} (default: {fallback}). The console ignores it.",
    };

    internal static Option<int?> FitRowsOption() => new("--fit-rows")
    {
        Description = "Fit on a seeded sample of N rows (drawn as a CSV streams past, so the table need not fit in memory), plus the rows holding levels and bounds outside it; the output says so.",
        CustomParser = result =>
        {
            int? rows = OptionValues.ParseWhole(result, "--fit-rows");
            if (rows is <= 0) result.AddError($"Option '--fit-rows': must be at least 1 row, got {rows.Value.ToString(CultureInfo.InvariantCulture)}.");
            return rows;
        },
    };

    internal static Option<int?> NullableInt(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => OptionValues.ParseWhole(result, name),
    };
}
