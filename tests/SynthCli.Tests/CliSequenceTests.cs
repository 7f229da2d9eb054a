using SynthCore.Data;

namespace SynthCli.Tests;

/// <summary>Sequence models through the CLI on the bundled daily Seattle weather (date column used for ordering).</summary>
public sealed class CliSequenceTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static string SeattleWeather()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln"))) return Path.Combine(dir.FullName, "data", "seattle-weather.csv");
        throw new InvalidOperationException("SynthNotebooks.sln not found above the test binaries.");
    }

    [Fact]
    public void Run_ar1_on_seattle_weather_writes_sequences_without_the_date()
    {
        string outDir = sandbox.PathOf("out");
        var result = CliSandbox.Run(SynthCore.Registry.SynthesizerRegistry.Default,
            "run", SeattleWeather(), "--model", "ar1", "--seq-len", "30", "--rows", "5",
            "--option", "features=temp_max,temp_min,wind", "--score-iterations", "10", "--out", outDir);
        Assert.True(result.ExitCode == 0, result.Err);
        var table = CsvTable.Read(Assert.Single(Directory.GetFiles(outDir)));
        Assert.Equal(["sequence_id", "step", "temp_max", "temp_min", "wind"], table.Columns.Select(c => c.Name));
        Assert.Equal(150, table.Rows.Count);
        Assert.Contains("ACF |diff|", result.Out);
        Assert.Contains("Discriminative score", result.Out);

        // evaluate reads the real table as run did (the window length named by --seq-len) and scores the same way.
        var evaluated = CliSandbox.Run(SynthCore.Registry.SynthesizerRegistry.Default,
            "evaluate", SeattleWeather(), Assert.Single(Directory.GetFiles(outDir)), "--seq-len", "30", "--score-iterations", "10");
        Assert.True(evaluated.ExitCode == 0, evaluated.Err);
        Assert.Contains("Predictive score (train on synthetic, test on real)", evaluated.Out);
        Assert.Contains("Mean correlation of each synthetic series", evaluated.Out);

        var missing = CliSandbox.Run(SynthCore.Registry.SynthesizerRegistry.Default, "evaluate", SeattleWeather(), Assert.Single(Directory.GetFiles(outDir)));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--seq-len", missing.Err);
    }

    [Fact]
    public void A_text_feature_is_named_in_one_error_line()
    {
        var result = CliSandbox.Run(SynthCore.Registry.SynthesizerRegistry.Default,
            "run", SeattleWeather(), "--model", "arima", "--out", sandbox.PathOf("out"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Column 'weather'", result.Err);
        Assert.False(Directory.Exists(sandbox.PathOf("out")) && Directory.GetFiles(sandbox.PathOf("out")).Length > 0);
    }

    [Fact]
    public void Forecast_as_a_process_extends_the_seattle_dates_and_writes_intervals()
    {
        var result = CliProcess.Run(sandbox.Directory, "forecast", SeattleWeather(), "--column", "wind", "--horizon", "7", "--level", "0.8", "--out", "fc");
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal("", result.Err);
        Assert.Contains("'wind', 1,461 values ordered by 'date' (every 1 day)", result.Out);
        Assert.Contains("by css-ml", result.Out);
        Assert.Contains("lower 80%", result.Out);

        string csv = Assert.Single(Directory.GetFiles(sandbox.PathOf("fc")));
        Assert.Matches(@"seattle-weather_forecast_\d{8}_\d{6}\.csv$", csv);
        var table = CsvTable.Read(csv);
        Assert.Equal(["date", "step", "forecast", "lower", "upper"], table.Columns.Select(c => c.Name));
        Assert.Equal(7, table.Rows.Count);
        for (int h = 0; h < 7; h++)
        {
            Assert.Equal(new DateTime(2016, 1, 1).AddDays(h), table.Columns["date"][h]);
            double forecast = (double)table.Columns["forecast"][h]!;
            Assert.InRange(forecast, 0.4, 9.5); // inside the observed range of wind
            Assert.True((double)table.Columns["lower"][h]! < forecast && forecast < (double)table.Columns["upper"][h]!);
        }
    }
}
