using SynthCore.Data;
using SynthCore.TimeSeries;

namespace SynthCore.Tests.TimeSeries;

public class ArimaTests
{
    private static double[] Simulate(ArimaModel truth, int length, int seed, double[]? anchor = null) =>
        truth.Simulate(length, new Random(seed), anchor);

    private static ArimaModel Truth(ArimaOrder order, double[]? ar = null, double[]? ma = null, double[]? sar = null, double[]? sma = null, double mean = 0, double sigma2 = 1) =>
        new(order, ar ?? [], ma ?? [], sar ?? [], sma ?? [], mean, sigma2, 0, 0, 0);

    [Fact]
    public void Recovers_the_coefficients_of_an_AR2()
    {
        var y = Simulate(Truth(new ArimaOrder(2, 0, 0), ar: [0.5, -0.3], mean: 10), 3000, seed: 1);
        var fit = ArimaEstimation.Fit([y], new ArimaOrder(2, 0, 0));
        Assert.InRange(fit.Ar[0], 0.45, 0.55);
        Assert.InRange(fit.Ar[1], -0.35, -0.25);
        Assert.InRange(fit.Mean, 9.9, 10.1);
        Assert.InRange(fit.Sigma2, 0.92, 1.08);
    }

    [Fact]
    public void Recovers_the_coefficient_of_an_MA1()
    {
        var y = Simulate(Truth(new ArimaOrder(0, 0, 1), ma: [0.6]), 3000, seed: 2);
        var fit = ArimaEstimation.Fit([y], new ArimaOrder(0, 0, 1));
        Assert.InRange(fit.Ma[0], 0.55, 0.65);
    }

    [Fact]
    public void Detects_the_period_and_recovers_a_seasonal_AR()
    {
        var truth = Truth(new ArimaOrder(1, 0, 0, 1, 0, 0, 12), ar: [0.4], sar: [0.7], mean: 5);
        var y = Simulate(truth, 1500, seed: 3);
        var selection = ArimaEstimation.Select([y], new ArimaSearch { MaxP = 1, MaxQ = 1 });
        Assert.Equal(12, selection.Period);
        var best = selection.Best;
        Assert.Equal(new ArimaOrder(1, 0, 0, 1, 0, 0, 12), best.Order);
        Assert.InRange(best.Ar[0], 0.34, 0.46);
        Assert.InRange(best.SeasonalAr[0], 0.64, 0.76);
    }

    [Fact]
    public void Aic_selects_the_true_order_of_an_AR2()
    {
        var y = Simulate(Truth(new ArimaOrder(2, 0, 0), ar: [0.6, -0.3]), 2000, seed: 4);
        var selection = ArimaEstimation.Select([y], new ArimaSearch { Period = 0 });
        Assert.Equal(new ArimaOrder(2, 0, 0), selection.Best.Order);
        Assert.Equal(9, selection.Candidates.Count);
    }

    [Fact]
    public void Differences_a_random_walk_and_recovers_its_ARIMA_110_coefficient()
    {
        var y = Simulate(Truth(new ArimaOrder(1, 1, 0), ar: [0.5]), 2000, seed: 5, anchor: [0.0]);
        var selection = ArimaEstimation.Select([y], new ArimaSearch { Period = 0 });
        Assert.Equal(1, selection.Best.Order.D);
        var fit = ArimaEstimation.Fit([y], new ArimaOrder(1, 1, 0));
        Assert.InRange(fit.Ar[0], 0.44, 0.56);
    }

    [Fact]
    public void Forecast_intervals_cover_at_about_the_nominal_rate()
    {
        var truth = Truth(new ArimaOrder(1, 0, 1), ar: [0.7], ma: [0.3], mean: 2);
        var fit = ArimaEstimation.Fit([Simulate(truth, 2000, seed: 6)], new ArimaOrder(1, 0, 1));
        int covered = 0, total = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var path = Simulate(truth, 210, seed: 1000 + trial);
            var forecast = fit.Forecast(path[..200], 10, 0.9);
            for (int h = 0; h < 10; h++, total++)
                if (path[200 + h] >= forecast.Lower[h] && path[200 + h] <= forecast.Upper[h]) covered++;
            Assert.True(forecast.StandardError[9] > forecast.StandardError[0]);
        }
        Assert.InRange((double)covered / total, 0.86, 0.94);
    }

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
    public void Simulation_reproduces_mean_variance_and_acf()
    {
        var truth = Truth(new ArimaOrder(2, 0, 0), ar: [0.5, 0.2], mean: 3, sigma2: 2);
        var y = Simulate(truth, 4000, seed: 8);
        var fit = ArimaEstimation.Fit([y], new ArimaOrder(2, 0, 0));
        var synthetic = fit.Simulate(20_000, new Random(9));
        Assert.InRange(synthetic.Average() - y.Average(), -0.15, 0.15);
        double Var(double[] x) => MathNet.Numerics.Statistics.Statistics.Variance(x);
        Assert.InRange(Var(synthetic) / Var(y), 0.85, 1.15);
        var acfReal = Correlations.Acf(y, 5);
        var acfSynth = Correlations.Acf(synthetic, 5);
        for (int lag = 1; lag <= 5; lag++) Assert.InRange(acfSynth[lag] - acfReal[lag], -0.06, 0.06);
    }

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
