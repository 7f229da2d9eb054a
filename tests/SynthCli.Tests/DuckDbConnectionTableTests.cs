using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCli.Tests;

/// <summary>
/// A notebook's own DuckDB connection (<c>#!synth … --from conn</c> with DuckDB.NET loaded in the notebook) read through
/// <see cref="ConnectionTable"/>, the path a notebook takes: kinds from DuckDB's types, NULLs kept. This project is
/// the one that carries DuckDB's native library, so the provider runs for real here.
/// </summary>
public sealed class DuckDbConnectionTableTests
{
    [Fact]
    public void A_duckdb_connection_gives_typed_columns_with_the_nulls_kept()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                create table people (id INTEGER, age BIGINT, income DOUBLE, city VARCHAR, member BOOLEAN, joined DATE, seen TIMESTAMP);
                insert into people values
                  (1, 31, 2500.5, 'Oslo', true,  DATE '2024-01-31', TIMESTAMP '2024-02-01 10:30:00'),
                  (2, 45, NULL,   'Rome', false, DATE '2023-06-01', NULL),
                  (3, NULL, 3100, NULL,   NULL,  NULL,              TIMESTAMP '2024-03-05 08:00:00');
                """;
            command.ExecuteNonQuery();
        }

        var table = ConnectionTable.Read(connection, "conn", "select * from people order by id");

        Assert.Equal(3, table.Rows.Count);
        Assert.IsType<Int64DataFrameColumn>(table["age"]);
        Assert.IsType<DoubleDataFrameColumn>(table["income"]);
        Assert.IsType<StringDataFrameColumn>(table["city"]);
        Assert.IsType<BooleanDataFrameColumn>(table["member"]);
        Assert.IsType<DateTimeDataFrameColumn>(table["joined"]);
        Assert.IsType<DateTimeDataFrameColumn>(table["seen"]);
        Assert.Null(table["age"][2]);
        Assert.Null(table["income"][1]);
        Assert.Equal(3100.0, Convert.ToDouble(table["income"][2]));
        Assert.Null(table["city"][2]);
        Assert.Equal(false, table["member"][1]);
        Assert.Null(table["member"][2]);
        Assert.Equal(new DateTime(2024, 1, 31), table["joined"][0]);
        Assert.Null(table["seen"][1]);
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }
}
