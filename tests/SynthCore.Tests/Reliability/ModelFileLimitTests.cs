using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Reliability;

/// <summary>
/// Model files with a valid checksum but lengths or options no fit would write are refused with a
/// clear error before anything is allocated or sampled.
/// </summary>
public sealed class ModelFileLimitTests
{
    private static byte[] Fitted(string model, Dictionary<string, string>? extra = null, int? epochs = null)
    {
        var table = new DataFrame(
            new DoubleDataFrameColumn("x", Enumerable.Range(0, 30).Select(i => (double?)(i % 7))),
            new DoubleDataFrameColumn("y", Enumerable.Range(0, 30).Select(i => (double?)(i * 1.5))),
            new StringDataFrameColumn("c", Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? "a" : "b")));
        var fitted = SynthesizerRegistry.Default.Create(model, new SynthesizerSettings { Epochs = epochs, Extra = extra ?? [] }).Fit(table, TableMetadata.Detect(table));
        using var stream = new MemoryStream();
        fitted.Save(stream);
        return stream.ToArray();
    }

    private static SynthException Load(byte[] file) =>
        Assert.ThrowsAny<SynthException>(() => SynthesizerRegistry.Default.Load(new MemoryStream(file)));

    [Theory]
    [InlineData(int.MaxValue, null, "header length 2,147,483,647 is more than the")]
    [InlineData(-1, null, "header length -1 is negative")]
    [InlineData(null, (long)int.MaxValue, "payload length 2,147,483,647 is more than the")]
    [InlineData(null, -5L, "payload length -5 is negative")]
    [InlineData(null, long.MaxValue, "payload length 9,223,372,036,854,775,807 is more than the")]
    [InlineData(null, 1L, "its payload is 1 bytes, but")]
    public void Lengths_beyond_the_file_or_negative_are_refused(int? header, long? payload, string expected)
    {
        var parts = ModelFileBytes.Parse(Fitted("copula"));
        Assert.NotNull(SynthesizerRegistry.Default.Load(new MemoryStream(parts.ToBytes())));

        Assert.Contains(expected, Load(parts.ToBytes(header, payload)).Message);
    }

    [Theory]
    [InlineData("copula", "marginals", "bogus", "'marginals': must be one of empirical, parametric, got 'bogus'")]
    [InlineData("copula", "joint", "independent", "not ones the 'copula' model accepts")]
    [InlineData("copula", "category_order", "sideways", "'category-order': must be one of association, frequency")]
    [InlineData("distributions", "ranking", "bic", "'rank': must be one of aic, ks")]
    [InlineData("distributions", "marginals", "empirical", "not ones the 'distributions' model accepts")]
    [InlineData("bootstrap", "bandwidth", "-1", "not ones the 'bootstrap' model accepts")]
    [InlineData("bootstrap", "bandwidth", "1e9", "'bandwidth': must be a number from 0.001 to 100")]
    public void Header_options_are_checked_as_on_the_command_line(string model, string option, string value, string expected)
    {
        var parts = ModelFileBytes.Parse(Fitted(model));
        var options = parts.Header["options"]!.AsObject();
        Assert.True(options.ContainsKey(option), $"the header has no option '{option}': {options.ToJsonString()}");
        options[option] = double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out double number) ? number : value;

        Assert.Contains(expected, Load(parts.ToBytes()).Message);
    }

    [Fact]
    public void A_gan_file_made_with_more_threads_than_processors_loads_with_this_machines_count()
    {
        var parts = ModelFileBytes.Parse(Fitted("gan", epochs: 1));
        parts.Header["options"]!["threads"] = 100_000;

        var loaded = (SynthCore.Synthesizers.Neural.FittedGan)SynthesizerRegistry.Default.Load(new MemoryStream(parts.ToBytes()));
        Assert.Equal(Environment.ProcessorCount, loaded.Options.Threads);
        loaded.Dispose();
    }

    [Fact]
    public void A_gan_file_with_no_threads_is_refused_by_the_command_lines_check()
    {
        var parts = ModelFileBytes.Parse(Fitted("gan", epochs: 1));
        parts.Header["options"]!["threads"] = 0;

        Assert.Contains($"Option 'threads': must be 1 to {Environment.ProcessorCount}", Load(parts.ToBytes()).Message);
    }

    [Fact]
    public void A_smoothed_bootstrap_file_still_loads()
    {
        var file = Fitted("bootstrap", new() { ["smooth"] = "true", ["bandwidth"] = "0.37" });
        Assert.NotNull(SynthesizerRegistry.Default.Load(new MemoryStream(file)));
    }

    [Fact]
    public void A_model_file_larger_than_the_free_memory_allows_is_refused()
    {
        var file = Fitted("copula");
        using var guard = SynthCore.Resources.ResourceGuard.Use(memoryBytes: file.Length);

        Assert.Contains("loading it needs about", Load(file).Message);
    }
}
