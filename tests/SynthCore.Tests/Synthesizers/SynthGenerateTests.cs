using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Synthesizers;

/// <summary><c>Synth.Generate</c>: the one-line entry point gives exactly what the steps give.</summary>
public sealed class SynthGenerateTests
{
    [Fact]
    public void Generate_equals_detect_fit_and_sample_with_the_same_seed()
    {
        var (penguins, metadata) = SynthCore.Tests.BundledData.Load("penguins.csv");
        var generated = Synth.Generate(penguins, "copula", 500, seed: 7);

        var stepwise = SynthesizerRegistry.Default.Create("copula", new SynthesizerSettings { Seed = 7 }).Fit(penguins, metadata).Sample(500, seed: 7);
        Assert.Equal(500, generated.Rows.Rows.Count);
        Assert.Equal(penguins.Columns.Select(c => c.Name), generated.Rows.Columns.Select(c => c.Name));
        foreach (var column in penguins.Columns.Select(c => c.Name))
            Assert.Equal(Enumerable.Range(0, 500).Select(i => stepwise.Columns[column][i]), Enumerable.Range(0, 500).Select(i => generated.Rows.Columns[column][i]));
        Assert.Equal("copula", generated.Model.ModelName);
        Assert.StartsWith("500 synthetic rows x 7 columns from a copula model of 7 columns (seed 7;", generated.ToString());
    }

    [Theory]
    [InlineData("ar1")]
    [InlineData("block-bootstrap")]
    public void A_sequence_model_generates_what_its_own_sample_gives(string model)
    {
        var (weather, metadata) = SynthCore.Tests.BundledData.Load("seattle-weather.csv");
        var settings = new SynthesizerSettings { Seed = 3, Extra = new Dictionary<string, string> { ["features"] = "precipitation,temp_max,temp_min,wind", ["seq-len"] = "12" } };
        var generated = Synth.Generate(weather, model, 6, seed: 3, settings);

        var stepwise = SynthesizerRegistry.Default.Create(model, settings).Fit(weather, metadata).Sample(6, seed: 3);
        Assert.Equal(stepwise.Columns.Select(c => c.Name), generated.Rows.Columns.Select(c => c.Name));
        Assert.Equal(6 * 12, generated.Rows.Rows.Count);
        foreach (var column in stepwise.Columns.Select(c => c.Name))
            Assert.Equal(Enumerable.Range(0, 72).Select(i => stepwise.Columns[column][i]), Enumerable.Range(0, 72).Select(i => generated.Rows.Columns[column][i]));
    }

    [Fact]
    public void Bad_requests_name_the_problem()
    {
        var (penguins, _) = SynthCore.Tests.BundledData.Load("penguins.csv");
        Assert.Contains("rows", Assert.Throws<SynthOptionException>(() => Synth.Generate(penguins, "copula", 0)).Message);
        Assert.Contains("nope", Assert.Throws<SynthOptionException>(() => Synth.Generate(penguins, "nope", 10)).Message);
    }
}
