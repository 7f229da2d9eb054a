using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Conditions;
using SynthCore.Evaluation.Scorecards;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Synthesizers;

/// <summary>
/// <see cref="SynthesisRun"/>, the fit → sample → compare → evaluate sequence <c>synth run</c> and <c>Synth.Generate</c> share:
/// the held-out rows never reach the fit, a seed fixes the whole result, and the evaluation is there exactly when asked.
/// </summary>
public sealed class SynthesisRunTests
{
    /// <summary>Penguins with a unique "row" number, so a row can be traced from the table into the training or the holdout.</summary>
    private static DataFrame NumberedPenguins()
    {
        var (penguins, _) = BundledData.Load("penguins.csv");
        var table = penguins.Clone();
        table.Columns.Insert(0, new Int32DataFrameColumn("row", Enumerable.Range(0, (int)penguins.Rows.Count).Select(i => (int?)i)));
        return table;
    }

    private static int[] Numbers(DataFrame table) => Enumerable.Range(0, (int)table.Rows.Count).Select(i => (int)table.Columns["row"][i]!).ToArray();

    /// <summary>Records what the run passes between its steps, in order.</summary>
    private sealed class Recorder : ISynthesisRunSteps
    {
        public List<string> Calls { get; } = [];
        public DataFrame? FittedOn { get; private set; }

        public void HeldOut(DataFrame training, DataFrame holdout) => Calls.Add("held out");

        public void Fitting(SynthesizerDescriptor descriptor, DataFrame training, int rows)
        {
            FittedOn = training;
            Calls.Add($"fitting {descriptor.Name} for {rows} rows");
        }

        public void Fitted(IFittedSynthesizer model, TimeSpan time) => Calls.Add("fitted");

        public void Sampled(IFittedSynthesizer model, DataFrame samples, BalanceResult? balanced) => Calls.Add($"sampled {samples.Rows.Count}");

        public void Compared(TableComparison? comparison, ConditionReport? conditions) => Calls.Add(comparison is null ? "not compared" : "compared");

        public string Exporting(DataFrame samples)
        {
            Calls.Add("exporting");
            return "written.csv";
        }

        public void Evaluated(TableEvaluation evaluation) => Calls.Add("evaluated");
    }

    [Fact]
    public void Held_out_rows_never_reach_the_fit_and_the_steps_come_in_order()
    {
        var table = NumberedPenguins();
        var recorder = new Recorder();
        var run = new SynthesisRun("copula", new SynthesizerSettings { Seed = 11 }, new SynthesisRunOptions { HoldoutFraction = 0.25, Rows = 200 });

        var result = run.Execute(table, steps: recorder);

        var training = Numbers(result.Training);
        var holdout = Numbers(result.Holdout!);
        Assert.Equal((int)Math.Round(0.25 * table.Rows.Count), holdout.Length);
        Assert.Empty(training.Intersect(holdout));
        Assert.Equal(Enumerable.Range(0, (int)table.Rows.Count), training.Concat(holdout).Order());
        Assert.Equal(training, Numbers(recorder.FittedOn!));
        Assert.Equal(["held out", "fitting copula for 200 rows", "fitted", "sampled 200", "compared", "exporting"], recorder.Calls);
        Assert.Equal(200, result.Samples.Rows.Count);
        Assert.NotNull(result.Comparison);
        Assert.Null(result.Evaluation);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_and_another_seed_another_split()
    {
        var table = NumberedPenguins();
        var options = new SynthesisRunOptions { HoldoutFraction = 0.2, Evaluate = true, Target = "Species" };
        SynthesisResult Run(int seed) => new SynthesisRun("copula", new SynthesizerSettings { Seed = seed }, options).Execute(table);

        var first = Run(5);
        var again = Run(5);
        var other = Run(6);

        Assert.Equal(Numbers(first.Holdout!), Numbers(again.Holdout!));
        Assert.NotEqual(Numbers(first.Holdout!), Numbers(other.Holdout!));
        foreach (var column in table.Columns.Select(c => c.Name))
            Assert.Equal(Enumerable.Range(0, (int)first.Samples.Rows.Count).Select(i => first.Samples.Columns[column][i]),
                Enumerable.Range(0, (int)again.Samples.Rows.Count).Select(i => again.Samples.Columns[column][i]));
        Assert.Equal(first.Evaluation!.Quality.Score, again.Evaluation!.Quality.Score);
        Assert.Equal(first.Comparison!.Correlation.FrobeniusNorm, again.Comparison!.Correlation.FrobeniusNorm);
    }

    [Fact]
    public void The_evaluation_is_there_when_asked_with_utility_and_privacy_on_the_holdout()
    {
        var (penguins, metadata) = BundledData.Load("penguins.csv");
        var recorder = new Recorder();
        var asked = new SynthesisRun("copula", new SynthesizerSettings { Seed = 3 },
                new SynthesisRunOptions { HoldoutFraction = 0.2, Evaluate = true, Target = "Species", RealName = "penguins.csv" })
            .Execute(penguins, metadata, steps: recorder);

        var evaluation = Assert.IsType<TableEvaluation>(asked.Evaluation);
        Assert.Equal((int)asked.Holdout!.Rows.Count, evaluation.HoldoutRows);
        Assert.Equal("penguins.csv", evaluation.RealName);
        Assert.Equal("written.csv", evaluation.SyntheticName);
        Assert.Equal(asked.Training.Rows.Count, evaluation.Real.Rows.Count);
        Assert.NotNull(evaluation.Utility);
        Assert.NotNull(evaluation.Privacy);
        Assert.Equal("evaluated", recorder.Calls[^1]);

        var notAsked = new SynthesisRun("copula", new SynthesizerSettings { Seed = 3 }).Execute(penguins, metadata);
        Assert.Null(notAsked.Evaluation);
        Assert.Null(notAsked.Holdout);
        Assert.Equal(penguins.Rows.Count, notAsked.Samples.Rows.Count);
    }

    [Fact]
    public void Conditioned_rows_meet_their_condition_and_a_condition_the_table_cannot_meet_fails_before_the_fit()
    {
        var (penguins, metadata) = BundledData.Load("penguins.csv");
        var gentoo = new SampleConditions([new EqualsCondition("Species", "Gentoo")]);
        var result = new SynthesisRun("copula", new SynthesizerSettings { Seed = 2 }, new SynthesisRunOptions { Rows = 100, Conditions = gentoo })
            .Execute(penguins, metadata);
        Assert.Equal(1.0, result.Conditions!.Share);

        var recorder = new Recorder();
        var unknown = new SampleConditions([new EqualsCondition("Species", "Emperor")]);
        var error = Assert.Throws<SynthOptionException>(() => new SynthesisRun("copula", new SynthesizerSettings(),
            new SynthesisRunOptions { Conditions = unknown, ConditionsOption = "--where" }).Execute(penguins, metadata, steps: recorder));
        Assert.Contains("--where", error.Message);
        Assert.Contains("Emperor", error.Message);
        Assert.Empty(recorder.Calls);
    }

    [Fact]
    public void A_sequence_model_samples_whole_sequences_and_compares_them_with_the_training_windows()
    {
        var (weather, metadata) = BundledData.Load("seattle-weather.csv");
        var settings = new SynthesizerSettings { Seed = 4, Extra = new Dictionary<string, string> { ["features"] = "precipitation,temp_max,temp_min,wind", ["seq-len"] = "12" } };
        var recorder = new Recorder();
        var result = new SynthesisRun("block-bootstrap", settings, new SynthesisRunOptions { Rows = 5, ScoreIterations = 0 }).Execute(weather, metadata, steps: recorder);

        var sequences = Assert.IsType<SequenceRunResult>(result.Sequences);
        Assert.Equal(5, sequences.Synthetic.Length);
        Assert.Equal(5 * 12, result.Samples.Rows.Count);
        Assert.Equal(["sequence_id", "step", "precipitation", "temp_max", "temp_min", "wind"], result.Samples.Columns.Select(c => c.Name));
        Assert.Equal(sequences.Real.WindowCount, sequences.Real.RawWindows().Length);
        Assert.Equal(4, sequences.Comparison!.Features.Count);
        Assert.Null(sequences.Comparison.Scores);
        Assert.Null(result.Comparison);
        Assert.Equal(["fitting block-bootstrap for 5 rows", "fitted", "sampled 60", "exporting"], recorder.Calls);
    }

    [Fact]
    public void Options_that_do_not_go_together_name_the_option()
    {
        var (penguins, metadata) = BundledData.Load("penguins.csv");
        SynthOptionException Refused(string model, SynthesisRunOptions options) =>
            Assert.Throws<SynthOptionException>(() => new SynthesisRun(model, new SynthesizerSettings(), options).Execute(penguins, metadata));

        Assert.Contains("balance", Refused("copula", new SynthesisRunOptions { Balance = "Species", Rows = 10 }).Message);
        Assert.Contains("target", Refused("copula", new SynthesisRunOptions { Target = "Wingspan", Evaluate = true }).Message);
        Assert.Contains("evaluation", Refused("copula", new SynthesisRunOptions { Target = "Species" }).Message);
        Assert.Contains("sequence model", Refused("ar1", new SynthesisRunOptions { HoldoutFraction = 0.2 }).Message);
        Assert.Contains("holdout-fraction", Refused("copula", new SynthesisRunOptions { HoldoutFraction = 1.5 }).Message);
    }
}
