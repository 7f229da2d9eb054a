using SynthCore.Data;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>run</c> and <c>fit</c> with <c>smote</c> say the k used and, once rows are sampled, their mean interpolation weight.</summary>
public sealed class SmoteSummaryTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-smote-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public SmoteSummaryTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["penguins"] = CsvTable.Read(EvaluateCommandTests.PenguinsPath());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void Run_prints_k_and_the_mean_interpolation_weight_and_fit_prints_k()
    {
        Assert.Equal(0, Run("run", "penguins", "--model", "smote", "--option", "k=4", "--option", "target=Species", "--rows", "600", "--out", directory));
        Assert.Empty(host.Errors);
        Assert.Contains("smote: k = 4 nearest neighbours, within each class of 'Species'; interpolation weight λ ~ U(0, 1)", host.Lines);
        var weight = Assert.Single(host.Lines, l => l.StartsWith("smote: 600 rows interpolated with k = 4, mean interpolation weight λ ", StringComparison.Ordinal));
        // λ ~ U(0, 1): the mean of 600 has standard error 0.012; four of them.
        Assert.InRange(double.Parse(weight.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture), 0.45, 0.55);

        host.Lines.Clear();
        Assert.Equal(0, Run("fit", "penguins", "--model", "smote", "--out", Path.Combine(directory, "s.synth")));
        Assert.Contains("smote: k = 5 nearest neighbours; interpolation weight λ ~ U(0, 1)", host.Lines);
        Assert.DoesNotContain(host.Lines, l => l.Contains("rows interpolated", StringComparison.Ordinal));
    }
}
