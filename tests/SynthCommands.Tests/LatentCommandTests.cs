using SynthCore.Synthesizers;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary>The VAE's latent space from the command grammar: latent statistics after a fit, <c>encode</c> and <c>interpolate</c>.</summary>
public sealed class LatentCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-latent-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);
    private readonly string model;

    public LatentCommandTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["people"] = PeopleTable.Create(80, 2);
        model = PathIn("vae.synth");
        Assert.Equal(0, Run("fit", "people", "--model", "vae", "--epochs", "3", "--out", model, "--json", PathIn("fit.json")));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    private FittedTvae Load()
    {
        using var stream = File.OpenRead(model);
        return (FittedTvae)SynthesizerRegistry.Default.Load(stream);
    }

    [Fact]
    public void Fit_and_run_report_the_latent_means_and_standard_deviations()
    {
        Assert.Contains(host.Lines, l => l.StartsWith("Latent space of the vae (8 dimensions, encoder means over 80 rows):", StringComparison.Ordinal)
            && l.Contains("mean aggregate std", StringComparison.Ordinal) && l.Contains("z7", StringComparison.Ordinal));
        using var fitted = Load();
        var expected = fitted.LatentStatistics(host.Tables["people"]);

        string json = PathIn("run.json");
        Assert.Equal(0, Run("run", "people", "--model", "vae", "--epochs", "3", "--rows", "20", "--out", PathIn("out"), "--json", json));
        var latent = JsonNode.Parse(File.ReadAllText(json))!["latent"]!;
        Assert.Equal(80, (int)latent["rows"]!);
        var dimensions = latent["dimensions"]!.AsArray();
        Assert.Equal(8, dimensions.Count);
        // Same seed, same model: the run's statistics are the fit's.
        Assert.Equal(expected.Dimensions[3].MeanSigma, (double)dimensions[3]!["mean_sigma"]!, 6);
        Assert.Equal(expected.Dimensions[3].AggregateStd, (double)dimensions[3]!["aggregate_std"]!, 6);
        Assert.Equal(expected.ActiveDimensions, (int)latent["active_dimensions"]!);
        var fitLatent = JsonNode.Parse(File.ReadAllText(PathIn("fit.json")))!["latent"]!;
        Assert.Equal(expected.MeanAggregateStd, (double)fitLatent["mean_aggregate_std"]!, 6);
        Assert.Equal(8, fitLatent["dimensions"]!.AsArray().Count);

        // Other models print no latent summary and write none.
        host.Lines.Clear();
        string copula = PathIn("copula.json");
        Assert.Equal(0, Run("run", "people", "--model", "copula", "--rows", "5", "--out", PathIn("out"), "--json", copula));
        Assert.DoesNotContain(host.Lines, l => l.StartsWith("Latent space", StringComparison.Ordinal));
        Assert.Null(JsonNode.Parse(File.ReadAllText(copula))!["latent"]);
    }

    [Fact]
    public void A_dp_sgd_vae_keeps_its_latent_statistics_to_itself()
    {
        host.Lines.Clear();
        string json = PathIn("dp.json");
        Assert.Equal(0, Run("fit", "people", "--model", "vae", "--epochs", "2", "--option", "dp-noise-multiplier=1.0", "--out", PathIn("dp.synth"), "--json", json));
        Assert.DoesNotContain(host.Lines, l => l.StartsWith("Latent space", StringComparison.Ordinal));
        Assert.Contains(host.Lines, l => l.StartsWith("Latent statistics are not shown for a model trained with DP-SGD", StringComparison.Ordinal));
        Assert.Null(JsonNode.Parse(File.ReadAllText(json))!["latent"]);
    }

    [Fact]
    public void Figures_that_are_not_finite_go_to_json_as_null()
    {
        var comparison = SynthCore.Evaluation.Sequences.SequenceComparison.Compare(
            [[[1.0], [2.0]], [[2.0], [1.0]]], [[[1.0], [1.0]], [[1.0], [1.0]]], ["x"]) with { MeanSeriesCorrelation = double.NaN };
        var node = JsonSummary.ToFiniteNode(comparison)!;
        Assert.Null(node["mean_series_correlation"]);
        Assert.Equal("x", (string)node["features"]![0]!["feature"]!);
        Assert.NotNull(node["real_to_real_dtw"]);
    }

    [Fact]
    public void Encode_writes_each_row_s_latent_means_as_z_columns()
    {
        string output = PathIn("codes.csv");
        Assert.Equal(0, Run("encode", model, "people", "--out", output, "--into", "codes"));
        var written = CsvTable.Read(output);
        Assert.Equal(Enumerable.Range(0, 8).Select(j => $"z{j}"), written.Columns.Select(c => c.Name));
        Assert.Equal(80, written.Rows.Count);
        using var fitted = Load();
        var codes = fitted.Encode(host.Tables["people"]);
        Assert.Equal(codes[5, 2], Convert.ToDouble(written.Columns["z2"][5]), 5);
        Assert.IsType<DataFrame>(host.Stored["codes"]);

        // Never replaced without --force.
        Assert.Equal(ExitCodes.DataOrOptionError, Run("encode", model, "people", "--out", output));
        Assert.Contains("--force", Assert.Single(host.Errors));
        host.Errors.Clear();
        Assert.Equal(0, Run("encode", model, "people", "--out", output, "--force"));
    }

    [Fact]
    public void Interpolate_decodes_the_line_between_two_rows_codes()
    {
        string output = PathIn("line.csv");
        Assert.Equal(0, Run("interpolate", model, "--data", "people", "--from-row", "1", "--to-row", "80", "--steps", "6", "--out", output));
        var written = CsvTable.Read(output);
        Assert.Equal(host.Tables["people"].Columns.Select(c => c.Name), written.Columns.Select(c => c.Name));
        Assert.Equal(6, written.Rows.Count);
        // The ends are the two rows' own codes decoded.
        using var fitted = Load();
        var ends = fitted.Interpolate(host.Tables["people"], 0, 79, steps: 2);
        Assert.Equal(Convert.ToDouble(ends.Columns["age"][0]), Convert.ToDouble(written.Columns["age"][0]), 6);
        Assert.Equal(Convert.ToDouble(ends.Columns["age"][1]), Convert.ToDouble(written.Columns["age"][5]), 6);
    }

    [Theory]
    [InlineData("no latent space", "encode", "BOOTSTRAP", "people", "--out", "OUT")]
    [InlineData("no latent space", "interpolate", "BOOTSTRAP", "--data", "people", "--from-row", "1", "--to-row", "2", "--out", "OUT")]
    [InlineData("--from-row", "interpolate", "MODEL", "--data", "people", "--from-row", "0", "--to-row", "2", "--out", "OUT")]
    [InlineData("--to-row", "interpolate", "MODEL", "--data", "people", "--from-row", "1", "--to-row", "81", "--out", "OUT")]
    [InlineData("--steps", "interpolate", "MODEL", "--data", "people", "--from-row", "1", "--to-row", "2", "--steps", "1", "--out", "OUT")]
    [InlineData("--from-row", "interpolate", "MODEL", "--data", "people", "--from-row", "x", "--to-row", "2", "--out", "OUT")]
    [InlineData("'nope'", "encode", "MODEL", "nope", "--out", "OUT")]
    public void Bad_requests_fail_naming_the_option_or_the_model(string named, params string[] args)
    {
        string bootstrap = PathIn("bootstrap.synth");
        Assert.Equal(0, Run("fit", "people", "--model", "bootstrap", "--out", bootstrap));
        string output = PathIn("out.csv");
        var resolved = args.Select(a => a switch { "MODEL" => model, "BOOTSTRAP" => bootstrap, "OUT" => output, _ => a }).ToArray();
        Assert.Equal(ExitCodes.DataOrOptionError, Run(resolved));
        Assert.Contains(named, Assert.Single(host.Errors));
        Assert.False(File.Exists(output));
    }
}
