using System.Text.Json;
using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Evaluation;

/// <summary>
/// A real/synthetic pair from shared/fixtures/sdmetrics with what SDMetrics 0.12.1 computed for it
/// (read in place, never copied into the repository).
/// </summary>
internal sealed class SdMetricsFixture
{
    private static readonly Dictionary<string, string[]> CategoricalColumns = new()
    {
        ["screentime"] = ["App"],
        ["penguins"] = ["Species", "Island", "Sex"],
    };

    private SdMetricsFixture(string name)
    {
        var folder = Path.Combine(FixturesRoot(), "sdmetrics", name);
        Real = CsvTable.Read(Path.Combine(folder, "real.csv"));
        Synthetic = CsvTable.Read(Path.Combine(folder, "synthetic.csv"));
        // The kinds SDMetrics was given: the listed columns categorical, every other one numerical.
        var kinds = Real.Columns.ToDictionary(c => c.Name,
            c => CategoricalColumns[name].Contains(c.Name) ? ColumnKind.Categorical : ColumnKind.Continuous);
        Metadata = TableMetadata.Detect(Real, kinds);
        Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json"))).RootElement.Clone();
        Pairs = File.ReadAllLines(Path.Combine(folder, "pairs.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (f[0], f[1], f[2], double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
    }

    public DataFrame Real { get; }
    public DataFrame Synthetic { get; }
    public TableMetadata Metadata { get; }
    public JsonElement Expected { get; }

    /// <summary>(Column 1, Column 2, Metric, Score) as SDMetrics listed them.</summary>
    public IReadOnlyList<(string Column1, string Column2, string Metric, double Score)> Pairs { get; }

    public double ExpectedOverall => Expected.GetProperty("overall").GetDouble();
    public double ExpectedProperty(string name) => Expected.GetProperty("properties").GetProperty(name).GetDouble();
    public double ExpectedDiagnostic(string name) => Expected.GetProperty("diagnostic").GetProperty(name).GetDouble();

    public IEnumerable<(string Column, string Metric, double Score)> ExpectedColumnShapes =>
        Expected.GetProperty("column_shapes").EnumerateArray()
            .Select(e => (e.GetProperty("Column").GetString()!, e.GetProperty("Metric").GetString()!, e.GetProperty("Score").GetDouble()));

    public static SdMetricsFixture Load(string name) => new(name);

    private static string FixturesRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No folder containing shared/fixtures above {AppContext.BaseDirectory}.");
    }
}
