using System.Text;
using SynthCore.Registry;

namespace SynthCli.Tests;

/// <summary>Boolean columns come back in the spelling they were read in, dates in their format, through <c>run</c>, <c>fit</c> + <c>sample</c> and <c>export</c>.</summary>
public sealed class CliSpellingTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static readonly string[] Header = ["default", "smoker", "member", "flag", "age", "opened"];

    /// <summary>40 rows: yes/no, Yes/No, YES/NO, True/False, a number and month-first dates.</summary>
    private string Spelled()
    {
        var csv = new StringBuilder(string.Join(',', Header) + "\n");
        for (int i = 0; i < 40; i++)
            csv.Append($"{(i % 3 == 0 ? "yes" : "no")},{(i % 4 == 0 ? "Yes" : "No")},{(i % 2 == 0 ? "YES" : "NO")},{(i % 5 < 2 ? "True" : "False")},{20 + i},{1 + i % 12}/{1 + (7 * i) % 28}/2024\n");
        return sandbox.WriteCsv("loans.csv", csv.ToString());
    }

    private static void AssertSpelledAsRead(string csv)
    {
        var lines = File.ReadAllLines(csv);
        Assert.Equal(string.Join(',', Header), lines[0]);
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Contains(c[0], new[] { "yes", "no" }));
        Assert.All(cells, c => Assert.Contains(c[1], new[] { "Yes", "No" }));
        Assert.All(cells, c => Assert.Contains(c[2], new[] { "YES", "NO" }));
        Assert.All(cells, c => Assert.Contains(c[3], new[] { "True", "False" }));
        Assert.All(cells, c => Assert.Matches(@"^\d{1,2}/\d{1,2}/2024$", c[5]));
    }

    [Fact]
    public void Run_writes_yes_no_columns_back_as_yes_no_and_dates_as_read()
    {
        string outDir = sandbox.PathOf("out");
        var run = CliSandbox.Run(SynthesizerRegistry.Default, "run", Spelled(), "--model", "copula", "--rows", "60", "--out", outDir);
        Assert.True(run.ExitCode == 0, run.Err);
        AssertSpelledAsRead(Assert.Single(Directory.GetFiles(outDir)));
    }

    [Fact]
    public void A_saved_model_samples_in_the_spelling_of_its_table()
    {
        string model = sandbox.PathOf("loans.synth");
        var fit = CliSandbox.Run(SynthesizerRegistry.Default, "fit", Spelled(), "--model", "cart", "--out", model);
        Assert.True(fit.ExitCode == 0, fit.Err);
        var sample = CliSandbox.Run(SynthesizerRegistry.Default, "sample", model, "--rows", "50", "--out", sandbox.PathOf("s"));
        Assert.True(sample.ExitCode == 0, sample.Err);
        AssertSpelledAsRead(Assert.Single(Directory.GetFiles(sandbox.PathOf("s"))));
    }

    [Fact]
    public void Export_writes_a_csv_back_unchanged()
    {
        string input = Spelled();
        var export = CliSandbox.Run(SynthesizerRegistry.Default, "export", input, "--out", sandbox.PathOf("e"));
        Assert.True(export.ExitCode == 0, export.Err);
        string written = Assert.Single(Directory.GetFiles(sandbox.PathOf("e")));
        Assert.Equal(File.ReadAllLines(input), File.ReadAllLines(written));
    }
}
