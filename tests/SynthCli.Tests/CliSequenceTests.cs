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
        var result = CliSandbox.Run(SynthCore.Synthesizers.SynthesizerRegistry.Default,
            "run", SeattleWeather(), "--model", "ar1", "--seq-len", "30", "--rows", "5",
            "--option", "features=temp_max,temp_min,wind", "--out", outDir);
        Assert.True(result.ExitCode == 0, result.Err);
        var table = CsvTable.Read(Assert.Single(Directory.GetFiles(outDir)));
        Assert.Equal(["sequence_id", "step", "temp_max", "temp_min", "wind"], table.Columns.Select(c => c.Name));
        Assert.Equal(150, table.Rows.Count);
        Assert.Contains("ACF |diff|", result.Out);
    }

    [Fact]
    public void A_text_feature_is_named_in_one_error_line()
    {
        var result = CliSandbox.Run(SynthCore.Synthesizers.SynthesizerRegistry.Default,
            "run", SeattleWeather(), "--model", "arima", "--out", sandbox.PathOf("out"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Column 'weather'", result.Err);
        Assert.False(Directory.Exists(sandbox.PathOf("out")) && Directory.GetFiles(sandbox.PathOf("out")).Length > 0);
    }
}
