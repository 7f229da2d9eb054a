using System.Text.Json.Nodes;
using SynthCore.Evaluation.Scorecards;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>synth compare</c>: several models fitted on one half of penguins, ranked against the other half.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-compare-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public CompareCommandTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["penguins"] = SynthCore.Data.CsvTable.Read(EvaluateCommandTests.PenguinsPath());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void Ranks_every_model_on_each_criterion_and_flags_the_copier_on_privacy()
    {
        string json = Path.Combine(directory, "compare.json");
        Assert.Equal(0, Run("compare", "penguins", "--models", "copula,bootstrap,cart", "--target", "Species", "--json", json));
        Assert.Empty(host.Errors);
        Assert.Contains("Held out 172 of 344 rows (seed 42); each model is fitted on the other 172.", host.Lines);
        var ranking = Assert.Single(host.Shown.OfType<ModelRanking>());
        Assert.Equal(["bootstrap", "cart", "copula"], ranking.Models.Select(m => m.Card.Model).Order());
        Assert.Equal([1, 2, 3], ranking.Models.Select(m => m.Overall));
        // Best first by the mean of the places; every criterion places every model.
        Assert.True(ranking.Models.Zip(ranking.Models.Skip(1)).All(p => p.First.MeanPlace <= p.Second.MeanPlace));
        Assert.All(ranking.Models, m => Assert.Equal(["detection", "privacy", "quality", "time", "utility"], m.Places.Keys.Order()));
        var bootstrap = ranking.Models.Single(m => m.Card.Model == "bootstrap");
        Assert.Equal(1.0, bootstrap.Card.Privacy.ExactCopyRate);
        Assert.Equal(1.0, bootstrap.Card.Privacy.DcrShare);
        Assert.Equal(3, bootstrap.Places["privacy"]);
        Assert.Equal(0.0, bootstrap.Card.PrivacyScore);

        string text = TextRendering.Render(ranking);
        Assert.Contains("Models ranked on penguins (172 rows to fit on, 172 held out; seed 42)", text);
        Assert.Matches(@"bootstrap\s+\d\.\d{3}\s+\d\.\d{3}\s+1\.000\s+100\.0%", text);
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(172, (int)node["holdout_rows"]!);
        var models = node["models"]!.AsArray();
        Assert.Equal(3, models.Count);
        Assert.Equal(1.0, (double)models.Single(m => (string)m!["model"]! == "bootstrap")!["dcr_share"]!);
        Assert.Equal(1, (int)models[0]!["overall"]!);
    }

    [Theory]
    [InlineData("unknown model 'nope'", "--models", "copula,nope")]
    [InlineData("Option '--models': names a model twice", "--models", "copula,copula")]
    [InlineData("Option '--models': 'ar1' is a sequence model", "--models", "ar1")]
    [InlineData("Option '--holdout-fraction': must be between 0 and 1", "--models", "copula", "--holdout-fraction", "0")]
    [InlineData("Option '--target': unknown column 'Wings'", "--models", "copula", "--target", "Wings")]
    public void Mistakes_name_the_option_or_the_model(string message, params string[] options)
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run(["compare", "penguins", .. options]));
        Assert.Contains(message, Assert.Single(host.Errors));
        Assert.Empty(host.Shown.OfType<ModelRanking>());
    }
}
