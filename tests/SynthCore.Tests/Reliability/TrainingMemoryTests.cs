using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers.Neural;
using SynthCore.Resources;
using SynthCore.Transforms;

namespace SynthCore.Tests.Reliability;

/// <summary>High-cardinality columns are refused before training allocates, naming the column.</summary>
public sealed class TrainingMemoryTests
{
    private static DataFrame Table(int rows, int categories)
    {
        var codes = new StringDataFrameColumn("code", Enumerable.Range(0, rows).Select(i => $"k{i % categories}"));
        var amounts = new DoubleDataFrameColumn("amount", Enumerable.Range(0, rows).Select(i => (double)(i % 97)));
        return new DataFrame(codes, amounts);
    }

    [Fact]
    public void The_gan_refuses_a_column_with_a_hundred_thousand_categories_before_encoding_it()
    {
        var table = Table(200_000, 100_000);
        var metadata = TableMetadata.Detect(table);
        Assert.Equal(ColumnKind.Categorical, metadata["code"].Kind);

        var e = Assert.Throws<SynthColumnException>(() => new GanSynthesizer(new GanOptions { Steps = 1 }).Fit(table, metadata));

        Assert.Equal("code", e.Column);
        Assert.Contains("100,000 columns (one per category)", e.Message);
        Assert.Contains("identifier", e.Message);
    }

    [Theory]
    [InlineData("ctgan")]
    [InlineData("tvae")]
    [InlineData("vae")]
    [InlineData("wgan-gp")]
    public void Every_neural_model_refuses_it_by_name_too(string model)
    {
        var table = Table(200_000, 100_000);
        var synthesizer = SynthCore.Registry.SynthesizerRegistry.Default.Create(model, new SynthCore.Synthesizers.SynthesizerSettings { Epochs = 1 });

        var e = Assert.Throws<SynthColumnException>(() => synthesizer.Fit(table, TableMetadata.Detect(table)));

        Assert.Equal("code", e.Column);
        Assert.Contains("one per category", e.Message);
    }

    [Fact]
    public void The_estimate_counts_the_encoded_table_and_four_floats_per_parameter()
    {
        var table = Table(1000, 10);
        var transform = TableTransform.Fit(table, TableMetadata.Detect(table));

        Assert.Equal(11, transform.Width);
        Assert.Equal(1000L * 11 * 4 + 500L * 16, ResourceGuard.TrainingEstimate(1000, transform.Width, 500));
    }

    [Fact]
    public void Many_rows_of_narrow_data_are_refused_as_rows_not_as_a_column()
    {
        var table = Table(1000, 10);
        var transform = TableTransform.Fit(table, TableMetadata.Detect(table));

        using var guard = ResourceGuard.Use(memoryBytes: 1L << 30);
        ResourceGuard.Current.EnsureTrainingFits("gan", 1000, transform.ColumnWidths, 10_000);
        var e = Assert.Throws<SynthException>(() => ResourceGuard.Current.EnsureTrainingFits("gan", 100_000_000, transform.ColumnWidths, 10_000));
        Assert.IsNotType<SynthColumnException>(e);
        Assert.Contains("Fit on a sample of the rows", e.Message);
    }
}
