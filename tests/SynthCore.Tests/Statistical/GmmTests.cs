using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Statistical;

public sealed class GmmTests(ITestOutputHelper output)
{
    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void BIC_picks_two_components_and_EM_recovers_them()
    {
        var fitted = (FittedGmm)StatTables.Fit("gmm", GmmChecks.TwoClusters(1), new() { ["max-components"] = "5" });
        Assert.Equal(2, fitted.Mixture.Components);
        AssertAll(GmmChecks.Recovery(dataSeed: 1, fitSeed: 7));
    }

    [Fact]
    public void A_category_condition_selects_its_components() => AssertAll(GmmChecks.CategoryCondition(dataSeed: 2, fitSeed: 7, sampleSeed: 1));

    [Fact]
    public void An_exact_value_conditions_the_components_gaussians() => AssertAll(GmmChecks.ExactValue(dataSeed: 3, fitSeed: 7, sampleSeed: 2));

    [Fact]
    public void Missing_numbers_keep_their_rate_and_go_missing_together() => AssertAll(GmmChecks.MissingTogether(fitSeed: 7, sampleSeed: 4));

    [Fact]
    public void Epochs_cap_the_EM_iterations_and_bad_options_are_refused()
    {
        var table = StatTables.Numeric(50, seed: 1);
        var one = SynthesizerRegistry.Default.Create("gmm", new SynthesizerSettings { Epochs = 1 });
        Assert.Equal(1, ((GmmSynthesizer)one).Options.MaxIterations);
        Assert.Equal("max-components", Assert.Throws<SynthOptionException>(() => StatTables.Fit("gmm", table, new() { ["max-components"] = "0" })).Option);
        Assert.Equal("reg-covar", Assert.Throws<SynthOptionException>(() => StatTables.Fit("gmm", table, new() { ["reg-covar"] = "-1" })).Option);
        Assert.Equal("--device", Assert.Throws<SynthOptionException>(() =>
            SynthesizerRegistry.Default.Create("gmm", new SynthesizerSettings { Device = "cuda" })).Option);
    }
}
