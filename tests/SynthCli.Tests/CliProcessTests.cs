namespace SynthCli.Tests;

/// <summary>The tool as a separate process: exit codes and streams as a shell sees them.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Describe_succeeds_with_output_on_stdout()
    {
        var result = CliProcess.Run(sandbox.Directory, "describe", sandbox.People());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Err);
        Assert.Contains("40 rows, 4 columns", result.Out);
    }

    [Fact]
    public void A_missing_file_is_one_stderr_line_and_exit_1()
    {
        var result = CliProcess.Run(sandbox.Directory, "describe", "nope.csv");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("error: nope.csv: no such file.", Assert.Single(result.ErrLines));
    }

    [Fact]
    public void A_usage_error_is_one_stderr_line_and_exit_2()
    {
        var result = CliProcess.Run(sandbox.Directory, "fit", "data.csv", "--out", "m.synth");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains("--model", line);
        Assert.Contains("synth fit --help", line);
    }

    [Fact]
    public void An_unknown_model_lists_the_known_ones()
    {
        var result = CliProcess.Run(sandbox.Directory, "run", sandbox.People(), "--model", "no-such-model");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Option '--model': unknown model 'no-such-model'. Known models:", Assert.Single(result.ErrLines));
        Assert.False(Directory.Exists(sandbox.PathOf("outputs")));
    }
}
