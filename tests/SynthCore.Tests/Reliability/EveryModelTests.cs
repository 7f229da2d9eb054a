using Microsoft.Data.Analysis;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Reliability;

/// <summary>
/// Holds every registered model to the same rules: the same seed gives the same rows, across fits
/// and across save / load; another seed gives other rows; a cancelled fit stops; bad row counts
/// and unknown condition columns are refused by name. A new model is covered by registering it.
/// </summary>
public sealed class EveryModelTests
{
    public static TheoryData<string> Models() => ShortFits.Models();

    private static IFittedSynthesizer Fit(string model, int seed, CancellationToken cancellation = default) =>
        ShortFits.Fit(model, seed, cancellation);

    private static string Csv(DataFrame table) => ShortFits.Csv(table);

    [Fact]
    public void The_registry_ships_the_screen_time_gan() => Assert.Contains(SynthesizerRegistry.Default.All, d => d.Name == "gan");

    [Theory]
    [MemberData(nameof(Models))]
    public void Same_seed_same_rows_across_fits_and_save_load(string model)
    {
        var first = Fit(model, seed: 5);
        var second = Fit(model, seed: 5);
        string rows = Csv(first.Sample(40, seed: 9));

        Assert.Equal(rows, Csv(second.Sample(40, seed: 9)));
        Assert.Equal(rows, Csv(first.Sample(40, seed: 9)));
        Assert.NotEqual(rows, Csv(first.Sample(40, seed: 10)));

        using var file = new MemoryStream();
        first.Save(file);
        file.Position = 0;
        var loaded = SynthesizerRegistry.Default.Load(file, first.Metadata);
        Assert.Equal(model, loaded.ModelName, ignoreCase: true);
        Assert.Equal(rows, Csv(loaded.Sample(40, seed: 9)));

        foreach (var m in new[] { first, second, loaded }) (m as IDisposable)?.Dispose();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_model_file_with_damaged_options_is_refused_with_a_clear_error(string model)
    {
        var fitted = Fit(model, seed: 2);
        using var file = new MemoryStream();
        fitted.Save(file);
        (fitted as IDisposable)?.Dispose();
        file.Position = 0;
        var content = SynthCore.Persistence.ModelFile.Read(file);

        // Every option becomes an object, which fits no option's type; the checksum is recomputed, so only the options are wrong.
        var damaged = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, _) in content.Header.Options) damaged[name] = new System.Text.Json.Nodes.JsonObject { ["x"] = 1 };
        using var rewritten = new MemoryStream();
        SynthCore.Persistence.ModelFile.Write(rewritten, content.Header with { Options = damaged }, content.Payload);
        rewritten.Position = 0;

        var e = Assert.ThrowsAny<SynthException>(() => SynthesizerRegistry.Default.Load(rewritten));
        Assert.Contains("options", e.Message);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_cancelled_fit_stops_with_operation_cancelled(string model)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Fit(model, seed: 1, cancelled.Token));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Bad_row_counts_and_unknown_condition_columns_are_refused_by_name(string model)
    {
        var fitted = Fit(model, seed: 1);
        Assert.Equal("rows", Assert.Throws<SynthOptionException>(() => fitted.Sample(0)).Option);
        Assert.Equal("no such column", Assert.Throws<SynthColumnException>(() =>
            fitted.Sample(5, new SampleConditions([new EqualsCondition("no such column", 1.0)]))).Column);
        (fitted as IDisposable)?.Dispose();
    }
}
