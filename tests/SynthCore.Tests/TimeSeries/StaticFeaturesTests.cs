using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Data.Sequences;
using SynthCore.Synthesizers.Sequential;

namespace SynthCore.Tests.TimeSeries;

public class StaticFeaturesTests
{
    private static (DataFrame, TableMetadata) Patients(string[] ids, string[] sex, double[] age, double[] pulse)
    {
        var table = new DataFrame(new StringDataFrameColumn("patient", ids), new StringDataFrameColumn("sex", sex),
            new DoubleDataFrameColumn("age", age), new DoubleDataFrameColumn("pulse", pulse));
        return (table, TableMetadata.Detect(table, new Dictionary<string, ColumnKind> { ["sex"] = ColumnKind.Categorical }));
    }

    [Fact]
    public void Reads_one_value_per_entity_encodes_one_hot_and_min_max_and_decodes_back()
    {
        var (table, metadata) = Patients(["a", "a", "b", "b", "c", "c"], ["F", "F", "M", "M", "F", "F"], [30, 30, 50, 50, 40, 40], [60, 61, 70, 71, 80, 81]);
        var (encoding, values) = StaticFeatures.Read(table, metadata, "patient", ["sex", "age"]);
        Assert.Equal(3, encoding.Width);
        Assert.Equal(["F", "M"], encoding.Columns[0].Categories);
        Assert.Equal((30.0, 50.0), (encoding.Columns[1].Min, encoding.Columns[1].Max));
        Assert.Equal(["a", "b", "c"], values.Keys.Order());
        Assert.Equal(new object[] { "M", 50.0 }, values["b"]);
        Assert.Equal([0f, 1f, 1f], encoding.Encode(values["b"]));
        Assert.Equal([1f, 0f, 0.5f], encoding.Encode(values["c"]));
        Assert.Equal(new object[] { "F", 40.0 }, encoding.Decode([0.7f, 0.2f, 0.5f]));
        Assert.Equal(new object[] { "M", 50.0 }, encoding.Decode([0.1f, 0.2f, 1.3f]));
    }

    [Fact]
    public void A_value_that_varies_within_an_entity_is_an_error_naming_the_column_and_the_entity()
    {
        var (table, metadata) = Patients(["a", "a", "b", "b"], ["F", "F", "M", "F"], [30, 30, 50, 50], [1, 2, 3, 4]);
        var e = Assert.Throws<SynthColumnException>(() => StaticFeatures.Read(table, metadata, "patient", ["sex"]));
        Assert.Equal("sex", e.Column);
        Assert.Contains("entity 'b'", e.Message);

        (table, metadata) = Patients(["a", "a", "b", "b"], ["F", "F", "M", "M"], [30, 31, 50, 50], [1, 2, 3, 4]);
        e = Assert.Throws<SynthColumnException>(() => StaticFeatures.Read(table, metadata, "patient", ["age"]));
        Assert.Equal("age", e.Column);
        Assert.Contains("entity 'a'", e.Message);
    }

    [Fact]
    public void Bad_requests_name_the_option_or_column()
    {
        var (table, metadata) = Patients(["a", "a"], ["F", "F"], [30, 30], [1, 2]);
        Assert.Equal("static", Assert.Throws<SynthOptionException>(() => StaticFeatures.Read(table, metadata, null, ["sex"])).Option);
        Assert.Equal("static", Assert.Throws<SynthOptionException>(() => StaticFeatures.Read(table, metadata, "patient", [])).Option);
        Assert.Equal("static", Assert.Throws<SynthOptionException>(() => StaticFeatures.Read(table, metadata, "patient", ["sex", "sex"])).Option);
        Assert.Equal("patient", Assert.Throws<SynthColumnException>(() => StaticFeatures.Read(table, metadata, "patient", ["patient"])).Column);
        Assert.Equal("nope", Assert.Throws<SynthColumnException>(() => StaticFeatures.Read(table, metadata, "patient", ["nope"])).Column);

        var withMissing = new DataFrame(new StringDataFrameColumn("patient", ["a", "a"]), new DoubleDataFrameColumn("age", [30.0, null]));
        var e = Assert.Throws<SynthColumnException>(() => StaticFeatures.Read(withMissing, TableMetadata.Detect(withMissing), "patient", ["age"]));
        Assert.Equal("age", e.Column);
    }

    [Fact]
    public void Reading_sequences_without_a_model_refuses_static_rather_than_ignoring_it()
    {
        var e = Assert.Throws<SynthOptionException>(() => SequenceDataOptionsReader.Read(new Dictionary<string, string> { ["static"] = "sex" }));
        Assert.Equal("static", e.Option);
    }

    [Fact]
    public void A_long_table_read_back_takes_its_numeric_columns_as_the_series_and_leaves_text_static_columns_out()
    {
        double[][][] sequences = [[[1.0], [2.0]], [[3.0], [4.0]]];
        var table = SequenceTable.ToLong(sequences, ["pulse"]);
        table.Columns.Add(new StringDataFrameColumn("sex", ["F", "F", "M", "M"]));
        table.Columns.Add(new BooleanDataFrameColumn("smoker", [true, true, false, false]));
        var (back, features) = SequenceTable.FromLong(table);
        Assert.Equal(["pulse"], features);
        Assert.Equal(sequences, back);
        // Named, a text column is still an error naming it.
        Assert.Equal("sex", Assert.Throws<SynthColumnException>(() => SequenceTable.FromLong(table, ["pulse", "sex"])).Column);
    }
}
