using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Data.Sequences;
using SynthCore.Evaluation.Sequences;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

/// <summary>
/// A seasonal ARIMA on a random walk with a weekly cycle (issue 21): the samples of an integrated model
/// are not clipped to the observed range, so few sit on its extremes, and as simulations continue the Kalman
/// filter's state after a real anchor, the ACF of the day-to-day differences at lags 1–3 is within 0.1 of the
/// real one. The ACF of the levels is measured too, against what the true process itself gives (<see cref="Oracle"/>).
/// Tolerances from the seed sweep over seeds 1–20 with 1,000 sequences (ranges in the comments; seeds 21–60 hold them too).
/// </summary>
public static class SeasonalArimaChecks
{
    public const string Order = "2,1,2,1,0,1,7";

    /// <summary>365 days of a Gaussian random walk plus a weekly cycle of amplitude 3.</summary>
    public static (DataFrame Table, TableMetadata Metadata) Daily(int seed)
    {
        var random = new Random(seed);
        var values = new double[365];
        double walk = 50;
        for (int t = 0; t < values.Length; t++)
        {
            walk += MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            values[t] = walk + 3 * Math.Sin(2 * Math.PI * t / 7);
        }
        var table = new DataFrame(
            new PrimitiveDataFrameColumn<DateTime>("day", Enumerable.Range(0, values.Length).Select(i => new DateTime(2024, 1, 1).AddDays(i))),
            new DoubleDataFrameColumn("value", values));
        return (table, TableMetadata.Detect(table));
    }

    private static double Sd(double[][] window) => MathNet.Numerics.Statistics.Statistics.PopulationStandardDeviation(window.Select(step => step[0]));

    /// <summary>ACF at lags 1–3 of feature 0, pooled over windows each centred on its own mean.</summary>
    public static double[] WindowAcf(double[][][] windows) =>
        Correlations.Acf(windows.Select(w =>
        {
            double mean = w.Average(step => step[0]);
            return (IReadOnlyList<double>)w.Select(step => step[0] - mean).ToArray();
        }).ToArray(), 3)[1..];

    /// <summary>ACF at lags 1–3 of feature 0's day-to-day differences within each window, pooled over the windows.</summary>
    public static double[] DifferencedAcf(double[][][] windows) =>
        Correlations.Acf(windows.Select(w => (IReadOnlyList<double>)Enumerable.Range(1, w.Length - 1).Select(t => w[t][0] - w[t - 1][0]).ToArray()).ToArray(), 3)[1..];

    private static string Gaps(IEnumerable<double> synthetic, IEnumerable<double> real) =>
        string.Join(" / ", synthetic.Take(3).Zip(real).Select(p => (p.First - p.Second).ToString("F3")));

    /// <summary>
    /// The best a generator continuing real anchors can do: 1,000 windows of the true process (the walk plus the true
    /// weekly cycle) continued from a random real day each. What the model's gaps are measured against.
    /// </summary>
    public static double[][][] Oracle(DataFrame table, int seed)
    {
        var random = new Random(1000 + seed);
        var series = table["value"].Cast<double?>().Select(v => v!.Value).ToArray();
        var windows = new double[1000][][];
        for (int i = 0; i < windows.Length; i++)
        {
            int anchor = random.Next(series.Length);
            double walk = series[anchor] - 3 * Math.Sin(2 * Math.PI * anchor / 7);
            windows[i] = new double[24][];
            for (int t = 0; t < 24; t++)
            {
                walk += MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
                windows[i][t] = [walk + 3 * Math.Sin(2 * Math.PI * (anchor + 1 + t) / 7)];
            }
        }
        return windows;
    }

    public static IReadOnlyList<StatisticalCheck> Measure(int seed, ITestOutputHelper? output = null, string? clip = null)
    {
        var daily = Daily(seed);
        var extra = new Dictionary<string, string> { ["order"] = Order };
        if (clip is not null) extra["clip"] = clip;
        var model = (FittedArima)SynthesizerRegistry.Default.Create("arima", new SynthesizerSettings { Seed = seed, Extra = extra })
            .Fit(daily.Table, daily.Metadata);
        var real = SequenceData.FromTable(daily.Table, daily.Metadata, model.DataOptions).RawWindows();
        var synthetic = model.SampleSequences(1000, seed: 100 + seed);
        var comparison = SequenceComparison.Compare(real, synthetic, model.FeatureNames).Features[0];
        var values = synthetic.SelectMany(s => s.Select(step => step[0])).ToArray();
        double onExtremes = values.Count(v => v == comparison.RealMin || v == comparison.RealMax) / (double)values.Length;
        output?.WriteLine($"{model.Models[0].Order} AIC {model.Models[0].Aic:F1}; on extremes {onExtremes:P1}; sd real {comparison.RealStd:F2} synthetic {comparison.SyntheticStd:F2}; within real {real.Average(w => Sd(w)):F2} synthetic {synthetic.Average(w => Sd(w)):F2}; ACF real {string.Join(" / ", comparison.RealAcf.Take(3).Select(a => a.ToString("F2")))}, synthetic {string.Join(" / ", comparison.SyntheticAcf.Take(3).Select(a => a.ToString("F2")))}");
        var oracle = Oracle(daily.Table, seed);
        var oracleComparison = SequenceComparison.Compare(real, oracle, model.FeatureNames).Features[0];
        output?.WriteLine($"the true process continued from real anchors: ACF minus real, pooled {Gaps(oracleComparison.SyntheticAcf, oracleComparison.RealAcf)}, window-centred {Gaps(WindowAcf(oracle), WindowAcf(real))}, of the differences {Gaps(DifferencedAcf(oracle), DifferencedAcf(real))}");
        var withinReal = WindowAcf(real);
        var withinSynthetic = WindowAcf(synthetic);
        var differencesReal = DifferencedAcf(real);
        var differencesSynthetic = DifferencedAcf(synthetic);
        output?.WriteLine($"model: ACF minus real, pooled {Gaps(comparison.SyntheticAcf, comparison.RealAcf)}, window-centred {Gaps(withinSynthetic, withinReal)}, of the differences {Gaps(differencesSynthetic, differencesReal)}");
        output?.WriteLine(model.Models[0].ToString());
        var checks = new List<StatisticalCheck>
        {
            // With the samples clipped to the observed range (clip=true, the old default) 0.038 at seed 3, 0.58 in the
            // issue's run. seeds 1–20: 0.000 at every seed
            StatisticalCheck.AtMost("share of values on the observed extremes", onExtremes, 0.02),
        };
        // The "within 0.1 at lags 1–3", on the ACF an integrated series has: that of its differences (each
        // window's day-to-day changes). The levels' ACF of a finite walk is not the process's: it depends on how far
        // that one path wandered (below). Before the simulations continued the filter's state (a burn-in from zero
        // lost the weekly cycle): lag 1 −0.527 … −0.393, lag 2 0.075 … 0.251, lag 3 0.543 … 0.652.
        // seeds 1–20: lag 1 −0.043 … −0.011, lag 2 −0.006 … 0.018, lag 3 0.012 … 0.059 (21–60: −0.051 … 0.076)
        for (int lag = 1; lag <= 3; lag++)
            checks.Add(new StatisticalCheck($"lag-{lag} ACF of the differences minus real", differencesSynthetic[lag - 1] - differencesReal[lag - 1], -0.1, 0.1));
        // The levels' ACF pooled over windows centred on the mean of all windows (as SequenceComparison reports it).
        // Not within 0.1, and the true process is not either (Oracle: up to 0.084 / 0.235 / 0.342, seeds 1–20): the real
        // windows are overlapping stretches of one path, while each new window adds its own 24-day walk to a real
        // starting level, so new windows spread wider (seed 8: sd 4.88 against 3.40) and the between-window variance
        // lifts the ACF most for paths that stayed in a narrow band. seeds 1–20: lag 1 0.000 … 0.097,
        // lag 2 0.003 … 0.282, lag 3 0.004 … 0.414 (200 sequences from a burn-in: 0.008 … 0.152, 0.025 … 0.447, 0.038 … 0.655)
        double[] high = [0.15, 0.35, 0.5];
        for (int lag = 1; lag <= 3; lag++)
            checks.Add(new StatisticalCheck($"lag-{lag} autocorrelation minus real", comparison.SyntheticAcf[lag - 1] - comparison.RealAcf[lag - 1], -0.1, high[lag - 1]));
        // The "within 0.1 of the real ACF" for the levels, against the real ACF a correct generator gives on
        // this path: the model's pooled ACF minus the true process's (both continued from real anchors). The gaps above
        // are the path's, shared by both; what is left is the model's own. seeds 1–20: lag 1 −0.002 … 0.015,
        // lag 2 −0.004 … 0.047, lag 3 −0.006 … 0.072 (21–60: −0.017 … 0.019, −0.045 … 0.062, −0.063 … 0.093; with 200
        // sequences and windows the sampling noise of both reached 0.114 at seed 59)
        for (int lag = 1; lag <= 3; lag++)
            checks.Add(new StatisticalCheck($"lag-{lag} autocorrelation minus the true process's", comparison.SyntheticAcf[lag - 1] - oracleComparison.SyntheticAcf[lag - 1], -0.1, 0.1));
        // The levels' ACF with each window centred on its own mean: the level no longer counts, one path's noise
        // still does (the true process: −0.117 … 0.133 at lag 3). The model's windows are a little smoother at some
        // seeds (up to 0.32 at lag 3, seed 18, where the true process gives 0.11; measured with 200) because they trend more: with a
        // seasonal AR near 1 on the differenced series the state's weekly pattern of changes has a mean, a local
        // drift learnt from the recent weeks, and the continuation extrapolates it (rms slope within a window, seed
        // 18: 0.32 against 0.17 real and 0.22 for the true process; the worst seeds are those with the steepest
        // windows). A property of the fitted model, not of the simulation: no anchor in the first 15 days lowers
        // the worst to 0.30 only, a diffuse start state changes nothing. seeds 1–20: lag 1 −0.008 … 0.072, lag 2 −0.018 … 0.221,
        // lag 3 −0.022 … 0.321 (200 sequences from a burn-in: 0.080 … 0.161, 0.362 … 0.561, 0.553 … 0.830)
        double[] withinHigh = [0.12, 0.32, 0.45];
        for (int lag = 1; lag <= 3; lag++)
            checks.Add(new StatisticalCheck($"lag-{lag} window-centred ACF minus real", withinSynthetic[lag - 1] - withinReal[lag - 1], -0.15, withinHigh[lag - 1]));
        return checks;
    }
}

public sealed class SeasonalArimaTests(ITestOutputHelper output)
{
    /// <summary>The seasonal model fitted at seed 5, and its model file.</summary>
    private static (FittedArima Model, MemoryStream File) Saved()
    {
        var daily = SeasonalArimaChecks.Daily(5);
        var model = (FittedArima)SynthesizerRegistry.Default.Create("arima", new SynthesizerSettings
        {
            Seed = 5, Extra = new Dictionary<string, string> { ["order"] = SeasonalArimaChecks.Order },
        }).Fit(daily.Table, daily.Metadata);
        var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        return (model, file);
    }

    [Fact]
    public void A_seasonal_random_walk_is_not_piled_on_its_observed_extremes() => StatisticalCheck.AssertAll(SeasonalArimaChecks.Measure(seed: 3, output));

    [Fact]
    public void A_seasonal_model_file_keeps_the_filtered_states_and_samples_the_same()
    {
        var (model, file) = Saved();
        var loaded = Assert.IsType<FittedArima>(SynthesizerRegistry.Default.Load(file));
        Assert.Equal(model.SampleSequences(20, 9), loaded.SampleSequences(20, 9));
    }

    [Fact]
    public void A_model_file_without_states_samples_from_a_burn_in_and_a_damaged_state_is_refused()
    {
        var (model, file) = Saved();
        var content = SynthCore.Persistence.ModelFile.Read(file);
        var payload = System.Text.Json.Nodes.JsonNode.Parse(content.Payload)!.AsObject();
        string statesKey = payload.Select(p => p.Key).Single(k => k.Equals("states", StringComparison.OrdinalIgnoreCase));

        FittedArima Load(System.Text.Json.Nodes.JsonObject changed)
        {
            using var rewritten = new MemoryStream();
            SynthCore.Persistence.ModelFile.Write(rewritten, content.Header, System.Text.Encoding.UTF8.GetBytes(changed.ToJsonString()));
            rewritten.Position = 0;
            return Assert.IsType<FittedArima>(SynthesizerRegistry.Default.Load(rewritten));
        }

        var withoutStates = (System.Text.Json.Nodes.JsonObject)payload.DeepClone();
        withoutStates.Remove(statesKey);
        var old = Load(withoutStates);
        Assert.NotEqual(model.SampleSequences(5, 9), old.SampleSequences(5, 9));
        Assert.Equal(5, old.SampleSequences(5, 9).Length);

        var damaged = (System.Text.Json.Nodes.JsonObject)payload.DeepClone();
        var state = damaged[statesKey]!.AsArray()[0]!.AsArray()[0]!.AsObject();
        string meanKey = state.Select(p => p.Key).Single(k => k.Equals("mean", StringComparison.OrdinalIgnoreCase));
        state[meanKey]!.AsArray().RemoveAt(0);
        Assert.Contains("inconsistent", Assert.Throws<SynthException>(() => Load(damaged)).Message);
    }

    [Fact]
    public void The_filters_predicted_state_of_an_ar1_is_phi_times_the_last_value()
    {
        double[] w = [0.5, -1.2, 2.0, 0.3, 1.1, -0.4];
        var states = ArimaLikelihood.PredictedStates(w, 0, [1, -0.6], [1], [0, 3, 6])!;
        Assert.Equal(0, states[0][0]);
        Assert.Equal(0.6 * 2.0, states[1][0], 12);
        Assert.Equal(0.6 * -0.4, states[2][0], 12);
        // An ARMA(1,1)'s state covariance factor reproduces the covariance.
        var P = ArimaLikelihood.PredictedCovariances([1, -0.6], [1, 0.4], [2])![0];
        var L = ArmaKalmanFilter.Factor(P);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(P[i, j], L[i, 0] * L[j, 0] + L[i, 1] * L[j, 1], 12);
    }

    [Fact]
    public void Clip_true_still_clips_an_integrated_model()
    {
        var checks = SeasonalArimaChecks.Measure(seed: 3, output, clip: "true");
        Assert.False(checks[0].Holds, checks[0].ToString());
    }
}

/// <summary>The seasonal ARIMA checks at seeds 1–20 (SYNTH_SEED_SWEEP=1-20).</summary>
public sealed class SeasonalArimaSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(seed => SeasonalArimaChecks.Measure(seed, output), output.WriteLine);
}
