using SynthCore.Synthesizers.Sequential;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

public class ArimaTests(ITestOutputHelper output)
{
    private static double[] Simulate(ArimaModel truth, int length, int seed, double[]? anchor = null) => ArimaChecks.Simulate(truth, length, seed, anchor);

    private static ArimaModel Truth(ArimaOrder order, double[]? ar = null, double[]? ma = null, double[]? sar = null, double[]? sma = null, double mean = 0, double sigma2 = 1) =>
        ArimaChecks.Truth(order, ar, ma, sar, sma, mean, sigma2);

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void Recovers_the_coefficients_of_an_AR2() => AssertAll(ArimaChecks.Ar2(seed: 1));

    [Fact]
    public void Recovers_the_coefficient_of_an_MA1() => AssertAll(ArimaChecks.Ma1(seed: 2));

    [Fact]
    public void Detects_the_period_and_recovers_a_seasonal_AR() => AssertAll(ArimaChecks.SeasonalAr(seed: 3));

    [Fact]
    public void Aic_selects_the_true_order_of_an_AR2() => AssertAll(ArimaChecks.AicOrder(seed: 4));

    [Fact]
    public void Differences_a_random_walk_and_recovers_its_ARIMA_110_coefficient() => AssertAll(ArimaChecks.RandomWalk(seed: 5));

    [Fact]
    public void Forecast_intervals_cover_at_about_the_nominal_rate() => AssertAll(ArimaChecks.ForecastCoverage(fitSeed: 6, pathSeed: 1000));

    [Fact]
    public void Forecasts_of_a_differenced_model_follow_the_level()
    {
        var truth = Truth(new ArimaOrder(0, 1, 0), sigma2: 0.01);
        var y = Simulate(truth, 300, seed: 7, anchor: [100.0]);
        var fit = ArimaEstimation.Fit([y], new ArimaOrder(0, 1, 0));
        var forecast = fit.Forecast(y, 5);
        Assert.All(forecast.Mean, m => Assert.Equal(y[^1], m, 6));
        Assert.Equal(Math.Sqrt(fit.Sigma2 * 5), forecast.StandardError[4], 6);
    }

    [Fact]
    public void Simulation_reproduces_mean_variance_and_acf() => AssertAll(ArimaChecks.Simulation(dataSeed: 8, simulationSeed: 9));

    [Fact]
    public void Same_seed_same_simulation_and_bad_orders_name_the_option()
    {
        var model = Truth(new ArimaOrder(1, 0, 0), ar: [0.5]);
        Assert.Equal(model.Simulate(50, new Random(3)), model.Simulate(50, new Random(3)));
        var e = Assert.Throws<SynthOptionException>(() => ArimaEstimation.Fit([new double[100]], new ArimaOrder(1, 0, 0, 1, 0, 0, 0)));
        Assert.Equal("period", e.Option);
        Assert.Throws<SynthException>(() => ArimaEstimation.Fit([new double[3]], new ArimaOrder(2, 1, 0)));
    }
}
