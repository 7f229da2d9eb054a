using System.Security.Cryptography;
using SynthCore.Registry;

namespace SynthCli.Tests;

/// <summary>
/// The bad-input corpus (tests/BadInputs) through the tool with the real models: every file ends
/// in exit 0 with output or exit 1 with one `error:` line; nothing crashes (exit 3), hangs, or
/// changes the input.
/// </summary>
public sealed class BadInputCliTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static string CorpusDirectory { get; } = FindCorpus();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(CorpusDirectory, "expectations.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')))
            data.Add(line.Split('\t')[0]);
        return data;
    }

    private static (bool Ok, string Detail, string? Warning) Expectation(string file)
    {
        var fields = File.ReadLines(Path.Combine(CorpusDirectory, "expectations.tsv")).Select(l => l.Split('\t')).Single(f => f[0] == file);
        return (fields[1] == "ok", fields[2], fields.Length > 3 ? fields[3] : null);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Describe_and_run_end_in_output_or_one_clear_error(string file)
    {
        string input = Path.Combine(sandbox.Directory, file);
        File.Copy(Path.Combine(CorpusDirectory, file), input);
        byte[] hash = SHA256.HashData(File.ReadAllBytes(input));
        var (ok, detail, warning) = Expectation(file);

        var describe = CliSandbox.Run(SynthesizerRegistry.Default, "describe", input);
        AssertCleanOutcome(describe, ok, detail);
        // A column of numbers or dates in disguise is read as text; describe must say so, naming it, and nothing else may warn.
        var warnings = describe.Out.Split('\n').Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToArray();
        if (warning is null) Assert.Empty(warnings);
        else Assert.Contains(warnings, l => l.Contains(warning, StringComparison.Ordinal));

        string outDir = Path.Combine(sandbox.Directory, "out");
        var run = CliSandbox.Run(SynthesizerRegistry.Default, "run", input, "--model", "gan", "--epochs", "3", "--batch-size", "8", "--rows", "5", "--out", outDir);
        AssertCleanOutcome(run, ok, detail);
        if (ok)
            Assert.Single(Directory.GetFiles(outDir, "*.csv"));
        else
            Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "a failed run left files behind");

        Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(input)));
    }

    [Fact]
    public void Describe_json_lists_the_columns_that_are_numbers_in_disguise()
    {
        string json = Path.Combine(sandbox.Directory, "describe.json");
        var result = CliSandbox.Run(SynthesizerRegistry.Default, "describe", Path.Combine(CorpusDirectory, "decimal-commas.csv"), "--json", json);

        Assert.True(result.ExitCode == 0, result.Err);
        var warnings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!["warnings"]!.AsArray().Select(w => (string)w!).ToArray();
        var warning = Assert.Single(warnings);
        Assert.StartsWith("Column 'price': ", warning);
        Assert.Contains($"warning: {warning}", result.Out);
    }

    private static void AssertCleanOutcome(CliSandbox.Result result, bool ok, string detail)
    {
        if (ok)
        {
            Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Err}");
            Assert.Equal("", result.Err);
            return;
        }
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(detail, line);
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "BadInputs")))
                return Path.Combine(dir.FullName, "tests", "BadInputs");
        throw new DirectoryNotFoundException($"tests/BadInputs not found above {AppContext.BaseDirectory}.");
    }
}
