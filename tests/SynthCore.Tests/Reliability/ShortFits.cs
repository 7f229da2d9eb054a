using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Reliability;

/// <summary>
/// A short fit of every registered model on a bundled table: the settings the whole-registry tests
/// share (<see cref="EveryModelTests"/>, <see cref="GoldenRowsTests"/>).
/// </summary>
internal static class ShortFits
{
    /// <summary>Models that learn sequences rather than rows, and the table they are tested on.</summary>
    internal static readonly Dictionary<string, string> SequenceModels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["timegan"] = "seattle-weather.csv",
        ["arima"] = "seattle-weather.csv",
        ["ar1"] = "seattle-weather.csv",
        ["block-bootstrap"] = "seattle-weather.csv",
    };

    /// <summary>The sequence models' numeric features of seattle-weather.csv (its text column 'weather' is refused by name).</summary>
    private static Dictionary<string, string> WeatherFeatures(params (string Key, string Value)[] more)
    {
        var extra = new Dictionary<string, string> { ["features"] = "precipitation,temp_max,temp_min,wind" };
        foreach (var (key, value) in more) extra[key] = value;
        return extra;
    }

    /// <summary>Models that take other settings than the short iterative fit below.</summary>
    private static readonly Dictionary<string, Func<int, SynthesizerSettings>> SettingsFor = new(StringComparer.OrdinalIgnoreCase)
    {
        ["timegan"] = seed => new SynthesizerSettings { Seed = seed, Epochs = 2, BatchSize = 20, Extra = WeatherFeatures(("hidden-dim", "4"), ("layers", "2")) },
        // ARIMA is fitted by CSS, not by epochs; a small grid keeps the test short.
        ["arima"] = seed => new SynthesizerSettings { Seed = seed, Extra = WeatherFeatures(("max-p", "1"), ("max-q", "1"), ("period", "0")) },
        ["ar1"] = seed => new SynthesizerSettings { Seed = seed, Extra = WeatherFeatures() },
        ["block-bootstrap"] = seed => new SynthesizerSettings { Seed = seed, Extra = WeatherFeatures() },
        ["cgan"] = seed => new SynthesizerSettings { Seed = seed, Epochs = 2, BatchSize = 20, Extra = new Dictionary<string, string> { ["condition"] = "Species" } },
        // Statistical models are fitted in closed form: epochs and batch size do not apply.
        ["copula"] = seed => new SynthesizerSettings { Seed = seed },
        ["distributions"] = seed => new SynthesizerSettings { Seed = seed, Extra = new Dictionary<string, string> { ["joint"] = "copula" } },
        ["bootstrap"] = seed => new SynthesizerSettings { Seed = seed, Extra = new Dictionary<string, string> { ["smooth"] = "true" } },
        // Not iterative (epochs and batch size do not apply); differential privacy needs every numeric column's bounds.
        ["dp-copula"] = seed => new SynthesizerSettings
        {
            Seed = seed,
            Extra = new Dictionary<string, string>
            {
                ["bounds"] = "Beak Length (mm):30:60;Beak Depth (mm):13:22;Flipper Length (mm):170:235;Body Mass (g):2500:6500",
            },
        },
    };

    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        foreach (var model in SynthesizerRegistry.Default.All) data.Add(model.Name);
        return data;
    }

    internal static (DataFrame Table, TableMetadata Metadata) TableFor(string model) =>
        BundledData.Load(SequenceModels.GetValueOrDefault(model, "penguins.csv"));

    /// <summary>The settings of the short fit of <paramref name="model"/>.</summary>
    public static SynthesizerSettings Settings(string model, int seed) =>
        SettingsFor.TryGetValue(model, out var make) ? make(seed) : new SynthesizerSettings { Seed = seed, Epochs = 2, BatchSize = 20 };

    /// <summary>A short fit: two epochs (or steps) of small batches, enough to exercise every random draw.</summary>
    public static IFittedSynthesizer Fit(string model, int seed, CancellationToken cancellation = default, SynthesizerSettings? settings = null)
    {
        var (table, metadata) = TableFor(model);
        settings ??= Settings(model, seed);
        return SynthesizerRegistry.Default.Create(model, settings).Fit(table, metadata, cancellationToken: cancellation);
    }


    /// <summary>The rows as the CSV writer writes them: what a user compares.</summary>
    public static string Csv(DataFrame table)
    {
        using var dir = new Data.TempDirectory();
        string path = dir.PathOf("rows.csv");
        CsvTable.Write(table, path);
        return File.ReadAllText(path);
    }
}
