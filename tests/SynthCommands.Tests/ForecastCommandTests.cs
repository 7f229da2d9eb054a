using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers.Sequential;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>synth forecast</c> on an in-memory host: the CSV, the time axis, the printed table, --into, and errors naming the option.</summary>
public sealed class ForecastCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-forecast-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);
    private readonly double[] values;

    public ForecastCommandTests()
    {
        Directory.CreateDirectory(directory);
        (host.Tables["daily"], values) = ShuffledDailySeries.Create();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private int Run(params string[] args) => executor.Execute(args, host);

    private string[] Csvs() => Directory.Exists(Path.Combine(directory, "out")) ? Directory.GetFiles(Path.Combine(directory, "out"), "*.csv") : [];

    [Fact]
    public void Writes_time_step_forecast_lower_upper_extending_the_dates_by_a_day()
    {
        string json = Path.Combine(directory, "f.json");
        int code = Run("forecast", "daily", "--column", "value", "--horizon", "15", "--level", "0.9", "--order", "1,0,0",
            "--out", Path.Combine(directory, "out"), "--json", json);
        Assert.True(code == 0, string.Join("\n", host.Errors));

        string csv = Assert.Single(Csvs());
        Assert.Matches(@"daily_forecast_\d{8}_\d{6}\.csv$", csv);
        var table = CsvTable.Read(csv);
        Assert.Equal(["date", "step", "forecast", "lower", "upper"], table.Columns.Select(c => c.Name));
        Assert.Equal(15, table.Rows.Count);
        Assert.Equal(new DateTime(2024, 1, 1).AddDays(300), table.Columns["date"][0]);
        Assert.Equal(new DateTime(2024, 1, 1).AddDays(314), table.Columns["date"][14]);

        // The forecast is the fitted AR(1)'s: μ + φ^h (y_n − μ), intervals widening towards the stationary ones.
        var summary = Assert.IsType<ForecastSummary>(host.Shown.Single(s => s is ForecastSummary));
        var model = summary.Result.Model;
        Assert.Equal(new ArimaOrder(1, 0, 0), model.Order);
        Assert.Equal(ArimaMethod.CssMl, model.Method);
        Assert.InRange(model.Ar[0], 0.5, 0.7);  // the sample lag-1 autocorrelation of this draw is 0.594
        for (int h = 0; h < 15; h++)
        {
            double expected = model.Mean + Math.Pow(model.Ar[0], h + 1) * (values[^1] - model.Mean);
            Assert.Equal(expected, (double)table.Columns["forecast"][h], 9);
            Assert.True((double)table.Columns["lower"][h] < expected && expected < (double)table.Columns["upper"][h]);
        }
        double width(int h) => (double)table.Columns["upper"][h] - (double)table.Columns["lower"][h];
        Assert.True(width(14) > width(0));
        Assert.Equal(2 * 1.6448536 * Math.Sqrt(model.Sigma2), width(0), 4);

        // Stored for a notebook under <name>_forecast; a short table printed.
        Assert.Same(summary.Result.Table, host.Stored["daily_forecast"]);
        string output = host.Output;
        Assert.Contains("ARIMA(1,0,0) by css-ml", output);
        Assert.Contains("lower 90%", output);
        Assert.Contains("2024-10-27", output);
        Assert.Contains("(3 more rows in the CSV)", output);

        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(csv, (string)node["output_csv"]!);
        Assert.Equal("css-ml", (string)node["method"]!);
        Assert.Equal("1 day", (string)node["spacing"]!);
        Assert.Equal(300, (int)node["observations"]!);
        Assert.Equal(model.Aic, (double)node["aic"]!, 9);
    }

    [Fact]
    public void Monthly_dates_are_extended_by_calendar_months_and_never_overwritten()
    {
        var random = new Random(7);
        host.Tables["monthly"] = new DataFrame(
            new DateTimeDataFrameColumn("month", Enumerable.Range(0, 60).Select(i => (DateTime?)new DateTime(2019, 1, 31).AddMonths(i).AddDays(0))
                .Select(d => (DateTime?)new DateTime(d!.Value.Year, d.Value.Month, DateTime.DaysInMonth(d.Value.Year, d.Value.Month)))),
            new DoubleDataFrameColumn("sales", Enumerable.Range(0, 60).Select(i => 100 + 10 * Math.Sin(i) + random.NextDouble())));
        string[] args = ["forecast", "monthly", "--column", "sales", "--horizon", "3", "--order", "1,0,0", "--method", "css", "--out", Path.Combine(directory, "out"), "--into", "next"];
        Assert.Equal(0, Run(args));
        Assert.Equal(0, Run(args));
        Assert.Equal(2, Csvs().Length);
        var table = Assert.IsType<DataFrame>(host.Stored["next"]);
        Assert.Equal([new DateTime(2024, 1, 31), new DateTime(2024, 2, 29), new DateTime(2024, 3, 31)], Enumerable.Range(0, 3).Select(i => table.Columns["month"][i]));
        Assert.Equal(ArimaMethod.Css, host.Shown.OfType<ForecastSummary>().First().Result.Model.Method);
    }

    [Fact]
    public void A_numeric_time_column_is_extended_by_its_step_and_without_one_rows_keep_their_order()
    {
        host.Tables["yearly"] = new DataFrame(
            new Int32DataFrameColumn("year", Enumerable.Range(0, 40).Select(i => 1980 + 2 * i)),
            new DoubleDataFrameColumn("level", values.Take(40)));
        Assert.Equal(0, Run("forecast", "yearly", "--column", "level", "--time", "year", "--horizon", "2", "--order", "0,1,0", "--out", Path.Combine(directory, "out"), "--into", "years"));
        var table = (DataFrame)host.Stored["years"];
        Assert.Equal([2060.0, 2062.0], new[] { table.Columns["year"][0], table.Columns["year"][1] });
        // A random walk's forecast is the last value.
        Assert.Equal(values[39], (double)table.Columns["forecast"][1], 9);

        host.Tables["plain"] = new DataFrame(new DoubleDataFrameColumn("x", values.Take(100)));
        Assert.Equal(0, Run("forecast", "plain", "--column", "x", "--horizon", "4", "--period", "0", "--out", Path.Combine(directory, "out"), "--into", "plain_f"));
        Assert.Equal(["step", "forecast", "lower", "upper"], ((DataFrame)host.Stored["plain_f"]).Columns.Select(c => c.Name));
        Assert.Contains("in row order", host.Output);
    }

    [Theory]
    [InlineData("--column", "--column", "nope", "--horizon", "3")]
    [InlineData("--column", "--column", "label", "--horizon", "3")]
    [InlineData("--horizon", "--column", "value", "--horizon", "0")]
    [InlineData("--horizon", "--column", "value", "--horizon", "soon")]
    [InlineData("--level", "--column", "value", "--horizon", "3", "--level", "1.5")]
    [InlineData("--order", "--column", "value", "--horizon", "3", "--order", "1,0")]
    [InlineData("--order", "--column", "value", "--horizon", "3", "--order", "1,x,0")]
    [InlineData("--order", "--column", "value", "--horizon", "3", "--order", "1,3,0")]
    [InlineData("--seasonal", "--column", "value", "--horizon", "3", "--seasonal", "1,0,0,12")]
    [InlineData("--seasonal", "--column", "value", "--horizon", "3", "--order", "1,0,0", "--seasonal", "1,0,0,1")]
    [InlineData("--period", "--column", "value", "--horizon", "3", "--order", "1,0,0", "--period", "7")]
    [InlineData("--period", "--column", "value", "--horizon", "3", "--period", "1")]
    [InlineData("--method", "--column", "value", "--horizon", "3", "--method", "exact")]
    [InlineData("--time", "--column", "value", "--horizon", "3", "--time", "when")]
    [InlineData("--into", "--column", "value", "--horizon", "3", "--into", "2x")]
    public void Bad_options_are_one_error_naming_the_option_and_write_nothing(string option, params string[] args)
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run(["forecast", "daily", .. args, "--out", Path.Combine(directory, "out")]));
        Assert.Contains(option, Assert.Single(host.Errors));
        Assert.Empty(Csvs());
        Assert.Empty(host.Stored);
    }

    [Fact]
    public void Uneven_timestamps_and_missing_values_name_the_column()
    {
        host.Tables["gaps"] = new DataFrame(
            new DateTimeDataFrameColumn("day", Enumerable.Range(0, 50).Select(i => (DateTime?)new DateTime(2024, 1, 1).AddDays(i < 30 ? i : i + 1))),
            new DoubleDataFrameColumn("v", values.Take(50)),
            new DoubleDataFrameColumn("holes", values.Take(50).Select((v, i) => i == 7 ? (double?)null : v)));
        Assert.Equal(1, Run("forecast", "gaps", "--column", "v", "--horizon", "3", "--out", Path.Combine(directory, "out")));
        Assert.Contains("Column 'day'", Assert.Single(host.Errors));
        Assert.Contains("unevenly spaced", host.Errors[0]);
        host.Errors.Clear();
        Assert.Equal(1, Run("forecast", "gaps", "--column", "holes", "--horizon", "3", "--out", Path.Combine(directory, "out")));
        Assert.Contains("Column 'holes'", Assert.Single(host.Errors));
        Assert.Empty(Csvs());
    }
}
