
namespace SynthCommands.Tests;

public class GrammarTests
{
    [Fact]
    public void Magic_lines_are_tokenized_like_a_shell_and_lose_their_prefix()
    {
        Assert.Equal(["fit", "--data", "df", "--model", "gan", "--out", "my model.synth"],
            SynthCommandExecutor.Tokenize("#!synth fit --data df --model gan --out \"my model.synth\""));
        Assert.Equal(["models"], SynthCommandExecutor.Tokenize("synth models"));
        Assert.Equal(["describe", "x.csv"], SynthCommandExecutor.Tokenize("describe x.csv"));
    }

    [Fact]
    public void Fit_options_parse_to_their_values()
    {
        var grammar = new SynthGrammar();
        var parse = grammar.Root.Parse(["fit", "data.csv", "--model", "gan", "--out", "m.synth", "--seed", "7", "--epochs", "3",
            "--batch-size", "16", "--learning-rate", "0.001", "--device", "cpu", "--categorical", "a,b", "--option", "latent-dim=8", "--option", "x=y", "--force"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("data.csv", parse.GetValue(grammar.Fit.Data));
        Assert.Equal("gan", parse.GetValue(grammar.Fit.Model));
        Assert.Equal("m.synth", parse.GetValue(grammar.Fit.Out));
        Assert.True(parse.GetValue(grammar.Fit.Force));
        Assert.Equal(7, parse.GetValue(grammar.Fit.Settings.Seed));
        Assert.Equal(3, parse.GetValue(grammar.Fit.Settings.Epochs));
        Assert.Equal(16, parse.GetValue(grammar.Fit.Settings.BatchSize));
        Assert.Equal(0.001, parse.GetValue(grammar.Fit.Settings.LearningRate));
        Assert.Equal("a,b", parse.GetValue(grammar.Fit.Settings.Categorical));
        Assert.Equal(["latent-dim=8", "x=y"], parse.GetValue(grammar.Fit.Settings.Extra)!);
    }

    [Fact]
    public void Defaults_apply_when_options_are_left_out()
    {
        var grammar = new SynthGrammar();
        var run = grammar.Root.Parse(["run", "--data", "df", "--model", "gan"]);
        Assert.Empty(run.Errors);
        Assert.Null(run.GetValue(grammar.Run.Data));
        Assert.Equal("df", run.GetValue(grammar.Run.DataOption));
        Assert.Null(run.GetValue(grammar.Run.Rows));
        Assert.Equal("outputs", run.GetValue(grammar.Run.Out));
        Assert.Equal("cpu", run.GetValue(grammar.Run.Settings.Device));
        Assert.Null(run.GetValue(grammar.Run.Settings.Seed));

        var sample = grammar.Root.Parse(["sample", "m.synth", "--rows", "10"]);
        Assert.Empty(sample.Errors);
        Assert.Equal(10, sample.GetValue(grammar.Sample.Rows));
        Assert.Equal("outputs", sample.GetValue(grammar.Sample.Out));
    }

    [Fact]
    public void A_bad_number_names_the_option()
    {
        var grammar = new SynthGrammar();
        var parse = grammar.Root.Parse(["sample", "m.synth", "--rows", "ten"]);
        var error = Assert.Single(parse.Errors);
        Assert.Equal("Option '--rows': 'ten' is not a whole number.", error.Message);
    }
}
