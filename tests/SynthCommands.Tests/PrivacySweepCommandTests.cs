using System.Text.Json.Nodes;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>synth privacy-sweep</c>: the DP copula and a DP-SGD model at several ε on penguins, with quality, utility and time per ε; and its mistakes.</summary>
public sealed class PrivacySweepCommandTests : IDisposable
{
    private const string Bounds = "bounds=Beak Length (mm):30:60;Beak Depth (mm):13:22;Flipper Length (mm):170:235;Body Mass (g):2500:6500";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-sweep-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public PrivacySweepCommandTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["penguins"] = SynthCore.Data.CsvTable.Read(EvaluateCommandTests.PenguinsPath());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void Reports_quality_utility_and_time_per_epsilon_as_text_and_json()
    {
        string json = Path.Combine(directory, "sweep.json");
        Assert.Equal(0, Run("privacy-sweep", "penguins", "--epsilons", "0.1,1,10", "--target", "Species", "--option", Bounds, "--json", json));
        Assert.Empty(host.Errors);
        Assert.Contains("Held out 103 of 344 rows (seed 42); dp-copula is fitted at each ε on the other 241.", host.Lines);
        string table = Assert.Single(host.Lines, l => l.StartsWith("dp-copula on 241 training rows, utility of 'Species' on 103 held-out rows"));
        Assert.Contains("TSTR AUC  TRTR AUC  utility", table);
        Assert.Matches(@"\n\s*10\s+10\s+0\.\d{3}\s+0\.\d{3}\s+0\.\d{3}\s+\d+\.\d%", table);

        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("dp-copula", (string)node["model"]!);
        Assert.Equal("roc_auc", (string)node["utility_metric"]!);
        var points = node["points"]!.AsArray();
        Assert.Equal([0.1, 1, 10], points.Select(p => (double)p!["epsilon"]!));
        Assert.All(points, p => Assert.Equal((double)p!["epsilon"]!, (double)p["epsilon_spent"]!, 9));
        Assert.All(points, p => Assert.True((bool)p!["guaranteed"]!));
        Assert.True((double)points[2]!["quality"]! > (double)points[0]!["quality"]!);
        Assert.True((double)points[2]!["utility_percent"]! > (double)points[0]!["utility_percent"]!);

        // Same seed, same sweep; an existing --json is kept unless --force.
        var first = File.ReadAllText(json);
        Assert.Equal(1, Run("privacy-sweep", "penguins", "--epsilons", "0.1,1,10", "--target", "Species", "--option", Bounds, "--json", json));
        Assert.Contains("--force", Assert.Single(host.Errors));
        Assert.Equal(0, Run("privacy-sweep", "penguins", "--epsilons", "0.1,1,10", "--target", "Species", "--option", Bounds, "--json", json, "--force"));
        string Scores(string text) => string.Join(";", JsonNode.Parse(text)!["points"]!.AsArray().Select(p => $"{p!["quality"]}/{p["utility_percent"]}"));
        Assert.Equal(Scores(first), Scores(File.ReadAllText(json)));
    }

    [Theory]
    [InlineData("Option '--epsilons': 'x' is not a number", "--epsilons", "0.1,x", "--target", "Species")]
    [InlineData("Option '--epsilons': every ε must be a positive number", "--epsilons", "0,1", "--target", "Species")]
    [InlineData("Option '--epsilons': names an ε twice", "--epsilons", "1,1", "--target", "Species")]
    [InlineData("Option '--model': 'copula' is not a differentially private model", "--model", "copula", "--epsilons", "1", "--target", "Species")]
    [InlineData("Option '--model': 'cart' is not a differentially private model", "--model", "cart", "--epsilons", "1", "--target", "Species")]
    [InlineData("Option '--option': dp-noise-multiplier is set by --epsilons", "--model", "tvae", "--epsilons", "1", "--target", "Species", "--option", "dp-noise-multiplier=2")]
    [InlineData("Option '--epsilons': ε = 0.01 cannot be reached", "--model", "ctgan", "--epsilons", "1,0.01", "--target", "Species", "--epochs", "1")]
    [InlineData("Option 'pac': must be 1 with dp-noise-multiplier", "--model", "gan", "--epsilons", "1", "--target", "Species", "--option", "pac=4")]
    [InlineData("unknown model 'nope'", "--model", "nope", "--epsilons", "1", "--target", "Species")]
    [InlineData("Option '--target': name the column to predict", "--epsilons", "1")]
    [InlineData("Option '--target': unknown column 'Wings'", "--epsilons", "1", "--target", "Wings")]
    [InlineData("Option '--option': epsilon is set by --epsilons", "--epsilons", "1", "--target", "Species", "--option", "epsilon=2")]
    [InlineData("Option '--holdout-fraction': must be between 0 and 1", "--epsilons", "1", "--target", "Species", "--holdout-fraction", "1")]
    [InlineData("Option 'bounds': column 'Beak Length (mm)' has no bounds", "--epsilons", "1", "--target", "Species", "--option", "bins=10")]
    public void Mistakes_name_the_option_and_exit_with_the_data_or_option_code(string message, params string[] options)
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run(["privacy-sweep", "penguins", .. options]));
        Assert.Contains(message, Assert.Single(host.Errors));
        Assert.DoesNotContain(host.Lines, l => l.StartsWith("dp-copula on"));
    }

    [Fact]
    public void A_dp_sgd_model_is_fitted_at_the_noise_multiplier_that_gives_each_epsilon()
    {
        string json = Path.Combine(directory, "tvae.json");
        Assert.Equal(0, Run("privacy-sweep", "penguins", "--model", "tvae", "--epsilons", "1,10", "--target", "Species", "--epochs", "2",
            "--batch-size", "60", "--option", "hidden-layers=32", "--json", json));
        Assert.Empty(host.Errors);
        Assert.Contains(host.Lines, l => l.StartsWith("tvae trains with DP-SGD: at each ε its noise multiplier σ is the one at which the RDP accountant gives that ε"));
        Assert.Contains(host.Lines, l => l.StartsWith("ε = 1 (σ = "));
        string table = Assert.Single(host.Lines, l => l.StartsWith("tvae on 241 training rows, utility of 'Species' on 103 held-out rows"));
        Assert.Matches(@"\n\s*ε\s+σ\s+ε spent\s+quality", table);
        Assert.Matches(@"\n\s*10\s+\d+\.\d+\s+\d+(\.\d+)?\s+0\.\d{3}\s+", table);

        var points = JsonNode.Parse(File.ReadAllText(json))!["points"]!.AsArray();
        Assert.Equal([1.0, 10], points.Select(p => (double)p!["epsilon"]!));
        // What the fitted model's accountant reports: the ε asked for, at most, and within 0.1% of it.
        Assert.All(points, p => Assert.InRange((double)p!["epsilon_spent"]!, 0.999 * (double)p["epsilon"]!, (double)p["epsilon"]!));
        Assert.All(points, p => Assert.Equal(1e-5, (double)p!["delta_spent"]!));
        Assert.True((double)points[0]!["noise_multiplier"]! > (double)points[1]!["noise_multiplier"]!);
        Assert.All(points, p => Assert.InRange((double)p!["quality"]!, 0, 1));
        Assert.All(points, p => Assert.NotNull(p!["utility_percent"]));
    }

    [Fact]
    public void Epsilons_are_required_by_the_grammar()
    {
        Assert.Equal(ExitCodes.UsageError, Run("privacy-sweep", "penguins", "--target", "Species"));
        Assert.Contains("--epsilons", string.Join("\n", host.Errors));
    }
}
