using SynthReports.Charts;

namespace SynthReports.Tests.Charts;

public sealed class LossChartTests
{
    [Fact]
    public void Draws_one_line_per_loss_with_the_page_plotly_and_no_cdn()
    {
        var html = LossChart.ToHtml(
        [
            new LossPoint("train", 100, "generator", 0.75), new LossPoint("train", 100, "discriminator", 1.25),
            new LossPoint("train", 200, "generator", 0.5), new LossPoint("train", 200, "discriminator", 1.5),
        ]);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("\"name\":\"generator\"", html);
        Assert.Contains("\"name\":\"discriminator\"", html);
        Assert.Contains("[100,200]", html);
        Assert.Contains("[0.75,0.5]", html);
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.DoesNotContain("<script src", html);
    }
}
