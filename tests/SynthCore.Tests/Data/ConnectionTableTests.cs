using System.Data;
using Microsoft.Data.Analysis;
using Microsoft.Data.Sqlite;
using SynthCore.Data;

namespace SynthCore.Tests.Data;

/// <summary>
/// A query read through a connection of a provider the library does not know (Microsoft.Data.Sqlite here, as a
/// notebook's own connection): the columns' kinds from the declared types, NULLs kept, the connection left as it was.
/// </summary>
public sealed class ConnectionTableTests : IDisposable
{
    // A named in-memory database lives while one connection to it is open; this one keeps it for the test.
    private readonly string source = $"Data Source=people-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private readonly SqliteConnection keeper;

    public ConnectionTableTests()
    {
        keeper = new SqliteConnection(source);
        keeper.Open();
        using var command = keeper.CreateCommand();
        command.CommandText = """
            create table people (id INTEGER, income REAL, city TEXT, member BOOLEAN, joined DATE, note);
            insert into people values
              (1, 2500.5, 'Oslo', 1, '2024-01-31', 'a'),
              (2, NULL,   'Rome', 0, '2023-06-01', NULL),
              (3, 3100,   NULL,   NULL, NULL,       'c');
            """;
        command.ExecuteNonQuery();
    }

    public void Dispose() => keeper.Dispose();

    [Fact]
    public void Columns_take_their_kinds_from_the_declared_types_and_keep_NULLs()
    {
        using var connection = new SqliteConnection(source);
        var table = ConnectionTable.Read(connection, "conn", "select *, id * 2 as twice, income / 2 as half from people order by id");

        Assert.Equal(3, table.Rows.Count);
        Assert.IsType<Int64DataFrameColumn>(table["id"]);
        Assert.IsType<DoubleDataFrameColumn>(table["income"]);
        Assert.IsType<StringDataFrameColumn>(table["city"]);
        Assert.IsType<BooleanDataFrameColumn>(table["member"]);
        Assert.IsType<DateTimeDataFrameColumn>(table["joined"]);
        Assert.IsType<StringDataFrameColumn>(table["note"]);
        // Expressions have no declared type: their values say (whole numbers stay integers).
        Assert.IsType<Int64DataFrameColumn>(table["twice"]);
        Assert.IsType<DoubleDataFrameColumn>(table["half"]);

        Assert.Equal([1L, 2L, 3L], ((Int64DataFrameColumn)table["id"]).Select(v => v!.Value));
        Assert.Null(table["income"][1]);
        Assert.Equal(3100.0, table["income"][2]);
        Assert.Null(table["city"][2]);
        Assert.Equal(true, table["member"][0]);
        Assert.Equal(false, table["member"][1]);
        Assert.Null(table["member"][2]);
        Assert.Equal(new DateTime(2024, 1, 31), table["joined"][0]);
        Assert.Null(table["joined"][2]);
        Assert.Null(table["note"][1]);
        Assert.Null(table["half"][1]);
        Assert.Equal(4L, table["twice"][1]);
    }

    [Fact]
    public void A_closed_connection_is_closed_again_and_an_open_one_stays_open()
    {
        using var closed = new SqliteConnection(source);
        ConnectionTable.Read(closed, "conn", "select id from people");
        Assert.Equal(ConnectionState.Closed, closed.State);

        ConnectionTable.Read(keeper, "conn", "select id from people");
        Assert.Equal(ConnectionState.Open, keeper.State);
    }

    [Fact]
    public void A_refused_or_empty_query_fails_naming_the_option_and_the_connection()
    {
        using var connection = new SqliteConnection(source);
        var refused = Assert.Throws<SynthOptionException>(() => ConnectionTable.Read(connection, "conn", "select * from nobody"));
        Assert.Equal("--query", refused.Option);
        Assert.Contains("'conn'", refused.Message);
        Assert.Contains("no such table: nobody", refused.Message);
        Assert.Equal(ConnectionState.Closed, connection.State);

        Assert.Equal("--query", Assert.Throws<SynthOptionException>(() => ConnectionTable.Read(connection, "conn", " ")).Option);
        var none = Assert.Throws<SynthOptionException>(() => ConnectionTable.Read(connection, "conn", "select id from people where id > 9"));
        Assert.Contains("returns no rows", none.Message);
    }
}
