using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;

namespace SynthCli.Tests;

/// <summary>Parquet through the CLI: a Parquet input run into a Parquet output, shards whose union is the same for any K, and DuckDB reading the shards' folder.</summary>
public sealed class CliParquetTests : IDisposable
{
    private const int Rows = 45_000; // five blocks of 10,000 rows: with K = 8 some shards get none

    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static string Penguins()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln"))) return Path.Combine(dir.FullName, "data", "penguins.csv");
        throw new InvalidOperationException("SynthNotebooks.sln not found above the test binaries.");
    }

    private static CliSandbox.Result Synth(params string[] args) => CliSandbox.Run(SynthesizerRegistry.Default, args);

    private string CopulaModel()
    {
        string model = sandbox.PathOf("penguins.synth");
        var fit = Synth("fit", Penguins(), "--model", "copula", "--out", model);
        Assert.True(fit.ExitCode == 0, fit.Err);
        return model;
    }

    /// <summary>Shards 0..K-1 into a folder of its own; returns the folder.</summary>
    private string Shards(string model, int k, string format = "parquet")
    {
        string folder = sandbox.PathOf($"k{k}-{format}");
        for (int i = 0; i < k; i++)
        {
            var result = Synth("sample", model, "--rows", Rows.ToString(CultureInfo.InvariantCulture), "--seed", "5", "--shard", $"{i}/{k}", "--out", folder, "--format", format);
            Assert.True(result.ExitCode == 0, result.Err);
        }
        Assert.Equal(Enumerable.Range(0, k).Select(i => $"part-{i}-of-{k}.{format}"), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        return folder;
    }

    private static List<string> SortedRows(DataFrame table)
    {
        var rows = new List<string>((int)table.Rows.Count);
        for (long r = 0; r < table.Rows.Count; r++)
            rows.Add(string.Join("|", table.Columns.Select(c => Convert.ToString(c[r], CultureInfo.InvariantCulture) ?? "<null>")));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public void Run_reads_a_parquet_table_and_writes_parquet_with_the_same_columns_and_kinds()
    {
        var export = Synth("export", Penguins(), "--out", sandbox.PathOf("in"), "--name", "penguins", "--format", "parquet");
        Assert.True(export.ExitCode == 0, export.Err);
        string input = Assert.Single(Directory.GetFiles(sandbox.PathOf("in")));
        Assert.EndsWith(".parquet", input);
        var real = ParquetTable.Read(input);
        Assert.Equal(344, real.Rows.Count);

        var run = Synth("run", input, "--model", "copula", "--rows", "300", "--out", sandbox.PathOf("out"), "--name", "penguins", "--format", "parquet");
        Assert.True(run.ExitCode == 0, run.Err);
        string output = Assert.Single(Directory.GetFiles(sandbox.PathOf("out")));
        Assert.Matches(@"penguins_synthetic_\d{8}_\d{6}\.parquet$", output);
        var synthetic = TableFile.Read(output);
        Assert.Equal(300, synthetic.Rows.Count);
        Assert.Equal(real.Columns.Select(c => c.Name), synthetic.Columns.Select(c => c.Name));
        Assert.Equal(TableMetadata.Detect(real).Columns.Select(c => c.Kind), TableMetadata.Detect(synthetic).Columns.Select(c => c.Kind));
        Assert.Equal(TableMetadata.Detect(TableFile.Read(Penguins())).Columns.Select(c => c.Kind), TableMetadata.Detect(real).Columns.Select(c => c.Kind));
    }

    [Fact]
    public void The_union_of_the_shards_is_the_same_rows_for_any_number_of_shards()
    {
        string model = CopulaModel();
        var one = SortedRows(TableFile.Read(Shards(model, 1)));
        Assert.Equal(Rows, one.Count);
        Assert.True(one.Distinct().Count() > Rows / 2, "the blocks must not repeat one another's rows");
        foreach (int k in new[] { 3, 8 })
            Assert.Equal(one, SortedRows(TableFile.Read(Shards(model, k))));

        // The same blocks in CSV: as many rows, from the same streams.
        Assert.Equal(Rows, TableFile.Read(Path.Combine(Shards(model, 1, "csv"), "part-0-of-1.csv")).Rows.Count);
    }

    [Fact]
    public void DuckDB_reads_the_folder_of_shards_as_one_table_with_typed_columns()
    {
        string folder = Shards(CopulaModel(), 3);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        string glob = Path.Combine(folder, "*.parquet").Replace("'", "''");
        command.CommandText = $"select count(*), typeof(any_value(\"Species\")), typeof(any_value(\"Body Mass (g)\")), count(distinct \"Island\") from read_parquet('{glob}')";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(Rows, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        Assert.Equal("VARCHAR", reader.GetString(1));
        Assert.Equal("DOUBLE", reader.GetString(2));
        Assert.Equal(3, Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("3/3", "shards of 3 are numbered 0 to 2")]
    [InlineData("a/b", "is not i/K")]
    [InlineData("0/0", "must be at least 1")]
    [InlineData("-1/2", "is not i/K")]
    public void A_bad_shard_fails_naming_the_option(string shard, string message)
    {
        var result = Synth("sample", CopulaModel(), "--rows", "10", "--shard", shard, "--out", sandbox.PathOf("bad"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--shard", result.Err);
        Assert.Contains(message, result.Err);
        Assert.False(Directory.Exists(sandbox.PathOf("bad")) && Directory.EnumerateFileSystemEntries(sandbox.PathOf("bad")).Any());
    }

    [Fact]
    public void More_than_2_31_rows_are_shared_out_by_shard_and_a_block_is_the_same_rows_in_any_run()
    {
        // 2,147,483,648 rows are 214,749 blocks; shard 5 of 300,000 takes block 5 alone, so the run writes 10,000 rows.
        string model = CopulaModel();
        string big = sandbox.PathOf("big");
        var huge = Synth("sample", model, "--rows", "2147483648", "--seed", "5", "--shard", "5/300000", "--out", big, "--format", "csv");
        Assert.True(huge.ExitCode == 0, huge.Err);
        Assert.Contains("Shard 5 of 300000: 1 of the 214,749 blocks of 10,000 rows", huge.Out);
        // Block 5's rows depend on the seed and 5 only: the same as in a run of 60,000 rows in 6 shards.
        string small = sandbox.PathOf("small");
        var six = Synth("sample", model, "--rows", "60000", "--seed", "5", "--shard", "5/6", "--out", small, "--format", "csv");
        Assert.True(six.ExitCode == 0, six.Err);
        Assert.Equal(File.ReadAllText(Path.Combine(small, "part-5-of-6.csv")), File.ReadAllText(Path.Combine(big, "part-5-of-300000.csv")));
    }

    [Theory]
    [InlineData(new[] { "--rows", "2147483648" }, "2,147,483,648 rows need --shard")]
    [InlineData(new[] { "--rows", "21474836470001", "--shard", "0/1" }, "more than the 21,474,836,470,000 rows a run can have")]
    [InlineData(new[] { "--rows", "99999999999999999999", "--shard", "0/1" }, "is too large: at most 9223372036854775807")]
    [InlineData(new[] { "--rows", "0", "--shard", "0/1" }, "must be greater than 0")]
    public void Rows_a_run_cannot_have_fail_naming_rows(string[] options, string message)
    {
        string folder = sandbox.PathOf("none");
        var result = Synth(["sample", CopulaModel(), .. options, "--out", folder]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--rows", result.Err);
        Assert.Contains(message, result.Err);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_shard_never_replaces_a_part_file()
    {
        string model = CopulaModel();
        string folder = sandbox.PathOf("parts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "part-0-of-2.parquet"), "mine");
        var result = Synth("sample", model, "--rows", "10", "--shard", "0/2", "--out", folder, "--format", "parquet");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already exists", result.Err);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "part-0-of-2.parquet")));
    }

    [Fact]
    public void Perturb_writes_parquet_to_a_file_ending_parquet_and_a_folder_named_like_one_is_refused()
    {
        string output = sandbox.PathOf("noisy.parquet");
        var perturb = Synth("perturb", Penguins(), "--out", output, "--seed", "3");
        Assert.True(perturb.ExitCode == 0, perturb.Err);
        var table = ParquetTable.Read(output);
        Assert.Equal(344, table.Rows.Count);
        Assert.Equal(TableFile.Read(Penguins()).Columns.Select(c => c.Name), table.Columns.Select(c => c.Name));

        var sample = Synth("sample", CopulaModel(), "--rows", "10", "--out", sandbox.PathOf("rows.parquet"));
        Assert.Equal(1, sample.ExitCode);
        Assert.Contains("--out", sample.Err);
        Assert.Contains("--format parquet", sample.Err);
        Assert.False(Directory.Exists(sandbox.PathOf("rows.parquet")));
    }

    [Fact]
    public void Typed_parquet_columns_come_back_with_their_types_and_missing_values()
    {
        string[] cities = ["Oslo", "Lima", "Pune"];
        var start = new DateTime(2024, 3, 1, 8, 30, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 200).ToArray();
        var table = new DataFrame(
            new Int64DataFrameColumn("visits", rows.Select(i => i % 10 == 3 ? (long?)null : i % 7 + i % 3)),
            new Int32DataFrameColumn("floor", rows.Select(i => (int?)(i % 5 - 2))),
            new DoubleDataFrameColumn("score", rows.Select(i => i % 9 == 2 ? (double?)null : Math.Sin(i) * 10)),
            new StringDataFrameColumn("city", rows.Select(i => i % 8 == 5 ? null : cities[i % 3])),
            new BooleanDataFrameColumn("member", rows.Select(i => (bool?)(i % 3 == 0))),
            new DateTimeDataFrameColumn("logged", rows.Select(i => (DateTime?)start.AddHours(i * 5))));
        string input = sandbox.PathOf("typed.parquet");
        using (var writer = ParquetTable.CreateWriter(input))
        {
            writer.Append(table);
            writer.Commit();
        }

        var describe = Synth("describe", input);
        Assert.True(describe.ExitCode == 0, describe.Err);
        var run = Synth("run", input, "--model", "copula", "--rows", "500", "--out", sandbox.PathOf("typed-out"), "--format", "parquet");
        Assert.True(run.ExitCode == 0, run.Err);
        var synthetic = TableFile.Read(Assert.Single(Directory.GetFiles(sandbox.PathOf("typed-out"))));
        Assert.Equal(table.Columns.Select(c => c.DataType), synthetic.Columns.Select(c => c.DataType));
        Assert.Equal(TableMetadata.Detect(table).Columns.Select(c => c.Kind), TableMetadata.Detect(synthetic).Columns.Select(c => c.Kind));
        Assert.True(synthetic.Columns["visits"].NullCount > 0, "missing values are modelled and written as nulls");
    }

    [Fact]
    public void A_parquet_file_duckdb_wrote_reads_with_its_types_nulls_and_time_zones()
    {
        string path = sandbox.PathOf("from-duckdb.parquet");
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                copy (select i::tinyint as tiny, i::integer as int32, (i * 1000000000)::bigint as int64, i / 4 as ratio,
                             (i * 1.25)::decimal(9, 2) as price, 'c' || (i % 3) as label, i % 2 = 0 as even,
                             timestamp '2024-01-01 10:00:00' + to_hours(i) as wall, timestamptz '2024-01-01 10:00:00+00' + to_hours(i) as instant,
                             date '2024-01-01' + i::integer as day, case when i % 4 = 1 then null else i end as gaps
                      from range(1, 9) t(i))
                to '{path.Replace("'", "''")}' (format parquet)
                """;
            command.ExecuteNonQuery();
        }
        var table = TableFile.Read(path);
        Assert.Equal(8, table.Rows.Count);
        Assert.Equal(
            [typeof(sbyte), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(string), typeof(bool), typeof(DateTime), typeof(DateTime), typeof(DateTime), typeof(long)],
            table.Columns.Select(c => c.DataType));
        Assert.Equal(3_000_000_000L, table.Columns["int64"][2]);
        Assert.Equal(3.75m, table.Columns["price"][2]);
        Assert.Equal("c0", table.Columns["label"][2]);
        Assert.Equal(new DateTime(2024, 1, 1, 13, 0, 0), table.Columns["wall"][2]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)table.Columns["instant"][2]).Kind);
        Assert.Equal(new DateTime(2024, 1, 1, 13, 0, 0, DateTimeKind.Utc), table.Columns["instant"][2]);
        Assert.Equal(new DateTime(2024, 1, 4), table.Columns["day"][2]);
        Assert.Equal(2, table.Columns["gaps"].NullCount);
        Assert.Equal(ColumnKind.Datetime, TableMetadata.Detect(table)["day"].Kind);
    }
}
