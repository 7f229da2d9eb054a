using SynthCore.Data;
using SynthCore.Evaluation.Embeddings;
using SynthReports.Charts;

namespace SynthReports.Tests.Charts;

public sealed class EvaluationChartsTests
{
    [Fact]
    public void Numeric_distribution_counts_both_tables_on_the_same_bins()
    {
        object?[] real = [0.0, 0.0, 1.0, 3.0, null];
        object?[] synthetic = [3.0, 3.0];
        string json = EvaluationCharts.Distribution("x", ColumnKind.Continuous, real, synthetic).ToJson();
        // 30 bins over [0, 3]: real has half its values in the first bin, a quarter in the last; synthetic all in the last.
        Assert.Contains("\"y\":[0.5,0,", json);
        Assert.Contains(",0.25]", json);
        Assert.Contains(",1]", json);
        Assert.Contains("\"width\":0.1", json);
    }

    [Fact]
    public void Categorical_distribution_shows_shares_of_each_category()
    {
        object?[] real = ["a", "a", "b", "a"];
        object?[] synthetic = ["b", "c"];
        string json = EvaluationCharts.Distribution("x", ColumnKind.Categorical, real, synthetic).ToJson();
        Assert.Contains("\"x\":[\"a\",\"b\",\"c\"],\"y\":[0.75,0.25,0]", json);
        Assert.Contains("\"x\":[\"a\",\"b\",\"c\"],\"y\":[0,0.5,0.5]", json);
    }

    [Fact]
    public void Heatmap_and_scatter_charts_carry_their_data()
    {
        string heatmap = EvaluationCharts.CorrelationHeatmap("Real", ["a", "b"], [[1.0, 0.5], [0.5, null]]).ToJson();
        Assert.Contains("\"type\":\"heatmap\"", heatmap);
        Assert.Contains("\"z\":[[1,0.5],[0.5,null]]", heatmap);

        var embedding = new TSneEmbedding([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], ["real", "real", "synthetic"], 0.5, TSneMethod.Exact);
        string tsne = EvaluationCharts.TSneScatter(embedding).ToJson();
        Assert.Contains("\"x\":[1,3],\"y\":[2,4]", tsne);
        Assert.Contains("\"x\":[5],\"y\":[6]", tsne);
    }
}
