using System.Text.Json.Nodes;
using SynthReports.Charts;

namespace SynthReports.Tests.Charts;

public sealed class FigureJsonTests
{
    [Fact]
    public void Writes_plotly_json_with_gaps_for_missing_numbers_and_plotly_dates()
    {
        var trace = new Trace("scatter")
            .Set("x", new object?[] { new DateTime(2024, 3, 1), new DateTime(2024, 3, 1, 12, 30, 15, 250), null })
            .Set("y", new[] { 1.5, double.NaN, double.PositiveInfinity })
            .Set("marker", new Dictionary<string, object> { ["size"] = 5, ["opacity"] = 0.5f });
        var figure = new Figure([trace], new Layout().Set("title", new Dictionary<string, object> { ["text"] = "a" }).Set("width", 300));
        var json = JsonNode.Parse(figure.ToJson())!;
        var data = json["data"]!.AsArray();
        Assert.Equal("scatter", (string)data[0]!["type"]!);
        Assert.Equal(new[] { "2024-03-01 00:00:00", "2024-03-01 12:30:15.25", null }, data[0]!["x"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(1.5, (double)data[0]!["y"]![0]!);
        Assert.Null(data[0]!["y"]![1]);
        Assert.Null(data[0]!["y"]![2]);
        Assert.Equal(0.5, (double)data[0]!["marker"]!["opacity"]!);
        Assert.Equal(300, (int)json["layout"]!["width"]!);
    }

    [Fact]
    public void Text_cannot_end_the_script_element_it_is_drawn_from()
    {
        var figure = new Figure([new Trace("bar").Set("name", "</script><b>&")]);
        string html = FigureHtml.Div(figure);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>"));
        Assert.Equal("</script><b>&", (string)JsonNode.Parse(figure.ToJson())!["data"]![0]!["name"]!);
    }

    [Fact]
    public void Values_plotly_cannot_take_are_refused_by_name()
    {
        var figure = new Figure([new Trace("bar").Set("x", new object())]);
        var error = Assert.Throws<ArgumentException>(() => figure.ToJson());
        Assert.Contains("Object", error.Message);
    }
}
