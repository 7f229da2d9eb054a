using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SynthCore.Registry;
using SynthCore.Resources;
using SynthCore.Tests.Reliability;

namespace SynthCli.Tests;

/// <summary>
/// Random command lines (sizes, thread counts, devices, hostile files) and random model-file headers, run
/// in-process through the real executor and models: never exit 3, always one "error:" line on failure.
/// Memory and disk are injected small, so an accepted request is also a quick one.
/// </summary>
public sealed class LimitProperties : IDisposable
{
    private const int CommandLines = 60;
    private const int Headers = 80;

    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static void AssertContract(CliSandbox.Result result, IEnumerable<string> args)
    {
        Assert.True(result.ExitCode is 0 or 1 or 2, $"synth {string.Join(' ', args)} exited {result.ExitCode}: {result.Err}");
        if (result.ExitCode == 0) return;
        string error = Assert.Single(result.ErrLines);
        Assert.StartsWith("error: ", error);
    }

    [Fact]
    public void Random_command_lines_never_give_exit_3()
    {
        string people = sandbox.People();
        string model = sandbox.PathOf("m.synth");
        Assert.Equal(0, CliSandbox.Run(SynthesizerRegistry.Default, "fit", people, "--model", "copula", "--out", model).ExitCode);
        string[] data = [people, model, "/dev/zero", "/dev/urandom", sandbox.Directory, "missing.csv", ""];
        string[] words =
        [
            "--rows", "--batch-size", "--epochs", "--seed", "--option", "--model", "--force", "--json", "--out",
            "0", "-1", "5", "40", "1000", "100000000", "2147483647", "1000000000000", "abc", "",
            "bootstrap", "copula", "distributions", "cart", "nope",
            "threads=100000", "threads=1", "marginals=bogus", "smooth=true", "bandwidth=1e9", "min-leaf=0", "k=v",
        ];
        var line =
            from command in Gen.Elements("run", "fit", "sample", "describe", "evaluate")
            from input in Gen.Elements(data)
            from rest in Gen.Elements(words).ListOf()
            select (string[])[command, input, .. rest];

        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = sandbox.Directory;
        try
        {
            using var guard = ResourceGuard.Use(memoryBytes: 1L << 30, diskBytes: ResourceGuard.DiskReserveBytes + (4L << 20));
            Prop.ForAll(line.ToArbitrary(), args => AssertContract(CliSandbox.Run(SynthesizerRegistry.Default, args), args))
                .Check(PropertyChecks.Config(CommandLines, seed: 31));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void Random_model_file_headers_never_give_exit_3()
    {
        string people = sandbox.People();
        var files = new[] { "copula", "bootstrap", "distributions", "cart" }.Select(name =>
        {
            string path = sandbox.PathOf($"{name}.synth");
            Assert.Equal(0, CliSandbox.Run(SynthesizerRegistry.Default, "fit", people, "--model", name, "--out", path).ExitCode);
            return File.ReadAllBytes(path);
        }).ToArray();

        JsonNode?[] values = [null, "bogus", "", "empirical", "copula", "ks", -1, 0, 0.5, 1e9, int.MaxValue, long.MinValue, true, new JsonArray(), new JsonObject()];
        string[] keys = ["marginals", "joint", "ranking", "category_order", "seed", "bandwidth", "min_leaf", "visit_order", "threads", "unknown"];
        var edit =
            from file in Gen.Choose(0, files.Length - 1)
            from model in Gen.Elements("", "copula", "bootstrap", "distributions", "cart", "gan", "ctgan", "tvae", "timegan", "arima", "nope")
            from changes in Gen.Zip(Gen.Elements(keys), Gen.Choose(0, values.Length - 1)).ListOf()
            from dropMetadata in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
            from headerLength in Gen.Frequency((8, Gen.Constant((int?)null)), (1, Gen.Elements((int?)-1, int.MaxValue, 0, 3)))
            from payloadLength in Gen.Frequency((8, Gen.Constant((long?)null)), (1, Gen.Elements((long?)-1, int.MaxValue, long.MaxValue, 0)))
            select (file, model, changes.ToArray(), dropMetadata, headerLength, payloadLength);

        Prop.ForAll(edit.ToArbitrary(), sample =>
        {
            var parts = ModelFileBytes.Parse(files[sample.file]);
            if (sample.model.Length > 0) parts.Header["model"] = sample.model;
            var options = parts.Header["options"]!.AsObject();
            foreach (var (key, value) in sample.Item3) options[key] = values[value]?.DeepClone();
            if (sample.dropMetadata) parts.Header.Remove("metadata");
            string path = sandbox.PathOf("edited.synth");
            File.WriteAllBytes(path, parts.ToBytes(sample.headerLength, sample.payloadLength));

            string[] args = ["sample", path, "--rows", "5", "--out", sandbox.PathOf("out")];
            AssertContract(CliSandbox.Run(SynthesizerRegistry.Default, args), [.. args, parts.Header["options"]!.ToJsonString(), $"model={parts.Header["model"]}"]);
        }).Check(PropertyChecks.Config(Headers, seed: 32));
    }
}
