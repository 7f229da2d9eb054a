using System.Text.Json.Nodes;
using SynthCore.Data;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>--fit-rows N</c> on <c>fit</c> and <c>run</c>: a seeded sample of N rows, said in the text and the JSON.</summary>
public sealed class FitRowsCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-fit-rows-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public FitRowsCommandTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private int Run(params string[] args) => executor.Execute(args, host);

    private string PathIn(string name) => Path.Combine(directory, name);

    [Fact]
    public void Fit_on_a_csv_file_says_the_sample_in_text_and_json_and_is_reproducible()
    {
        string penguins = EvaluateCommandTests.PenguinsPath();
        Assert.Equal(0, Run("fit", penguins, "--model", "copula", "--out", PathIn("a.synth"), "--fit-rows", "100", "--json", PathIn("a.json")));
        Assert.Empty(host.Errors);
        Assert.Contains(host.Lines, l => l.StartsWith("Fitting on a seeded sample of 100 of 344 rows", StringComparison.Ordinal) && l.Contains("--fit-rows 100, seed 42"));
        Assert.Contains(host.Lines, l => l.Contains("fitted in") && l.Contains("on a seeded sample of 100 of 344 rows"));
        var fitRows = JsonNode.Parse(File.ReadAllText(PathIn("a.json")))!["fit_rows"]!;
        Assert.Equal(100, (int)fitRows["sampled_rows"]!);
        Assert.Equal(344, (long)fitRows["total_rows"]!);

        // The same seed fits the same model (its rows at one sampling seed); another seed samples other rows.
        Assert.Equal(0, Run("fit", penguins, "--model", "copula", "--out", PathIn("b.synth"), "--fit-rows", "100"));
        Assert.Equal(0, Run("fit", penguins, "--model", "copula", "--out", PathIn("c.synth"), "--fit-rows", "100", "--seed", "7"));
        Assert.Equal(Rows("a"), Rows("b"));
        Assert.NotEqual(Rows("a"), Rows("c"));
    }

    private string Rows(string model)
    {
        var writer = new StringWriter();
        CsvTable.Write(((SynthCore.Synthesizers.IFittedSynthesizer)host.Stored[model]).Sample(30, seed: 1), writer);
        return writer.ToString();
    }

    [Fact]
    public void Run_on_an_in_memory_table_samples_it_and_says_so()
    {
        host.Tables["penguins"] = CsvTable.Read(EvaluateCommandTests.PenguinsPath());
        Assert.Equal(0, Run("run", "penguins", "--model", "bootstrap", "--rows", "50", "--out", PathIn("out"), "--fit-rows", "200", "--json", PathIn("run.json")));
        Assert.Empty(host.Errors);
        Assert.Contains(host.Lines, l => l.StartsWith("Fitting on a seeded sample of 200 of 344 rows", StringComparison.Ordinal));
        Assert.Equal(200, (int)JsonNode.Parse(File.ReadAllText(PathIn("run.json")))!["fit_rows"]!["sampled_rows"]!);
    }

    [Fact]
    public void Without_fit_rows_the_json_has_no_sample()
    {
        host.Tables["penguins"] = CsvTable.Read(EvaluateCommandTests.PenguinsPath());
        Assert.Equal(0, Run("fit", "penguins", "--model", "copula", "--out", PathIn("m.synth"), "--json", PathIn("m.json")));
        Assert.Null(JsonNode.Parse(File.ReadAllText(PathIn("m.json")))!["fit_rows"]);
        Assert.DoesNotContain(host.Lines, l => l.Contains("sample of"));
    }

    [Fact]
    public void A_category_on_one_row_outside_the_sample_is_still_generated()
    {
        // 3,000 rows; 'Reykjavik' only on row 2,500. A sample of 20 rows (seed 42) lacks it; the row holding it joins the sample.
        string path = PathIn("cities.csv");
        File.WriteAllLines(path, ["city,income", .. Enumerable.Range(0, 3000).Select(r => $"{(r == 2500 ? "Reykjavik" : r % 2 == 0 ? "Paris" : "Lyon")},{100 + r % 50}")]);
        var reservoir = new RowReservoir(20, new SynthCore.RandomStreams(42));
        for (long r = 0; r < 3000; r++) reservoir.Offer();
        Assert.DoesNotContain(2500L, reservoir.Kept());
        Assert.Equal(0, Run("fit", path, "--model", "bootstrap", "--out", PathIn("c.synth"), "--fit-rows", "20", "--into", "cities"));
        Assert.Contains(host.Lines, l => l.StartsWith("Fitting on a seeded sample of 20 of 3,000 rows (+", StringComparison.Ordinal));

        var rows = ((SynthCore.Synthesizers.IFittedSynthesizer)host.Stored["cities"]).Sample(2000, seed: 1);
        Assert.Contains("Reykjavik", rows.Columns["city"].Cast<string>());
    }

    [Fact]
    public void Fit_rows_above_the_table_size_fits_on_all_rows_and_says_so()
    {
        Assert.Equal(0, Run("fit", EvaluateCommandTests.PenguinsPath(), "--model", "copula", "--out", PathIn("all.synth"), "--fit-rows", "1000"));
        Assert.Contains(host.Lines, l => l.StartsWith("Fitting on all 344 rows", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Option '--fit-rows': must be at least 1 row, got 0.", "fit", "0")]
    [InlineData("Option '--fit-rows': must be at least 1 row, got -5.", "run", "-5")]
    [InlineData("Option '--fit-rows': 'many' is not a whole number.", "fit", "many")]
    [InlineData("Option '--fit-rows': '1.5' is not a whole number.", "run", "1.5")]
    public void Bad_values_name_the_option(string message, string command, string value)
    {
        host.Tables["penguins"] = CsvTable.Read(EvaluateCommandTests.PenguinsPath());
        Assert.Equal(ExitCodes.DataOrOptionError, Run(command, "penguins", "--model", "copula", "--out", PathIn("x"), "--fit-rows", value));
        Assert.Contains(message, Assert.Single(host.Errors));
        Assert.False(File.Exists(PathIn("x")) || Directory.Exists(PathIn("x")));
    }
}
