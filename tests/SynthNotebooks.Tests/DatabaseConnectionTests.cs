namespace SynthNotebooks.Tests;

/// <summary>
/// <c>#!synth … --from conn --query "select …"</c> in the real C# kernel: the notebook loads a provider itself
/// (Microsoft.Data.Sqlite through <c>#r "nuget:"</c>; the SynthNotebooks package carries none), opens a connection in
/// a C# cell, and the magic reads the query through it, with kinds from the declared types and NULLs kept.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class DatabaseConnectionTests(PackedPackages packages) : IDisposable
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"synth-nb-{Guid.NewGuid():N}.db");

    public void Dispose() => File.Delete(database);

    private static CodeCell Cell(string code) => new(0, "csharp", code, []);

    [Fact]
    public async Task Synth_reads_a_query_through_a_connection_variable_and_names_a_variable_that_is_none()
    {
        Assert.NotNull(packages.Version);
        await using var kernel = new InProcessKernel();
        var load = NotebookDocument.Read(Path.Combine(RepoPaths.Notebooks, RepoPaths.NotebookNames().First())).CodeCells().First();
        Assert.Null((await kernel.RunAsync(load, NotebookRunner.CellTimeout)).Failure);

        var open = await kernel.RunAsync(Cell($$"""
            #r "nuget: Microsoft.Data.Sqlite, 11.0.0"
            using Microsoft.Data.Sqlite;
            var conn = new SqliteConnection("Data Source={{database}};Pooling=False");
            conn.Open();
            using (var create = conn.CreateCommand())
            {
                create.CommandText = "create table people (id INTEGER, income REAL, city TEXT, member BOOLEAN, joined DATE)";
                create.ExecuteNonQuery();
            }
            for (int i = 1; i <= 20; i++)
            {
                using var insert = conn.CreateCommand();
                insert.CommandText = "insert into people values ($id, $income, $city, $member, $joined)";
                insert.Parameters.AddWithValue("$id", i);
                insert.Parameters.AddWithValue("$income", i % 5 == 0 ? DBNull.Value : 1000.0 + 37.5 * i);
                insert.Parameters.AddWithValue("$city", new[] { "Oslo", "Rome", "Lima" }[i % 3]);
                insert.Parameters.AddWithValue("$member", i % 7 == 0 ? DBNull.Value : i % 2);
                insert.Parameters.AddWithValue("$joined", new DateTime(2024, 1, i).ToString("yyyy-MM-dd"));
                insert.ExecuteNonQuery();
            }
            conn.Close();
            var notConnection = 42;
            """), NotebookRunner.CellTimeout);
        Assert.True(open.Failure is null, open.Failure + "\n" + open.Text());

        var described = await kernel.RunAsync(Cell("#!synth describe --from conn --query \"select * from people where id <= 18\""), NotebookRunner.CellTimeout);
        Assert.True(described.Failure is null && described.Errors.Count == 0, described.Failure + "\n" + described.Text());
        string html = described.Text();
        Assert.Contains("<b>conn</b>: 18 rows, 5 columns", html);
        Assert.Contains("<td>member</td><td>boolean</td><td>2</td>", html);   // rows 7 and 14: NULL kept as missing
        Assert.Contains("<td>joined</td><td>datetime</td><td>0</td>", html);
        Assert.Contains("<td>income</td><td>continuous</td><td>3</td>", html); // rows 5, 10, 15
        Assert.Contains("<td>city</td><td>categorical</td>", html);

        var wrong = await kernel.RunAsync(Cell("#!synth describe --from notConnection --query \"select 1\""), NotebookRunner.CellTimeout);
        Assert.NotNull(wrong.Failure);
        Assert.Contains("the variable &#39;notConnection&#39; is a Int32, not a database connection", wrong.Text());
    }
}
