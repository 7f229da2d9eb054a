using SynthCore.Data;
using SynthCore.Registry;

namespace SynthCli.Tests;

/// <summary><c>synth perturb</c> through the CLI: the file, the per-column summary, and mistakes named on stderr.</summary>
public sealed class CliPerturbTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Perturb_writes_the_noisy_table_once_and_the_same_seed_gives_the_same_file()
    {
        string people = sandbox.People();
        string first = sandbox.PathOf("a.csv"), second = sandbox.PathOf("b.csv");
        var result = CliSandbox.Run(SynthesizerRegistry.Default, "perturb", people, "--out", first, "--seed", "3", "--swap-rate", "0.25");
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Matches(@"income\s+continuous\s+noise", result.Out);
        Assert.Matches(@"city\s+categorical\s+swap", result.Out);
        Assert.Contains($"Wrote 40 rows x 4 columns to {first}", result.Out);
        var table = CsvTable.Read(first);
        var real = CsvTable.Read(people);
        Assert.Equal(real.Columns.Select(c => c.Name), table.Columns.Select(c => c.Name));
        // Ages stay whole numbers and missing incomes stay missing.
        Assert.All(table["age"].Cast<object>(), v => Assert.Equal(Math.Round(Convert.ToDouble(v)), Convert.ToDouble(v)));
        Assert.Equal(real["income"].NullCount, table["income"].NullCount);

        Assert.Equal(0, CliSandbox.Run(SynthesizerRegistry.Default, "perturb", people, "--out", second, "--seed", "3", "--swap-rate", "0.25").ExitCode);
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));

        var again = CliSandbox.Run(SynthesizerRegistry.Default, "perturb", people, "--out", first);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--force", again.Err);
    }

    [Theory]
    [InlineData(1, true, "Option '--scale'", "--scale", "-1")]
    [InlineData(1, true, "Option '--swap-rate'", "--swap-rate", "-0.1")]
    [InlineData(1, true, "Option '--columns': 'city' is categorical", "--columns", "city")]
    [InlineData(2, false, "Option '--out' is required", "--scale", "0.1")]
    public void Mistakes_exit_with_the_usage_codes_and_name_the_option(int code, bool withOut, string message, params string[] options)
    {
        string[] output = withOut ? ["--out", sandbox.PathOf("x.csv")] : [];
        var result = CliSandbox.Run(SynthesizerRegistry.Default, ["perturb", sandbox.People(), .. output, .. options]);
        Assert.Equal(code, result.ExitCode);
        Assert.Contains(message, result.Err);
        Assert.False(File.Exists(sandbox.PathOf("x.csv")));
    }
}
