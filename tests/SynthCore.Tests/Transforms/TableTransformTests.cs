using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Transforms;

namespace SynthCore.Tests.Transforms;

public class TableTransformTests
{
    private static (DataFrame, TableMetadata) Small()
    {
        var table = new DataFrame(
            new DoubleDataFrameColumn("minutes", [10, 20, 30]),
            new DoubleDataFrameColumn("ratio", [0.5, null, 1.5]),
            new StringDataFrameColumn("app", ["X", "Instagram", null]),
            new DateTimeDataFrameColumn("day", [new DateTime(2024, 8, 1), new DateTime(2024, 8, 11), new DateTime(2024, 8, 21)]),
            new BooleanDataFrameColumn("flag", [true, false, true]));
        return (table, TableMetadata.Detect(table));
    }

    [Fact]
    public void Spans_lay_out_each_column_with_its_activation()
    {
        var (table, metadata) = Small();
        var t = TableTransform.Fit(table, metadata);

        Assert.Equal(
        [
            new OutputSpan("minutes", 0, 1, OutputActivation.Sigmoid),
            new OutputSpan("ratio", 1, 1, OutputActivation.Sigmoid),
            new OutputSpan("ratio", 2, 1, OutputActivation.Sigmoid) { IsMissingIndicator = true },
            new OutputSpan("app", 3, 3, OutputActivation.Softmax),
            new OutputSpan("day", 6, 1, OutputActivation.Sigmoid),
            new OutputSpan("flag", 7, 2, OutputActivation.Softmax),
        ], t.Spans);
        Assert.Equal(9, t.Width);
        // Row 1: minutes 20 → 0.5; ratio missing → mean 1.0 scaled to 0.5, indicator 1; app "Instagram" is the first category; day 0.5; flag false first.
        Assert.Equal([0.5f, 0.5f, 1f, 1f, 0f, 0f, 0.5f, 1f, 0f], t.Transform(table).AsSpan(9, 9).ToArray());
    }

    [Fact]
    public void Out_of_range_outputs_are_clipped_rounded_and_decoded_to_valid_values()
    {
        var (table, metadata) = Small();
        var t = TableTransform.Fit(table, metadata);
        float[] outputs =
        [
            1.7f, -0.4f, 0.2f, 0.9f, 0.8f, 0.3f, 2f, 0.1f, 0.2f,
            -0.3f, 9f, 0.7f, -3f, -1f, -2f, -1f, 0.4f, 0.3f,
            0.26f, 0.74f, 0.4f, 0.2f, 0.1f, 0.7f, 0.52f, 0.6f, 0.6f,
        ];

        var back = t.Reverse(outputs, 3);

        Assert.Equal([30.0, 10.0, 15.0], Column<double?>(back, "minutes"));
        // Row 0's indicator (0.2) says present, so its value is clipped; row 1's (0.7) says missing.
        Assert.Equal([0.5, null, 1.24], Column<double?>(back, "ratio").Select(v => v is null ? v : Math.Round(v.Value, 5)));
        Assert.Equal(new string?[] { "Instagram", "X", null }, Column<string?>(back, "app"));
        Assert.Equal([new DateTime(2024, 8, 21), new DateTime(2024, 8, 1), new DateTime(2024, 8, 11)], Column<DateTime?>(back, "day"));
        // A tie (row 2) goes to the first category, false.
        Assert.Equal([true, false, false], Column<bool?>(back, "flag"));
    }

    [Fact]
    public void Without_clipping_values_extrapolate_but_integers_still_round()
    {
        var (table, metadata) = Small();
        var t = TableTransform.Fit(table, metadata, new TableTransformOptions { ClipToObservedRange = false });
        var outputs = new float[9];
        outputs[0] = 1.7f;
        outputs[3] = 1;
        outputs[7] = 1;
        Assert.Equal(44.0, t.Reverse(outputs, 1).Columns["minutes"][0]);
    }

    [Fact]
    public void Standard_scaling_clips_to_the_observed_range()
    {
        var table = new DataFrame(new DoubleDataFrameColumn("x", [1.0, 2.0, 4.0]));
        var t = TableTransform.Fit(table, TableMetadata.Detect(table, new Dictionary<string, ColumnKind> { ["x"] = ColumnKind.Continuous }),
            new TableTransformOptions { Numeric = NumericScaling.Standard });
        Assert.Equal(OutputActivation.Identity, t.Spans[0].Activation);
        Assert.Equal([4.0, 1.0], Column<double?>(t.Reverse([50f, -50f], 2), "x"));
    }

    [Fact]
    public void Label_encoding_decodes_to_the_nearest_valid_code()
    {
        var table = new DataFrame(new StringDataFrameColumn("c", ["a", "b", "c", null]));
        var t = TableTransform.Fit(table, TableMetadata.Detect(table), new TableTransformOptions { Categorical = CategoricalEncoding.Label });
        Assert.Equal(1, t.Width);
        // Codes a, b, c, missing at 0, 1/3, 2/3, 1.
        Assert.Equal([0f, 1f / 3, 2f / 3, 1f], t.Transform(table));
        Assert.Equal(new string?[] { "a", "a", "b", "c", null, null }, Column<string?>(t.Reverse([-0.5f, 0.1f, 0.2f, 0.6f, 0.9f, 3f], 6), "c"));
    }

    [Fact]
    public void Identifiers_are_regenerated_in_the_original_style()
    {
        var table = new DataFrame(
            new StringDataFrameColumn("user_id", ["user_007", "user_042", "user_100"]),
            new StringDataFrameColumn("uuid", ["0F8FAD5B-D9CB-469F-A165-70867728950E", "7C9E6679-7425-40DE-944B-E07FC1F90AE7", "C9A646D3-9C61-4CB7-BFCD-EE2522C8F633"]),
            new Int64DataFrameColumn("id", [900L, 901L, 903L]),
            new DoubleDataFrameColumn("x", [1.0, 2.0, 3.0]));
        var t = TableTransform.Fit(table, TableMetadata.Detect(table));
        Assert.Equal(1, t.Width);

        var back = t.Reverse(new float[5], 5);

        Assert.Equal(new string?[] { "user_001", "user_002", "user_003", "user_004", "user_005" }, Column<string?>(back, "user_id"));
        var guids = Column<string?>(back, "uuid");
        Assert.All(guids, g => Assert.True(Guid.TryParse(g, out _) && g == g!.ToUpperInvariant()));
        Assert.Equal(5, guids.Distinct().Count());
        Assert.Equal([1L, 2L, 3L, 4L, 5L], Column<long?>(back, "id"));
    }

    [Fact]
    public void Json_round_trip_gives_identical_transform_output()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 40; trial++)
        {
            var (table, metadata) = RandomTables.Create(rng);
            var options = new TableTransformOptions
            {
                Numeric = (NumericScaling)(trial % 2),
                Categorical = (CategoricalEncoding)(trial / 2 % 2),
                ClipToObservedRange = trial % 3 != 0,
            };
            var original = TableTransform.Fit(table, metadata, options);
            string json = original.ToJson().ToJsonString();

            var restored = TableTransform.FromJson(JsonNode.Parse(json)!.AsObject());

            Assert.Equal(json, restored.ToJson().ToJsonString());
            Assert.DoesNotContain("SynthCore", json);
            Assert.Equal(original.Spans, restored.Spans);
            Assert.Equal(options, restored.Options);
            float[] a = original.Transform(table), b = restored.Transform(table);
            Assert.Equal(a, b);
            var noisy = a.Select(v => v + (float)(rng.NextDouble() - 0.5)).ToArray();
            var x = original.Reverse(noisy, (int)table.Rows.Count);
            var y = restored.Reverse(noisy, (int)table.Rows.Count);
            for (int c = 0; c < x.Columns.Count; c++)
                for (int r = 0; r < x.Rows.Count; r++)
                    Assert.Equal(x.Columns[c][r], y.Columns[c][r]);
        }
    }

    [Fact]
    public void Transform_rejects_a_table_with_other_columns()
    {
        var (table, metadata) = Small();
        var t = TableTransform.Fit(table, metadata);

        var missing = table.Clone();
        missing.Columns.Remove("app");
        Assert.Contains("'app'", Assert.Throws<SynthException>(() => t.Transform(missing)).Message);

        var extra = table.Clone();
        extra.Columns.Add(new DoubleDataFrameColumn("bonus", [1.0, 2, 3]));
        Assert.Contains("'bonus'", Assert.Throws<SynthException>(() => t.Transform(extra)).Message);

        var retyped = table.Clone();
        retyped.Columns["minutes"] = new StringDataFrameColumn("minutes", ["10", "20", "30"]);
        Assert.Equal("minutes", Assert.Throws<SynthColumnException>(() => t.Transform(retyped)).Column);
    }

    [Fact]
    public void Transform_rejects_unseen_categories_and_unfitted_missing_values()
    {
        var (table, metadata) = Small();
        var t = TableTransform.Fit(table, metadata);

        var unseen = table.Clone();
        unseen.Columns["app"][1] = "TikTok";
        var e = Assert.Throws<SynthColumnException>(() => t.Transform(unseen));
        Assert.Equal("app", e.Column);
        Assert.Contains("'TikTok'", e.Message);
        Assert.Contains("Instagram, X", e.Message);

        var gap = table.Clone();
        gap.Columns["minutes"][0] = null;
        Assert.Equal("minutes", Assert.Throws<SynthColumnException>(() => t.Transform(gap)).Column);
    }

    [Fact]
    public void Reverse_rejects_wrong_sizes_and_non_finite_outputs()
    {
        var (table, metadata) = Small();
        var t = TableTransform.Fit(table, metadata);
        Assert.Contains("2 rows × 9", Assert.Throws<SynthException>(() => t.Reverse(new float[17], 2)).Message);
        var outputs = new float[9];
        outputs[0] = float.NaN;
        Assert.Contains("'minutes'", Assert.Throws<SynthException>(() => t.Reverse(outputs, 1)).Message);
    }

    [Fact]
    public void Fit_rejects_metadata_of_another_table_and_impossible_kinds()
    {
        var (table, metadata) = Small();
        var other = new DataFrame(new DoubleDataFrameColumn("minutes", [1.0]));
        Assert.Throws<SynthException>(() => TableTransform.Fit(other, metadata));

        var wrongKind = metadata.WithKind("app", ColumnKind.Continuous);
        var e = Assert.Throws<SynthColumnException>(() => TableTransform.Fit(table, wrongKind));
        Assert.Equal("app", e.Column);
        Assert.Contains("'X'", e.Message);
    }

    [Fact]
    public void Fromjson_rejects_foreign_json_and_unknown_types()
    {
        Assert.Throws<SynthException>(() => TableTransform.FromJson(new JsonObject { ["format"] = "other" }));
        var (table, metadata) = Small();
        var json = TableTransform.Fit(table, metadata).ToJson();
        json["columns"]![0]!["type"] = "System.Diagnostics.Process";
        Assert.Contains("unknown type", Assert.Throws<SynthException>(() => TableTransform.FromJson(json)).Message);
    }

    private static T[] Column<T>(DataFrame table, string name) =>
        Enumerable.Range(0, (int)table.Rows.Count).Select(r => (T)table.Columns[name][r]!).ToArray();
}
