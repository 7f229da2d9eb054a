using System.Text;
using SynthCore.Registry;

namespace SynthCli.Tests;

/// <summary>Boolean columns come back in the spelling they were read in, dates in their format, numbers with their fixed decimals, through <c>run</c>, <c>fit</c> + <c>sample</c> and <c>export</c>.</summary>
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

    /// <summary>60 rows: a price with two decimals ("1.50", "2.00"), a ratio with one to three, a count.</summary>
    private string Priced()
    {
        var csv = new StringBuilder("price,ratio,count\n");
        for (int i = 0; i < 60; i++)
            csv.Append(System.FormattableString.Invariant($"{5 + 0.25 * (i % 17) + (i % 4 == 0 ? 0.5 : 0):F2},{(i % 3) switch { 0 => "0.5", 1 => "0.25", _ => "1.125" }},{i % 9}\n"));
        return sandbox.WriteCsv("prices.csv", csv.ToString());
    }

    /// <summary>Every price has two decimals, every count is whole, and the ratio is written as before (shortest round-trip, so some sampled values have many decimals).</summary>
    private static void AssertDecimalsAsRead(string csv)
    {
        var lines = File.ReadAllLines(csv);
        Assert.Equal("price,ratio,count", lines[0]);
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Matches(@"^\d+\.\d{2}$", c[0]));
        Assert.All(cells, c => Assert.Matches(@"^\d+$", c[2]));
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        Assert.All(cells, c => Assert.Equal(double.Parse(c[1], invariant).ToString("R", invariant), c[1]));
        Assert.Contains(cells, c => c[1].Length > "1.125".Length);
    }

    [Fact]
    public void Run_writes_a_fixed_decimals_column_with_its_decimals_and_leaves_a_mixed_one_alone()
    {
        string outDir = sandbox.PathOf("out");
        var run = CliSandbox.Run(SynthesizerRegistry.Default, "run", Priced(), "--model", "copula", "--rows", "80", "--out", outDir);
        Assert.True(run.ExitCode == 0, run.Err);
        AssertDecimalsAsRead(Assert.Single(Directory.GetFiles(outDir)));
    }

    [Fact]
    public void A_saved_model_samples_with_the_decimals_of_its_table()
    {
        string model = sandbox.PathOf("prices.synth");
        var fit = CliSandbox.Run(SynthesizerRegistry.Default, "fit", Priced(), "--model", "copula", "--out", model);
        Assert.True(fit.ExitCode == 0, fit.Err);
        var sample = CliSandbox.Run(SynthesizerRegistry.Default, "sample", model, "--rows", "70", "--out", sandbox.PathOf("s"));
        Assert.True(sample.ExitCode == 0, sample.Err);
        AssertDecimalsAsRead(Assert.Single(Directory.GetFiles(sandbox.PathOf("s"))));
        // A shard streams its rows block by block, a path of its own.
        var shard = CliSandbox.Run(SynthesizerRegistry.Default, "sample", model, "--rows", "70", "--shard", "0/1", "--out", sandbox.PathOf("parts"));
        Assert.True(shard.ExitCode == 0, shard.Err);
        AssertDecimalsAsRead(Assert.Single(Directory.GetFiles(sandbox.PathOf("parts"))));
    }

    [Fact]
    public void Export_writes_fixed_decimals_back_unchanged()
    {
        string input = Priced();
        var export = CliSandbox.Run(SynthesizerRegistry.Default, "export", input, "--out", sandbox.PathOf("e"));
        Assert.True(export.ExitCode == 0, export.Err);
        Assert.Equal(File.ReadAllLines(input), File.ReadAllLines(Assert.Single(Directory.GetFiles(sandbox.PathOf("e")))));
    }
}
