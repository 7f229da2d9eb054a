using SynthCore.Evaluation.Scorecards;
using System.Text.Json.Nodes;
using SynthCore.Registry;
using SynthReports;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>synth run --holdout-fraction F [--target COL]</c>: rows held out before fitting, then fidelity, utility and privacy against them.</summary>
public sealed class RunHoldoutTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-holdout-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public RunHoldoutTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["penguins"] = SynthCore.Data.CsvTable.Read(EvaluateCommandTests.PenguinsPath());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void The_model_sees_only_the_training_rows_and_is_judged_on_the_held_out_ones()
    {
        Assert.Equal(0, Run("run", "penguins", "--model", "bootstrap", "--holdout-fraction", "0.3", "--target", "Species",
            "--out", PathIn("out"), "--json", PathIn("run.json"), "--report", PathIn("run.html")));
        Assert.Empty(host.Errors);
        Assert.Contains("Held out 103 of 344 rows (seed 42); the model is fitted on the other 241.", host.Lines);
        var evaluation = Assert.Single(host.Shown.OfType<TableEvaluation>());
        Assert.Equal((241, 241, 103), (evaluation.RealRows, evaluation.SyntheticRows, evaluation.HoldoutRows!.Value));
        var utility = evaluation.Utility!;
        Assert.Equal((241, 103), (utility.RealTrainRows, utility.RealTestRows));
        // The bootstrap copies its training rows: nearer to them than to the held-out rows, every one.
        var privacy = evaluation.Privacy!;
        Assert.Equal(1.0, privacy.ExactCopyRate);
        Assert.True(privacy.DcrShare > 0.9, $"DCR share {privacy.DcrShare}");

        Assert.Contains("Synthetic rows nearer to a training row than to any holdout row: ", TextRendering.Render(evaluation));
        var json = JsonNode.Parse(File.ReadAllText(PathIn("run.json")))!;
        Assert.Equal(103, (int)json["holdout_rows"]!);
        Assert.Equal(privacy.DcrShare!.Value, (double)json["evaluation"]!["privacy"]!["dcr_share"]!);
        Assert.Equal(103, (int)json["evaluation"]!["utility"]!["real_test_rows"]!);
        Assert.Contains("<h2>Privacy against the held-out rows</h2>", File.ReadAllText(PathIn("run.html")));
    }

    [Fact]
    public void Run_gives_what_the_library_run_object_gives_for_the_same_seed()
    {
        Assert.Equal(0, Run("run", "penguins", "--model", "copula", "--seed", "9", "--target", "Species", "--out", PathIn("out"), "--into", "synthetic"));
        var shown = Assert.Single(host.Shown.OfType<TableEvaluation>());

        var library = new SynthesisRun("copula", new SynthCore.Synthesizers.SynthesizerSettings { Seed = 9 },
            new SynthesisRunOptions { HoldoutFraction = RunCommand.DefaultHoldoutFraction, Target = "Species", Evaluate = true, RealName = "penguins" })
            .Execute(host.Tables["penguins"]);
        var expected = SynthCore.Data.ColumnSpellings.Apply(library.Samples, library.Metadata);
        var written = Assert.IsType<Microsoft.Data.Analysis.DataFrame>(host.Stored["synthetic"]);
        Assert.Equal(expected.Rows.Count, written.Rows.Count);
        foreach (var column in expected.Columns.Select(c => c.Name))
            Assert.Equal(Enumerable.Range(0, (int)expected.Rows.Count).Select(i => expected.Columns[column][i]),
                Enumerable.Range(0, (int)written.Rows.Count).Select(i => written.Columns[column][i]));
        Assert.Equal(library.Evaluation!.Quality.Score, shown.Quality.Score);
        Assert.Equal(library.Evaluation.Utility!.RealTestRows, shown.Utility!.RealTestRows);
        Assert.Equal(library.Evaluation.Privacy!.DcrShare, shown.Privacy!.DcrShare);
    }

    [Fact]
    public void A_private_model_is_as_near_to_the_held_out_rows_as_to_its_training_rows()
    {
        Assert.Equal(0, Run("run", "penguins", "--model", "copula", "--holdout-fraction", "0.5", "--out", PathIn("out")));
        var privacy = Assert.Single(host.Shown.OfType<TableEvaluation>()).Privacy!;
        Assert.Equal(0.0, privacy.ExactCopyRate);
        // Half the rows held out: the share is near 0.5. A copula on 172 rows against the other 172 over seeds 1–20
        // (the fidelity bench's split: `fidelity data=data/penguins.csv models=copula seed=S`): 0.459 … 0.709.
        Assert.InRange(privacy.DcrShare!.Value, 0.35, 0.8);
    }

    [Theory]
    [InlineData("Option '--target': holds rows out (--holdout-fraction 0.2 by default), which does not go with --augment", "--target", "Species", "--augment")]
    [InlineData("Option '--holdout-fraction': must be between 0 and 1", "--holdout-fraction", "1.5")]
    [InlineData("Option '--holdout-fraction': does not go with --augment", "--holdout-fraction", "0.3", "--augment")]
    [InlineData("Option '--target': unknown column 'Wings'", "--holdout-fraction", "0.3", "--target", "Wings")]
    public void Mistakes_name_the_option(string message, params string[] options)
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run(["run", "penguins", "--model", "copula", "--out", PathIn("out"), .. options]));
        Assert.Contains(message, Assert.Single(host.Errors));
        Assert.False(Directory.Exists(PathIn("out")) && Directory.EnumerateFiles(PathIn("out")).Any());
    }

    [Fact]
    public void A_target_holds_a_fifth_of_the_rows_out_by_default()
    {
        Assert.Equal(0, Run("run", "penguins", "--model", "copula", "--target", "Species", "--out", PathIn("out")));
        Assert.Contains(host.Lines, l => l.Contains("Held out 69 of 344 rows") && l.Contains("--holdout-fraction 0.2 by default"));
        var evaluation = Assert.Single(host.Shown.OfType<TableEvaluation>());
        Assert.Equal(69, evaluation.HoldoutRows);
        Assert.NotNull(evaluation.Utility);
    }

    [Fact]
    public void Sequence_models_refuse_a_row_holdout()
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run("run", "penguins", "--model", "ar1", "--holdout-fraction", "0.3", "--out", PathIn("out")));
        Assert.Contains("does not apply to the sequence model 'ar1'", Assert.Single(host.Errors));
    }
}
