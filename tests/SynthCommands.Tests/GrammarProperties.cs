using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Analysis;
using Microsoft.FSharp.Core;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary>Runs alone: the property sets the process's current directory so relative paths in the command lines stay in a temp folder.</summary>
[CollectionDefinition(nameof(GrammarProperties), DisableParallelization = true)]
public sealed class GrammarPropertiesCollection;

/// <summary>
/// Random command lines from the grammar's own words: the executor always answers with exit code
/// 0, 1 or 2 and, on failure, exactly one error line; it never throws or reports an internal error.
/// </summary>
[Collection(nameof(GrammarProperties))]
public sealed class GrammarProperties : IDisposable
{
    public const int Cases = 1500;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-grammar-" + Guid.NewGuid().ToString("N"));

    public GrammarProperties()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "t.csv"), "a,b,c\n1,x,2.5\n2,y,3.5\n3,x,\n4,z,1.0\n");
        File.WriteAllText(Path.Combine(directory, "bad.csv"), "a,b\n1\n");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Any_command_line_ends_in_a_result_or_one_clear_error()
    {
        string[] words =
        [
            "describe", "fit", "sample", "run", "models", "help", "--help", "-h",
            "df", "t.csv", "bad.csv", "missing.csv", "model.synth",
            "--model", ResamplingTestSynthesizer.Name, "gan", "nope",
            "--rows", "--seed", "--epochs", "--batch-size", "--learning-rate", "--device", "--categorical", "--option", "--out", "--json", "--name", "--force", "--data",
            "0", "-1", "3", "1e9", "2147483648", "abc", "a,b", "a", "cpu", "cuda:7", "k=v", "fail-at=1", "=", "out", "s.json", "\"", "",
        ];
        var line = Gen.Elements(words).ListOf().Select(ws => ws.ToArray());

        Prop.ForAll(line.ToArbitrary(), args =>
        {
            var host = new RecordingHost();
            host.Tables["df"] = new DataFrame(new DoubleDataFrameColumn("a", new double[] { 1, 2, 3 }), new StringDataFrameColumn("b", new[] { "x", "y", "x" }));
            string previous = Environment.CurrentDirectory;
            int code;
            Environment.CurrentDirectory = directory;
            try
            {
                code = new SynthCommandExecutor(ResamplingTestSynthesizer.Registry()).Execute(args, host);
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }

            Assert.True(code is 0 or 1 or 2, $"synth {string.Join(' ', args)} exited {code}: {string.Join(" | ", host.Errors)}");
            if (code != 0)
            {
                var error = Assert.Single(host.Errors);
                Assert.StartsWith("error: ", error);
                Assert.DoesNotContain("   at ", error);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(21, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None))));
    }
}
