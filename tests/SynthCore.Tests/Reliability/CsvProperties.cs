using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Reliability;

/// <summary>Property tests of the CSV reader and writer (FsCheck, fixed seeds).</summary>
public sealed class CsvProperties : IDisposable
{
    public const int RoundTripCases = 300;
    public const int ArbitraryTextCases = 1000;

    private readonly Data.TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    /// <summary>Text built from the characters that trouble CSV: separators, quotes, line breaks, spaces, non-ASCII.</summary>
    private static readonly Gen<string> AwkwardText =
        Gen.Elements("a", "b", "Z", " ", ",", ";", "\"", "\n", "\r\n", "é", "😀", "NA", "-", ".", "true", "null", "\t")
            .NonEmptyListOf().Select(parts => string.Concat(parts));

    private static readonly Gen<double> FiniteNumber =
        Gen.OneOf(
            Gen.Choose(-1000, 1000).Select(i => (double)i),
            ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Get),
            Gen.Elements(0.1, 1e-300, -1e300, 123456789.123456789, -0.0));

    [Fact]
    public void Written_tables_read_back_with_the_same_values()
    {
        var rowsGen =
            from rows in Gen.Choose(1, 25)
            from numbers in Gen.Frequency((4, FiniteNumber.Select(x => (double?)x)), (1, Gen.Constant((double?)null))).ListOf(rows)
            from texts in AwkwardText.OrNull().ListOf(rows)
            select (Numbers: numbers.ToArray(), Texts: texts.ToArray());

        Prop.ForAll(rowsGen.ToArbitrary(), sample =>
        {
            // One plain word per column keeps each column's kind what it was written as (an all-"true" text column would read as booleans).
            var numbers = sample.Numbers.ToArray();
            numbers[0] ??= 1.5;
            var texts = sample.Texts.Select(t => t is null ? null : "w" + t).ToArray();
            texts[0] = "word";
            var table = new DataFrame(new DoubleDataFrameColumn("number", numbers), new StringDataFrameColumn("text, \"quoted\"", texts));
            string path = dir.PathOf($"round-{Guid.NewGuid():N}.csv");

            CsvTable.Write(table, path);
            var back = CsvTable.Read(path);

            Assert.Equal(table.Columns.Select(c => c.Name), back.Columns.Select(c => c.Name));
            Assert.Equal(numbers, ((DoubleDataFrameColumn)back["number"]).ToArray());
            Assert.Equal(texts, ((StringDataFrameColumn)back["text, \"quoted\""]).ToArray());
        }).Check(PropertyChecks.Config(RoundTripCases, seed: 11));
    }

    [Fact]
    public void Any_text_is_read_or_refused_with_a_synth_error_never_a_crash()
    {
        var csvLike =
            from header in Gen.Elements("a,b", "a", "x;y", "\"q\"\"\",b", "", "a,a", "a,,c")
            from body in Gen.Elements("1", "2.5", ",", "\"", "\n", "\r\n", "x", "NA", "", "2024-08-01", "true", "1e400", "inf", " ", "é", "\0")
                .ListOf().Select(parts => string.Concat(parts))
            from bomOrBytes in Gen.Elements(0, 1, 2)
            select (Header: header, Body: body, Prefix: bomOrBytes);

        Prop.ForAll(csvLike.ToArbitrary(), sample =>
        {
            byte[] prefix = sample.Prefix switch { 1 => [0xEF, 0xBB, 0xBF], 2 => [0xC3], _ => [] };
            string path = dir.PathOf($"any-{Guid.NewGuid():N}.csv");
            File.WriteAllBytes(path, [.. prefix, .. Encoding.UTF8.GetBytes(sample.Header + "\n" + sample.Body)]);

            var error = Record.Exception(() =>
            {
                var table = CsvTable.Read(path);
                TableMetadata.Detect(table);
            });
            if (error is not null)
            {
                Assert.IsAssignableFrom<SynthException>(error);
                Assert.DoesNotContain('\n', error.Message);
            }
        }).Check(PropertyChecks.Config(ArbitraryTextCases, seed: 12));
    }
}
