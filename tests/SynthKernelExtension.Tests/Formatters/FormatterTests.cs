using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Training;
using SynthKernelExtension.Formatters;
using SynthKernelExtension.Notebook;
using SynthTests.Support;

namespace SynthKernelExtension.Tests.Formatters;

public sealed class FormatterTests
{
    public FormatterTests() => SynthFormatters.Register();

    private static string Html(object value) => Formatter.ToDisplayString(value, SynthFormatters.MimeType);

    private static TrainingProgress Progress(int step, int total, double generator, double discriminator, int elapsedSeconds, int? remainingSeconds) =>
        new("train", step, total, new Dictionary<string, double> { ["generator"] = generator, ["discriminator"] = discriminator },
            TimeSpan.FromSeconds(elapsedSeconds), remainingSeconds is int r ? TimeSpan.FromSeconds(r) : null);

    [Fact]
    public void Training_progress_shows_bar_step_losses_times_and_a_loss_chart()
    {
        var view = new TrainingView(Progress(100, 400, 0.7, 1.3, 5, 15));
        view.Add(Progress(200, 400, 0.6512, 1.25, 10, 75));
        string html = Html(view);
        Assert.Contains("<b>Training</b>", html);
        Assert.Contains("<progress max=\"400\" value=\"200\"", html);
        Assert.Contains("step 200 / 400 (50%)", html);
        Assert.Contains("generator loss <b>0.6512</b>", html);
        Assert.Contains("discriminator loss <b>1.2500</b>", html);
        Assert.Contains("elapsed 00:10", html);
        Assert.Contains("remaining 01:15", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("[100,200]", html);
        Assert.Contains("[0.7,0.6512]", html);
        Assert.DoesNotContain("Done:", html);
    }

    [Fact]
    public void A_finished_or_cancelled_fit_shows_a_summary_without_remaining_time()
    {
        var done = new TrainingView(Progress(400, 400, 0.6, 1.2, 65, 0));
        done.Finish(TrainingStatus.Completed);
        string html = Html(done);
        Assert.Contains("Training finished", html);
        Assert.Contains("Done: 400 steps in 01:05.", html);
        Assert.DoesNotContain("remaining", html);

        var cancelled = new TrainingView(Progress(120, 400, 0.6, 1.2, 20, 50));
        cancelled.Finish(TrainingStatus.Cancelled);
        Assert.Contains("Cancelled after 120 of 400 steps (00:20); no model was kept.", Html(cancelled));
    }

    [Fact]
    public void Table_metadata_lists_each_column_with_kind_missing_and_distinct()
    {
        var metadata = new TableMetadata(
        [
            new ColumnMetadata("Usage", ColumnKind.Integer, 2, 8, 6),
            new ColumnMetadata("App <b>", ColumnKind.Categorical, 0, 8, 3, Overridden: true),
        ]);
        string html = Html(metadata);
        Assert.Contains("8 rows, 2 columns", html);
        Assert.Contains("<td>Usage</td><td>integer</td><td>2</td><td>25.0%</td><td>6</td>", html);
        Assert.Contains("<td>App &lt;b&gt;</td><td>categorical (set)</td>", html);
    }

    [Fact]
    public void A_fitted_model_shows_its_name_schema_and_options()
    {
        var table = new DataFrame(new DoubleDataFrameColumn("x", new double[] { 1, 2, 3 }), new StringDataFrameColumn("c", new[] { "a", "b", "a" }));
        var model = ResamplingTestSynthesizer.Registry().Create(ResamplingTestSynthesizer.Name, new SynthesizerSettings())
            .Fit(table, TableMetadata.Detect(table));
        string html = Html(model);
        Assert.Contains("Fitted resample-test model", html);
        Assert.Contains("2 columns, trained on 3 rows", html);
        Assert.Contains("<td>c</td><td>categorical</td>", html);
        Assert.DoesNotContain("<summary>options</summary>", html); // this model exposes no Options

        string gan = HtmlSummaries.FittedModel(new WithOptions(model));
        Assert.Contains("<summary>options</summary>", gan);
        Assert.Contains("<td>LatentDim</td><td>16</td>", gan);
        Assert.Contains("<td>LearningRate</td><td>0.0002</td>", gan);
    }

    [Fact]
    public void A_dp_model_shows_every_released_statistic_with_its_noise()
    {
        var table = new DataFrame(new DoubleDataFrameColumn("x", Enumerable.Range(0, 40).Select(i => (double?)(i % 10))),
            new StringDataFrameColumn("c", Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? "a" : "b")));
        var model = new SynthCore.Synthesizers.Statistical.DpCopula.DpCopulaSynthesizer(new() { Epsilon = 2, Bounds = new Dictionary<string, NumericBounds> { ["x"] = new(0, 10) } })
            .Fit(table, TableMetadata.Detect(table));
        string html = Html(model);
        Assert.Contains("<summary>differential privacy: ε = 2, δ = 0, 3 released statistics</summary>", html);
        // Histograms at ε 0.5 each (b = 2 / 0.5 = 4), the tau at ε 1 (Δ = 4 / 40, b = 0.1).
        Assert.Matches(@"histogram of x\s+laplace\s+0\.5\s+0\s+2\s+b = 4", html);
        Assert.Matches(@"Kendall&#39;s tau of x &#215; c\s+laplace\s+1\s+0\s+0\.1\s+b = 0\.1", html);
    }

    [Fact]
    public void A_DataFrame_preview_shows_shape_types_and_the_first_rows()
    {
        var table = new DataFrame(
            new DoubleDataFrameColumn("n", Enumerable.Range(0, 12).Select(i => i == 1 ? (double?)null : i * 1.5)),
            new PrimitiveDataFrameColumn<DateTime>("d", Enumerable.Range(0, 12).Select(i => new DateTime(2024, 8, 1 + i))));
        string html = Html(table);
        Assert.Contains("12 rows &times; 2 columns (first 10 shown)", html);
        Assert.Contains("<th>n (double)</th><th>d (DateTime)</th>", html);
        Assert.Contains("<tr><td>0</td><td>2024-08-01</td></tr><tr><td></td><td>2024-08-02</td></tr>", html);
        Assert.Contains("<td>13.5</td><td>2024-08-10</td>", html);
        Assert.DoesNotContain("2024-08-11", html);
    }

    [Fact]
    public void A_perturbation_summary_is_shown_as_the_console_prints_it()
    {
        var summary = new SynthCommands.PerturbationSummary("t.csv", 10, 0.1, false, 0, 42,
            [new SynthCore.Anonymization.PerturbedColumn("x<y>", ColumnKind.Continuous, "noise", 1, 1.1, 2, 2.1, 0.2, 1, 0)], "out.csv");
        string html = Html(summary);
        Assert.StartsWith("<div class=\"synth-perturbation\"><pre>", html);
        Assert.Contains("x&lt;y&gt;", html);
        Assert.Contains("Gaussian noise of 0.1 x each numeric column&#39;s std", html);
    }

    [Fact]
    public void Errors_are_one_encoded_message()
    {
        string html = Html(new SynthError("Column 'a<b>': bad."));
        Assert.Contains("<b>synth error</b>: Column &#39;a&lt;b&gt;&#39;: bad.", html);
    }

    [Fact]
    public void Plotly_is_carried_packed_not_from_a_CDN()
    {
        string html = Html(PlotlyLibrary.Instance);
        Assert.StartsWith("<script type=\"text/javascript\" class=\"synth-plotly-js\" data-plotly-version=\"" + PlotlyLibrary.Version, html);
        // The packed library unpacks to the embedded plotly.js.
        string packed = System.Text.RegularExpressions.Regex.Match(html, "var packed = \"([A-Za-z0-9+/=]+)\"").Groups[1].Value;
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(Convert.FromBase64String(packed)), System.IO.Compression.CompressionMode.Decompress);
        string source = new StreamReader(gzip).ReadToEnd();
        Assert.Equal(SynthReports.Charts.PlotlyScript.MinifiedJs, source);
        Assert.Contains("plotly.js v" + PlotlyLibrary.Version, source);
        Assert.True(source.Length > 4_000_000, "the whole minified library");
        Assert.DoesNotContain("src=\"http", html);
    }

    /// <summary>A model with an Options record, as the GAN has.</summary>
    private sealed class WithOptions(IFittedSynthesizer inner) : IFittedSynthesizer
    {
        public SynthCore.Synthesizers.Neural.GanOptions Options { get; } = new() { LatentDim = 16 };
        public string ModelName => inner.ModelName;
        public int Seed => inner.Seed;
        public TableMetadata Metadata => inner.Metadata;
        public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null) => inner.Sample(rows, conditions, seed);
        public void Save(Stream stream) => inner.Save(stream);
    }
}
