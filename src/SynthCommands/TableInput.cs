namespace SynthCommands;

/// <summary>Reads the table a command works on and what the user said about its columns.</summary>
internal static class TableInput
{
    public const string FromOption = "--from";
    public const string QueryOption = "--query";

    /// <summary>
    /// The table named by the positional argument, by --data, or by --from with --query (exactly one of them). A query's
    /// rows are read here, kept in the context under the database file's path, and that path is the table's name.
    /// </summary>
    public static string DataName(CommandContext context, ParseResult parse, Argument<string?> argument, Option<string?>? option)
    {
        string? positional = parse.GetValue(argument);
        string? named = option is null ? null : parse.GetValue(option);
        if (positional is not null && named is not null)
            throw new SynthUsageException($"give the table once, either as an argument or with --data, not both ('{positional}' and '{named}').");
        string? name = positional ?? named;
        var (from, query) = SourceOptions(parse);
        if (from is not null || query is not null)
        {
            if (name is not null)
                throw new SynthUsageException($"give the table once, either as an argument or with --from and --query, not both ('{name}' and '{from ?? query}').");
            return ReadQuery(context, from, query);
        }
        if (string.IsNullOrWhiteSpace(name))
            throw new SynthUsageException($"'{parse.CommandResult.Command.Name}' needs a table: a CSV or Parquet file, a folder of Parquet files (or, in a notebook, a variable), e.g. 'synth {parse.CommandResult.Command.Name} data.csv', or a query with --from and --query.");
        RefuseSourceAsFile(context, name);
        return name;
    }

    /// <summary>A database given where a file goes (<c>synth describe duckdb:db.duckdb</c>): says how to give it.</summary>
    private static void RefuseSourceAsFile(CommandContext context, string name)
    {
        int colon = name.IndexOf(':');
        if (colon <= 0 || File.Exists(name) || Directory.Exists(name)) return;
        if (!context.Sources.Schemes.Contains(name[..colon], StringComparer.OrdinalIgnoreCase)) return;
        throw new SynthUsageException($"'{name}' is a database: give it as --from {name} with --query \"select …\", the rows to read.");
    }

    /// <summary>
    /// The real and the synthetic table of <c>evaluate</c>, <c>privacy</c> and <c>plot</c>: two arguments, or the real table
    /// as --from with --query (as for every command's first table) and one argument, the synthetic table.
    /// </summary>
    public static (string Real, string Synthetic) RealAndSynthetic(CommandContext context, ParseResult parse, Argument<string?> real, Argument<string?> synthetic)
    {
        string? first = parse.GetValue(real);
        string? second = parse.GetValue(synthetic);
        string command = parse.CommandResult.Command.Name;
        var (from, query) = SourceOptions(parse);
        if (from is null && query is null)
        {
            if (first is null || second is null)
                throw new SynthUsageException($"'{command}' needs two tables, the real one and the synthetic one (e.g. 'synth {command} real.csv synthetic.csv'), or the real one as a query with --from and --query.");
            RefuseSourceAsFile(context, first);
            return (first, second);
        }
        if (second is not null)
            throw new SynthUsageException($"give the real table once, either as the first argument or with --from and --query, not both ('{first}' and '{from ?? query}').");
        if (first is null)
            throw new SynthUsageException($"'{command}' needs the synthetic table after the query (e.g. 'synth {command} --from duckdb:data.duckdb --query \"select * from people\" synthetic.csv').");
        return (ReadQuery(context, from, query), first);
    }

    /// <summary>
    /// Reads --query's rows from --from's database into the context, under the database file's path (or the connection's
    /// name, for a connection the host keeps), which it returns.
    /// </summary>
    private static string ReadQuery(CommandContext context, string? from, string? query)
    {
        if (from is null)
            throw new SynthOptionException(QueryOption, $"needs --from, the database to run it on (e.g. --from duckdb:data.duckdb --query \"select * from people\").");
        if (query is null)
            throw new SynthOptionException(FromOption, $"needs --query, the SELECT whose rows are the table (e.g. --query \"select * from people\").");
        if (context.Host.ResolveConnection(from) is { } connection)
        {
            context.Tables[from] = ConnectionTable.Read(connection, from, query, context.Cancellation);
            return from;
        }
        var table = context.Sources.Read(from, query, context.Cancellation);
        string name = from[(from.IndexOf(':') + 1)..];
        context.Tables[name] = table;
        return name;
    }

    private static (string? From, string? Query) SourceOptions(ParseResult parse)
    {
        var options = parse.CommandResult.Command.Options;
        if (!options.Any(o => o.Name == FromOption)) return (null, null);
        return (parse.GetValue<string?>(FromOption), parse.GetValue<string?>(QueryOption));
    }

    /// <summary>The --categorical columns as kind overrides; every name must be a column of the table.</summary>
    public static Dictionary<string, ColumnKind> CategoricalOverrides(string? list, DataFrame table)
    {
        var overrides = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        if (list is null) return overrides;
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
            throw new SynthOptionException("--categorical", "no column names given (use --categorical a,b,c).");
        var columns = table.Columns.Select(c => c.Name).ToArray();
        foreach (var name in names)
        {
            if (!columns.Contains(name, StringComparer.Ordinal))
                throw new SynthOptionException("--categorical", $"unknown column '{name}' (the table has: {string.Join(", ", columns)}).");
            overrides[name] = ColumnKind.Categorical;
        }
        return overrides;
    }

    /// <summary>
    /// Reads the table and its metadata (detected kinds with the overrides), refusing an empty table; prints a warning
    /// for each text column that is numbers or dates in disguise (<see cref="DisguisedColumns"/>).
    /// </summary>
    public static (DataFrame Table, TableMetadata Metadata) Load(CommandContext context, string name, string? categorical)
    {
        var host = context.Host;
        var table = context.ResolveTable(name);
        if (table.Columns.Count == 0)
            throw new SynthException($"{name}: the table has no columns.");
        if (table.Rows.Count == 0)
            throw new SynthException($"{name}: the table has no rows.");
        var metadata = TableMetadata.Detect(table, CategoricalOverrides(categorical, table));
        foreach (var warning in DisguisedColumns.Find(table, metadata)) host.WriteLine($"warning: {warning}");
        return (table, metadata);
    }

    /// <summary>
    /// As <see cref="Load"/>, but with <paramref name="fitRows"/> the table is a seeded sample of that many rows
    /// (<see cref="FitRowsSample"/>): a CSV file is streamed and a Parquet file read a row group at a time, never whole;
    /// an in-memory table (a notebook's DataFrame, a query's rows) is sampled as it is. Says which sample was used.
    /// </summary>
    public static (DataFrame Table, TableMetadata Metadata, FitRowsSample? Sample) Load(CommandContext context, string name, string? categorical, int? fitRows, int seed)
    {
        if (fitRows is not int rows)
        {
            var (whole, wholeMetadata) = Load(context, name, categorical);
            return (whole, wholeMetadata, null);
        }
        var streams = new RandomStreams(seed);
        string? path = context.Tables.ContainsKey(name) ? null : context.Host.TablePath(name);
        var sample = path is null ? FitRowsSample.Of(context.ResolveTable(name), rows, streams)
            : Directory.Exists(path) || TableFormats.IsParquetPath(path) ? FitRowsSample.ReadParquet(path, rows, streams)
            : FitRowsSample.ReadCsv(path, rows, streams);
        context.Tables[name] = sample.Table;
        var (table, metadata) = Load(context, name, categorical);
        context.Host.WriteLine($"Fitting on {sample.Describe()} (--fit-rows {rows}, seed {seed}).");
        return (table, metadata, sample);
    }

    /// <summary>The JSON summary's record of a --fit-rows sample.</summary>
    public static JsonObject? Json(FitRowsSample? sample) => sample is null ? null : new()
    {
        ["sampled_rows"] = sample.SampledRows,
        ["total_rows"] = sample.TotalRows,
        ["added_rows"] = sample.AddedRows,
    };

    /// <summary>Refuses tables a model cannot learn from: a column with no values at all.</summary>
    public static void EnsureModellable(TableMetadata metadata)
    {
        foreach (var column in metadata.Columns)
            if (column.RowCount > 0 && column.MissingCount == column.RowCount)
                throw new SynthColumnException(column.Name, "has only missing values; drop it or fill it in before fitting.");
    }
}
