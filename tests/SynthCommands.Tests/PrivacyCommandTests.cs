using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Privacy;
using SynthCore.Training;
using SynthTests.Support;

namespace SynthCommands.Tests;

public sealed class PrivacyCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-privacy-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new();

    public PrivacyCommandTests()
    {
        Directory.CreateDirectory(directory);
        var random = new Random(3);
        DataFrame Draw(int rows) => new(
            new DoubleDataFrameColumn("age", Enumerable.Range(0, rows).Select(_ => (double?)random.Next(18, 90))),
            new DoubleDataFrameColumn("income", Enumerable.Range(0, rows).Select(_ => (double?)Math.Round(random.NextDouble() * 100, 1))),
            new StringDataFrameColumn("zip", Enumerable.Range(0, rows).Select(_ => "Z" + random.Next(4))),
            new StringDataFrameColumn("disease", Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.6 ? "flu" : "cold")));
        host.Tables["train"] = Draw(150);
        host.Tables["holdout"] = Draw(150);
        host.Tables["fresh"] = Draw(150);
        // A leaky "synthesizer": the training rows themselves.
        host.Tables["copies"] = host.Tables["train"].Clone();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void Privacy_flags_copies_and_writes_json()
    {
        string json = PathIn("privacy.json");
        Assert.Equal(0, Run("privacy", "train", "copies", "--holdout", "holdout", "--quasi", "age,zip", "--sensitive", "disease", "--json", json));
        Assert.Empty(host.Errors);
        var report = Assert.IsType<PrivacyReport>(Assert.Single(host.Shown));
        Assert.Equal(1.0, report.ExactCopyRate);
        Assert.True(report.MembershipInferenceAuc > 0.9);
        Assert.NotNull(report.AttributeDisclosure);

        string text = TextRendering.Render(report);
        Assert.Contains("exact copies", text);
        Assert.Contains("100.0%", text);
        Assert.Contains("Membership-inference AUC", text);
        Assert.Contains("age, zip -> disease", text);
        Assert.Contains("\nSynthetic rows closer than the holdout's 5th percentile: 100.0%", text);
        Assert.Contains("\nSynthetic rows nearer to a training row than to any holdout row: 100.0%", text);
        Assert.Contains("\nDisclosure risk: High (100.0% of rows copy a training row", text);

        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(1.0, (double)node["exact_copy_rate"]!);
        Assert.Equal(1.0, (double)node["dcr_share"]!);
        Assert.Equal("High", (string)node["risk"]!["level"]!);
        Assert.Equal(150, (int)node["training_rows"]!);
        Assert.Equal("holdout", (string)node["holdout"]!);
        Assert.Equal("disease", (string)node["attribute_disclosure"]!["sensitive"]!);

        // The JSON file is never overwritten without --force.
        Assert.Equal(1, Run("privacy", "train", "copies", "--json", json));
        Assert.Contains("already exists", Assert.Single(host.Errors));
    }

    [Fact]
    public void Privacy_of_a_fresh_draw_is_near_chance()
    {
        Assert.Equal(0, Run("privacy", "train", "fresh", "--holdout", "holdout"));
        var report = Assert.IsType<PrivacyReport>(Assert.Single(host.Shown));
        Assert.Equal(0.0, report.ExactCopyRate);
        Assert.InRange(report.MembershipInferenceAuc!.Value, 0.4, 0.6);
    }

    [Fact]
    public void Privacy_splits_a_holdout_fraction()
    {
        Assert.Equal(0, Run("privacy", "train", "fresh", "--holdout-fraction", "0.2", "--seed", "4"));
        var report = Assert.IsType<PrivacyReport>(Assert.Single(host.Shown));
        Assert.Equal(120, report.TrainingRows);
        Assert.Equal(30, report.HoldoutRows);
        Assert.Contains(host.Lines, l => l.StartsWith("Held out 30 of 150 real rows (seed 4)"));
    }

    [Theory]
    [InlineData(1, "Option '--holdout-fraction'", "privacy", "train", "fresh", "--holdout-fraction", "1.5")]
    [InlineData(2, "either --holdout or --holdout-fraction", "privacy", "train", "fresh", "--holdout", "holdout", "--holdout-fraction", "0.2")]
    [InlineData(2, "--quasi and --sensitive go together", "privacy", "train", "fresh", "--quasi", "age")]
    [InlineData(1, "unknown column 'nope'", "privacy", "train", "fresh", "--quasi", "nope", "--sensitive", "disease")]
    [InlineData(1, "There is no table called 'missing'", "privacy", "train", "missing")]
    [InlineData(2, "synthetic", "privacy", "train")]
    public void Privacy_errors_are_one_line(int code, string fragment, params string[] args)
    {
        Assert.Equal(code, Run(args));
        var line = Assert.Single(host.Errors);
        Assert.StartsWith("error: ", line);
        Assert.Contains(fragment, line);
    }

    [Fact]
    public void Anonymize_writes_a_k_anonymous_csv_and_never_overwrites()
    {
        string json = PathIn("anon.json");
        Assert.Equal(0, Run("anonymize", "train", "--k", "5", "--quasi", "age,zip", "--sensitive", "disease", "--l", "2", "--out", directory, "--json", json));
        Assert.Empty(host.Errors);
        var summary = Assert.IsType<AnonymizationSummary>(Assert.Single(host.Shown));
        Assert.True(summary.Result.SmallestClass >= 5);
        Assert.NotNull(summary.LDiversity);

        var written = CsvTable.Read(summary.OutputCsv!);
        Assert.Equal(150, written.Rows.Count);
        Assert.StartsWith("train_anonymized_", Path.GetFileName(summary.OutputCsv));
        var classes = Enumerable.Range(0, 150).GroupBy(r => $"{written["age"][r]}|{written["zip"][r]}").ToArray();
        Assert.All(classes, g => Assert.True(g.Count() >= 5));
        Assert.Equal(summary.Result.Classes, classes.Length);

        string text = TextRendering.Render(summary);
        Assert.Contains("5-anonymous on age, zip", text);
        Assert.Contains("certainty penalty", text);
        Assert.Contains("\nDistinct 2-diversity of 'disease'", text);
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(5, (int)node["k"]!);
        Assert.Equal(summary.OutputCsv, (string)node["output_csv"]!);
        // The result's figures, not its rows or their classes (those are the CSV).
        Assert.Equal(["source", "rows", "k", "quasi_identifiers", "classes", "smallest_class", "average_class_size", "certainty_penalty",
            "column_losses", "discernibility", "l_diversity", "output_csv"], node.AsObject().Select(p => p.Key));

        // A second run in the same second gets a new name; the first file is untouched.
        byte[] first = File.ReadAllBytes(summary.OutputCsv!);
        Assert.Equal(0, Run("anonymize", "train", "--k", "5", "--quasi", "age,zip", "--out", directory));
        var second = Assert.IsType<AnonymizationSummary>(host.Shown[1]);
        Assert.NotEqual(summary.OutputCsv, second.OutputCsv);
        Assert.Equal(first, File.ReadAllBytes(summary.OutputCsv!));
    }

    [Theory]
    [InlineData(1, "Option '--k'", "anonymize", "train", "--k", "0", "--quasi", "age")]
    [InlineData(1, "only 150 rows", "anonymize", "train", "--k", "151", "--quasi", "age")]
    [InlineData(1, "unknown column 'height'", "anonymize", "train", "--k", "3", "--quasi", "height")]
    [InlineData(2, "--l needs --sensitive", "anonymize", "train", "--k", "3", "--quasi", "age", "--l", "2")]
    [InlineData(2, "--quasi", "anonymize", "train", "--k", "3")]
    public void Anonymize_errors_are_one_line(int code, string fragment, params string[] args)
    {
        Assert.Equal(code, Run(args.Append("--out").Append(directory).ToArray()));
        var line = Assert.Single(host.Errors);
        Assert.StartsWith("error: ", line);
        Assert.Contains(fragment, line);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Dp_copula_fits_and_samples_through_the_cli()
    {
        string model = PathIn("dp.synth");
        Assert.Equal(0, Run("fit", "train", "--model", "dp-copula", "--option", "epsilon=2", "--option", "bounds=age:18:90;income:0:100", "--out", model));
        Assert.Empty(host.Errors);
        Assert.Contains(host.Lines, l => l.StartsWith("Privacy: ε-differentially private with ε = 2,"));
        // Every release: 4 histograms (ε 1/4 each, b = 2 / (1/4) = 8) and 6 Kendall's taus (ε 1/6, Δ 4/150, b = 0.16).
        string releases = Assert.Single(host.Lines, l => l.StartsWith("released statistic"));
        Assert.Matches(@"histogram of age\s+laplace\s+0\.25\s+0\s+2\s+b = 8\n", releases);
        Assert.Matches(@"Kendall's tau of income × zip\s+laplace\s+0\.1667\s+0\s+0\.02667\s+b = 0\.16\n", releases);
        Assert.Equal(10, releases.Split('\n').Count(l => l.Contains("laplace")));
        Assert.Contains("Total: ε = 2, δ = 0 over 10 release(s) (sequential composition", releases);
        Assert.Equal(0, Run("sample", model, "--rows", "40", "--out", directory, "--seed", "1"));
        var sampled = Assert.IsType<DataFrame>(host.Stored["dp"]);
        Assert.Equal(40, sampled.Rows.Count);
        Assert.All(((DoubleDataFrameColumn)sampled["age"]).Select(v => v!.Value), v => Assert.InRange(v, 18, 90));

        Assert.Equal(1, Run("fit", "train", "--model", "dp-copula", "--out", PathIn("nobounds.synth")));
        string error = Assert.Single(host.Errors);
        Assert.Contains("bounds", error);
        Assert.Contains("NOT differentially private", error);
        Assert.False(File.Exists(PathIn("nobounds.synth")));

        // Bounds from the data: fitted, but flagged loudly on the error stream.
        host.Errors.Clear();
        Assert.Equal(0, Run("fit", "train", "--model", "dp-copula", "--option", "bounds-from-data=true", "--out", PathIn("leaky.synth")));
        Assert.StartsWith("warning: NOT DIFFERENTIALLY PRIVATE", Assert.Single(host.Errors));
    }

    [Fact]
    public void Gan_with_dp_sgd_reports_its_epsilon()
    {
        Assert.Equal(0, Run("fit", "train", "--model", "gan", "--epochs", "3", "--batch-size", "16",
            "--option", "pac=1", "--option", "dp-noise-multiplier=1.1", "--out", PathIn("dpgan.synth")));
        Assert.Empty(host.Errors);
        double epsilon = new RdpAccountant().Compose(16.0 / 150, 1.1, 3).GetEpsilon(1e-5).Epsilon;
        Assert.Contains(host.Lines, l => l.StartsWith("Privacy: the discriminator was trained with DP-SGD: (ε = "
            + epsilon.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + ", δ = 1E-05)"));
        // One release, the gradients (clip norm 1, so σ × C = 1.1), and the same total as the line above.
        string releases = Assert.Single(host.Lines, l => l.StartsWith("released statistic"));
        Assert.Matches(@"DP-SGD gradients of the discriminator\s+sampled-gaussian \(RDP\)\s+\S+\s+1E-05\s+1\s+σ = 1\.1\n", releases);
        Assert.Contains("Total: ε = " + epsilon.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + ", δ = 1E-05 over 1 release(s)", releases);
        Assert.Contains("3 steps, sampling rate q = 0.1067, noise multiplier σ = 1.1", releases);
    }

    [Fact]
    public void Tvae_and_vae_with_dp_sgd_report_their_epsilon_after_run()
    {
        // 2 epochs of ⌈150 / 16⌉ = 10 Poisson-sampled steps at q = 16 / 150.
        double epsilon = new RdpAccountant().Compose(16.0 / 150, 1.1, 20).GetEpsilon(1e-5).Epsilon;
        foreach (string model in new[] { "tvae", "vae" })
        {
            host.Lines.Clear();
            Assert.Equal(0, Run("run", "train", "--model", model, "--epochs", "2", "--batch-size", "16", "--rows", "30",
                "--option", "dp-noise-multiplier=1.1", "--out", directory));
            Assert.Empty(host.Errors);
            Assert.Contains(host.Lines, l => l.StartsWith("Privacy: the encoder and decoder were trained with DP-SGD: (ε = "
                + epsilon.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + ", δ = 1E-05) by the RDP accountant over 20 steps;"));
            Assert.Contains(host.Lines, l => l.StartsWith("released statistic") && l.Contains("DP-SGD gradients of the encoder and decoder")
                && l.Contains("Total: ε = " + epsilon.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + ", δ = 1E-05 over 1 release(s)"));
        }
        host.Lines.Clear();
        Assert.Equal(0, Run("run", "train", "--model", "tvae", "--epochs", "1", "--rows", "10", "--out", directory));
        Assert.DoesNotContain(host.Lines, l => l.StartsWith("Privacy:"));
        Assert.DoesNotContain(host.Lines, l => l.StartsWith("released statistic"));
    }

    [Fact]
    public void Ctgan_with_dp_sgd_reports_its_epsilon_and_what_it_covers()
    {
        // No pac given: DP means pac 1.
        Assert.Equal(0, Run("fit", "train", "--model", "ctgan", "--epochs", "2", "--batch-size", "50", "--option", "generator-dims=32",
            "--option", "discriminator-dims=32", "--option", "dp-noise-multiplier=1.1", "--option", "dp-max-grad-norm=2", "--out", PathIn("dpctgan.synth"),
            "--json", PathIn("dpctgan.json")));
        Assert.Empty(host.Errors);
        // 150 rows, batch 50: 3 critic updates per epoch at q = 1/3, plus one release of the category counts at σ 5.
        double epsilon = new RdpAccountant().Compose(50.0 / 150, 1.1, 6).Compose(1, 5, 1).GetEpsilon(1e-5).Epsilon;
        string line = Assert.Single(host.Lines, l => l.StartsWith("Privacy:"));
        Assert.StartsWith("Privacy: the critic was trained with DP-SGD and the category counts released with Gaussian noise: (ε = "
            + epsilon.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + ", δ = 1E-05)", line);
        Assert.Contains("mode-specific normalisation", line);
        // The releases: gradients with noise σ × C = 2.2, the counts of the two categorical columns with σ √2.
        var privacy = JsonNode.Parse(File.ReadAllText(PathIn("dpctgan.json")))!["privacy"]!;
        Assert.Equal(epsilon, (double)privacy["epsilon"]!, 9);
        Assert.Equal("RDP", (string)privacy["composition"]!);
        var releases = privacy["releases"]!.AsArray();
        Assert.Equal(["DP-SGD gradients of the critic", "category counts of 2 discrete columns"], releases.Select(r => (string)r!["target"]!));
        Assert.Equal(2.2, (double)releases[0]!["noise_scale"]!, 9);
        Assert.Equal(2, (double)releases[0]!["sensitivity"]!);
        Assert.Equal(new RdpAccountant().Compose(50.0 / 150, 1.1, 6).GetEpsilon(1e-5).Epsilon, (double)releases[0]!["epsilon"]!, 9);
        Assert.Equal(5 * Math.Sqrt(2), (double)releases[1]!["noise_scale"]!, 9);
        Assert.Contains(host.Lines, l => l.StartsWith("released statistic") && l.Contains("σ = 2.2"));
        Assert.Equal(0, Run("sample", PathIn("dpctgan.synth"), "--rows", "30", "--out", directory, "--seed", "1"));
    }
}
