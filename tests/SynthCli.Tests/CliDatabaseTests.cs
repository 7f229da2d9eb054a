using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using Microsoft.Data.Sqlite;
using SynthCore.Data;
using SynthCore.Registry;
using SynthDatabases;

namespace SynthCli.Tests;

/// <summary>
/// <c>--from sqlite:FILE</c> and <c>--from duckdb:FILE</c> with <c>--query</c>: typed columns with NULLs from each database,
/// describe and run on them, and every mistake ending in one error line naming the option, exit 1 (2 for the grammar).
/// </summary>
public sealed class CliDatabaseTests : IDisposable
{
    private const int Rows = 60;
    private const string Query = "select age, income, city, member, joined from people";

    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static CliSandbox.Result Synth(params string[] args) => CliSandbox.Run(SynthesizerRegistry.Default, args);

    /// <summary>people(age, income, city, member, joined) in either database: every 7th income and every 9th city NULL.</summary>
    private static void Fill(DbConnection connection, string createTable)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = createTable;
            create.ExecuteNonQuery();
        }
        string[] cities = ["Oslo", "Rome", "Lima", "Pune"];
        var random = new Random(3);
        for (int i = 0; i < Rows; i++)
        {
            using var insert = connection.CreateCommand();
            string income = i % 7 == 3 ? "NULL" : (1500 + 41.25 * i + random.Next(200)).ToString(CultureInfo.InvariantCulture);
            string city = i % 9 == 4 ? "NULL" : $"'{cities[i % 4]}'";
            string joined = new DateTime(2020, 1, 1).AddDays(i * 11 + random.Next(5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            insert.CommandText = $"insert into people values ({18 + random.Next(60)}, {income}, {city}, {(i % 3 == 0 ? "true" : "false")}, '{joined}')";
            insert.ExecuteNonQuery();
        }
    }

    private string Sqlite()
    {
        string path = sandbox.PathOf("people.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Fill(connection, "create table people (age INTEGER, income REAL, city TEXT, member BOOLEAN, joined DATE)");
        return path;
    }

    private string DuckDb()
    {
        string path = sandbox.PathOf("people.duckdb");
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        Fill(connection, "create table people (age BIGINT, income DOUBLE, city VARCHAR, member BOOLEAN, joined TIMESTAMP)");
        return path;
    }

    private string Database(string scheme) => scheme == "sqlite" ? Sqlite() : DuckDb();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public void A_query_becomes_typed_columns_with_the_nulls_kept(string scheme)
    {
        var table = DatabaseSources.All.Read($"{scheme}:{Database(scheme)}", Query);

        Assert.Equal(Rows, table.Rows.Count);
        Assert.IsType<Int64DataFrameColumn>(table.Columns["age"]);
        Assert.IsType<DoubleDataFrameColumn>(table.Columns["income"]);
        Assert.IsType<StringDataFrameColumn>(table.Columns["city"]);
        Assert.IsType<BooleanDataFrameColumn>(table.Columns["member"]);
        Assert.IsType<DateTimeDataFrameColumn>(table.Columns["joined"]);
        Assert.Equal(Enumerable.Range(0, Rows).Count(i => i % 7 == 3), table.Columns["income"].NullCount);
        Assert.Equal(Enumerable.Range(0, Rows).Count(i => i % 9 == 4), table.Columns["city"].NullCount);
        Assert.Equal(0, table.Columns["member"].NullCount);
        Assert.Equal(true, table.Columns["member"][0]);
        Assert.Equal(2020, ((DateTime)table.Columns["joined"][0]!).Year);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public void The_tool_as_a_process_loads_the_database_libraries(string scheme)
    {
        // The tool's own output folder, not the test's: its native SQLite and DuckDB libraries load there.
        var result = CliProcess.Run(sandbox.Directory, "describe", "--from", $"{scheme}:{Database(scheme)}", "--query", Query);
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains($"{Rows} rows, 5 columns", result.Out);
        Assert.Matches(@"joined\s+datetime", result.Out);
    }

    [Fact]
    public void Sqlite_expressions_without_a_declared_type_go_by_their_values()
    {
        var table = DatabaseSources.All.Read($"sqlite:{Sqlite()}", "select age * 2 as twice, income / 2 as half, upper(city) as town from people");
        Assert.IsType<Int64DataFrameColumn>(table.Columns["twice"]);
        Assert.IsType<DoubleDataFrameColumn>(table.Columns["half"]);
        Assert.IsType<StringDataFrameColumn>(table.Columns["town"]);
    }

    [Fact]
    public void DuckDB_widths_decimals_and_zones_map_as_documented_and_nested_types_are_refused_by_name()
    {
        string duck = DuckDb();
        var table = DatabaseSources.All.Read($"duckdb:{duck}",
            "select 3::TINYINT as tiny, 7::UBIGINT as unsigned, 9::HUGEINT as huge, 2.50::DECIMAL(9,2) as price, 1.5::FLOAT as single, "
            + "TIMESTAMPTZ '2024-08-07 12:00:00+02' as zoned, DATE '2024-08-07' as day");
        Assert.Equal(3L, table.Columns["tiny"][0]);
        Assert.Equal(7L, table.Columns["unsigned"][0]);
        Assert.Equal(9L, table.Columns["huge"][0]);
        Assert.Equal(2.50m, table.Columns["price"][0]);
        Assert.Equal(1.5, table.Columns["single"][0]);
        var zoned = (DateTime)table.Columns["zoned"][0]!;
        Assert.Equal(DateTimeKind.Utc, zoned.Kind);
        Assert.Equal(new DateTime(2024, 8, 7, 10, 0, 0), new DateTime(zoned.Ticks));
        Assert.Equal(new DateTime(2024, 8, 7), table.Columns["day"][0]);

        foreach (var (column, sql) in new[] { ("pair", "[1, 2]"), ("clock", "TIME '10:00:00'"), ("zoned_clock", "TIMETZ '10:00:00+02'"), ("id", "uuid()"), ("span", "INTERVAL 2 DAY") })
        {
            var refused = Synth("describe", "--from", $"duckdb:{duck}", "--query", $"select {sql} as {column}, age from people");
            Assert.True(refused.ExitCode == 1, $"{column}: exit {refused.ExitCode}: {refused.Err} {refused.Out}");
            Assert.Contains($"Column '{column}'", refused.Err);
            Assert.Contains("cast it in the query", refused.Err);
        }
    }

    [Fact]
    public void A_SQLite_value_against_its_declared_type_names_the_column_and_row()
    {
        string sqlite = sandbox.PathOf("loose.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlite, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "create table t (n INTEGER, when_ DATE); insert into t values (1, '2024-01-02'), ('two', '2024-01-03'), (3, NULL)";
            command.ExecuteNonQuery();
        }
        var result = Synth("describe", "--from", $"sqlite:{sqlite}", "--query", "select n from t");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Column 'n': row 2: 'two' is not a integer value", result.Err);

        var dates = DatabaseSources.All.Read($"sqlite:{sqlite}", "select when_ from t");
        Assert.Equal(new DateTime(2024, 1, 2), dates.Columns["when_"][0]);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)dates.Columns["when_"][0]!).Kind); // wall-clock, as a CSV's dates
        Assert.Equal(1, dates.Columns["when_"].NullCount);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public void Describe_reads_the_kinds_from_the_database_types(string scheme)
    {
        string json = sandbox.PathOf("d.json");
        var result = Synth("describe", "--from", $"{scheme}:{Database(scheme)}", "--query", Query, "--json", json);
        Assert.True(result.ExitCode == 0, result.Err);
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(Rows, (int)node["rows"]!);
        var kinds = node["columns"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => (string)c!["kind"]!);
        Assert.Equal("integer", kinds["age"]);
        Assert.Equal("continuous", kinds["income"]);
        Assert.Equal("categorical", kinds["city"]);
        Assert.Equal("boolean", kinds["member"]);
        Assert.Equal("datetime", kinds["joined"]);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public void Run_fits_cart_on_a_query_and_writes_rows_named_after_the_database(string scheme)
    {
        string outDir = sandbox.PathOf("out");
        var result = Synth("run", "--from", $"{scheme}:{Database(scheme)}", "--query", Query, "--model", "cart", "--rows", "40", "--seed", "2", "--out", outDir);
        Assert.True(result.ExitCode == 0, result.Err);
        string csv = Assert.Single(Directory.GetFiles(outDir));
        Assert.Matches(@"people_synthetic_\d{8}_\d{6}\.csv$", csv);
        var synthetic = CsvTable.Read(csv);
        Assert.Equal(40, synthetic.Rows.Count);
        Assert.Equal(["age", "income", "city", "member", "joined"], synthetic.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Evaluate_takes_the_real_table_as_a_query_and_the_synthetic_one_as_its_argument()
    {
        string duck = DuckDb();
        string outDir = sandbox.PathOf("out");
        var run = Synth("run", "--from", $"duckdb:{duck}", "--query", Query, "--model", "cart", "--rows", "60", "--seed", "2", "--out", outDir);
        Assert.True(run.ExitCode == 0, run.Err);
        string synthetic = Assert.Single(Directory.GetFiles(outDir));

        var evaluate = Synth("evaluate", "--from", $"duckdb:{duck}", "--query", Query, synthetic);
        Assert.True(evaluate.ExitCode == 0, evaluate.Err);
        Assert.Contains("Quality", evaluate.Out, StringComparison.OrdinalIgnoreCase);

        var twice = Synth("evaluate", "--from", $"duckdb:{duck}", "--query", Query, synthetic, synthetic);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("give the real table once", twice.Err);

        var none = Synth("evaluate", "--from", $"duckdb:{duck}", "--query", Query);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("needs the synthetic table", none.Err);

        var one = Synth("evaluate", synthetic);
        Assert.Equal(2, one.ExitCode);
        Assert.Contains("needs two tables", one.Err);
    }

    [Fact]
    public void Export_writes_a_query_as_parquet_with_its_types()
    {
        string outDir = sandbox.PathOf("exported");
        var export = Synth("export", "--from", $"sqlite:{Sqlite()}", "--query", Query, "--out", outDir, "--format", "parquet");
        Assert.True(export.ExitCode == 0, export.Err);
        string file = Assert.Single(Directory.GetFiles(outDir));
        Assert.Matches(@"people_synthetic_\d{8}_\d{6}\.parquet$", file);
        var table = ParquetTable.Read(file);
        Assert.Equal(Rows, table.Rows.Count);
        Assert.IsType<Int64DataFrameColumn>(table.Columns["age"]);
        Assert.IsType<BooleanDataFrameColumn>(table.Columns["member"]);
        Assert.IsType<DateTimeDataFrameColumn>(table.Columns["joined"]);
        Assert.Equal(Enumerable.Range(0, Rows).Count(i => i % 7 == 3), table.Columns["income"].NullCount);
    }

    [Fact]
    public void The_database_is_opened_read_only()
    {
        string sqlite = Sqlite();
        var delete = Synth("describe", "--from", $"sqlite:{sqlite}", "--query", "delete from people returning age");
        Assert.Equal(1, delete.ExitCode);
        Assert.Contains("--query", delete.Err);
        Assert.Contains("readonly", delete.Err);
        Assert.Equal(Rows, DatabaseSources.All.Read($"sqlite:{sqlite}", "select * from people").Rows.Count);

        string duck = DuckDb();
        var drop = Synth("describe", "--from", $"duckdb:{duck}", "--query", "drop table people");
        Assert.Equal(1, drop.ExitCode);
        Assert.Contains("--query", drop.Err);
        Assert.Equal(Rows, DatabaseSources.All.Read($"duckdb:{duck}", "select * from people").Rows.Count);
    }

    [Fact]
    public void Mistakes_end_in_one_error_line_naming_the_option()
    {
        string sqlite = Sqlite();
        string duck = DuckDb();

        var unknown = Synth("describe", "--from", $"postgres:{sqlite}", "--query", Query);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'--from'", unknown.Err);
        Assert.Contains("unknown scheme 'postgres'", unknown.Err);
        Assert.Contains("duckdb:FILE, sqlite:FILE", unknown.Err);

        var missing = Synth("describe", "--from", "duckdb:" + sandbox.PathOf("none.duckdb"), "--query", Query);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("'--from'", missing.Err);
        Assert.Contains("no such DuckDB database file", missing.Err);
        Assert.False(File.Exists(sandbox.PathOf("none.duckdb"))); // not created by opening it

        var sqlError = Synth("describe", "--from", $"sqlite:{sqlite}", "--query", "select * from nobody");
        Assert.Equal(1, sqlError.ExitCode);
        Assert.Contains("'--query'", sqlError.Err);
        Assert.Contains("no such table: nobody", sqlError.Err);

        var duckError = Synth("run", "--from", $"duckdb:{duck}", "--query", "select agee from people", "--model", "cart");
        Assert.Equal(1, duckError.ExitCode);
        Assert.Contains("'--query'", duckError.Err);
        Assert.Contains("agee", duckError.Err);

        var empty = Synth("fit", "--from", $"duckdb:{duck}", "--query", "select * from people where age > 1000", "--model", "cart", "--out", sandbox.PathOf("m.synth"));
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("'--query'", empty.Err);
        Assert.Contains("returns no rows", empty.Err);
        Assert.False(File.Exists(sandbox.PathOf("m.synth")));

        var queryAlone = Synth("describe", "--query", Query);
        Assert.Equal(1, queryAlone.ExitCode);
        Assert.Contains("'--query': needs --from", queryAlone.Err);

        var fromAlone = Synth("describe", "--from", $"sqlite:{sqlite}");
        Assert.Equal(1, fromAlone.ExitCode);
        Assert.Contains("'--from': needs --query", fromAlone.Err);

        var both = Synth("describe", sandbox.People(), "--from", $"sqlite:{sqlite}", "--query", Query);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("give the table once", both.Err);

        var sameName = Synth("describe", "--from", $"sqlite:{sqlite}", "--query", "select age, income as age from people");
        Assert.Equal(1, sameName.ExitCode);
        Assert.Contains("returns two columns named 'age'", sameName.Err);

        var noColumns = Synth("describe", "--from", $"sqlite:{sqlite}", "--query", "create temp table scratch (a)");
        Assert.Equal(1, noColumns.ExitCode);
        Assert.Contains("returns no columns", noColumns.Err);

        var asArgument = Synth("describe", $"duckdb:{duck}");
        Assert.Equal(2, asArgument.ExitCode);
        Assert.Contains($"give it as --from duckdb:{duck} with --query", asArgument.Err);

        var notDatabase = Synth("describe", "--from", $"duckdb:{sandbox.People()}", "--query", Query);
        Assert.Equal(1, notDatabase.ExitCode);
        Assert.Contains("'--from'", notDatabase.Err);

        foreach (var result in new[] { unknown, missing, sqlError, duckError, empty, queryAlone, fromAlone, both, sameName, noColumns, asArgument, notDatabase })
            Assert.Single(result.ErrLines);
    }
}
