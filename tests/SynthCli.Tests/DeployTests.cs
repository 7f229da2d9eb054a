using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using SynthCore.Registry;
using YamlDotNet.Serialization;

namespace SynthCli.Tests;

/// <summary>
/// deploy/: the xargs script runs K processes of the published CLI and DuckDB reads their folder as one table; the
/// Kubernetes Job is an Indexed Job whose pods run the same script with the shard from JOB_COMPLETION_INDEX; the
/// Dockerfile's entrypoint and tool are files the publish output and the folder hold.
/// </summary>
public sealed class DeployTests : IClassFixture<PublishedCli>, IDisposable
{
    private const int Rows = 45_000; // five blocks of 10,000 rows over three shards: 2, 2 and 1 blocks

    private static readonly string Deploy = Path.Combine(PublishedCli.RepoRoot, "deploy");

    private readonly PublishedCli published;
    private readonly CliSandbox sandbox = new();

    public DeployTests(PublishedCli published) => this.published = published;

    public void Dispose() => sandbox.Dispose();

    private sealed record Shell(int ExitCode, string Out, string Err);

    /// <summary>Runs a deploy/ script with <c>sh</c>, as a container or a shell would, with extra environment variables.</summary>
    private static Shell RunScript(string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("JOB_COMPLETION_INDEX");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(Deploy, script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in 3 minutes.");
        }
        return new Shell(process.ExitCode, output.Result, error.Result);
    }

    private string CopulaModel()
    {
        string model = sandbox.PathOf("penguins.synth");
        var fit = CliSandbox.Run(SynthesizerRegistry.Default, "fit", Path.Combine(PublishedCli.RepoRoot, "data", "penguins.csv"), "--model", "copula", "--out", model);
        Assert.True(fit.ExitCode == 0, fit.Err);
        return model;
    }

    [Fact]
    public void The_xargs_script_runs_K_published_CLIs_whose_folder_DuckDB_reads_as_one_typed_table()
    {
        string model = CopulaModel();
        string folder = sandbox.PathOf("parts");
        var run = RunScript("sample-shards.sh", new Dictionary<string, string> { ["SYNTH"] = published.Launcher, ["JOBS"] = "2" },
            model, Rows.ToString(CultureInfo.InvariantCulture), "3", folder, "--seed", "5");
        Assert.True(run.ExitCode == 0, run.Err + run.Out);
        Assert.Equal(["part-0-of-3.parquet", "part-1-of-3.parquet", "part-2-of-3.parquet"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string glob = Path.Combine(folder, "*.parquet").Replace("'", "''");
        using (var count = connection.CreateCommand())
        {
            count.CommandText = $"select count(*), count(distinct \"Island\") from read_parquet('{glob}')";
            using var reader = count.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(Rows, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            Assert.Equal(3, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
        }
        // Every column's type as DuckDB reads the folder: penguins.csv's text columns as VARCHAR, its numbers as DOUBLE.
        var types = new Dictionary<string, string>();
        using (var describe = connection.CreateCommand())
        {
            describe.CommandText = $"describe select * from read_parquet('{glob}')";
            using var reader = describe.ExecuteReader();
            while (reader.Read()) types[reader.GetString(0)] = reader.GetString(1);
        }
        Assert.Equal(7, types.Count);
        foreach (var text in new[] { "Species", "Island", "Sex" }) Assert.Equal("VARCHAR", types[text]);
        foreach (var number in new[] { "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)" }) Assert.Equal("DOUBLE", types[number]);
    }

    [Fact]
    public void A_shard_without_JOB_COMPLETION_INDEX_or_a_bad_K_fails_saying_so_and_writes_nothing()
    {
        string folder = sandbox.PathOf("none");
        var noIndex = RunScript("sample-shard.sh", new Dictionary<string, string> { ["SYNTH"] = published.Launcher }, "m.synth", "10", "4", folder);
        Assert.Equal(2, noIndex.ExitCode);
        Assert.Contains("JOB_COMPLETION_INDEX is not set", noIndex.Err);
        Assert.Contains("0 to 3", noIndex.Err);

        var badK = RunScript("sample-shards.sh", new Dictionary<string, string> { ["SYNTH"] = published.Launcher }, "m.synth", "10", "0", folder);
        Assert.Equal(2, badK.ExitCode);
        Assert.Contains("K must be a whole number of shards", badK.Err);

        // A shard number the tool refuses: the tool's own message, naming --shard.
        var outOfRange = RunScript("sample-shard.sh", new Dictionary<string, string> { ["SYNTH"] = published.Launcher, ["JOB_COMPLETION_INDEX"] = "4" },
            CopulaModel(), "10", "4", folder);
        Assert.Equal(1, outOfRange.ExitCode);
        Assert.Contains("--shard", outOfRange.Err);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void The_Kubernetes_Job_is_Indexed_and_its_pods_run_the_scripts_synth_sample_with_their_completion_index()
    {
        var job = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(Path.Combine(Deploy, "sample-job.yaml")));
        Assert.Equal("batch/v1", job["apiVersion"]);
        Assert.Equal("Job", job["kind"]);
        var spec = Map(job["spec"]);
        Assert.Equal("Indexed", spec["completionMode"]);
        int completions = int.Parse((string)spec["completions"], CultureInfo.InvariantCulture);
        Assert.InRange(int.Parse((string)spec["parallelism"], CultureInfo.InvariantCulture), 1, completions);

        var pod = Map(Map(spec["template"])["spec"]);
        Assert.Equal("Never", pod["restartPolicy"]);
        var container = Map(Assert.Single(List(pod["containers"])));
        // No command: the pod runs the image's entrypoint, sample-shard.sh (the Dockerfile test checks which it is).
        Assert.False(container.ContainsKey("command"));
        var args = List(container["args"]).Cast<string>().ToArray();
        Assert.True(args.Length >= 4, "args are MODEL ROWS K OUT [options]");
        Assert.True(long.Parse(args[1], CultureInfo.InvariantCulture) > 0);
        Assert.Equal(completions.ToString(CultureInfo.InvariantCulture), args[2]);

        // The model and the output folder are on the volume the pod mounts, and that volume is declared.
        var mount = Map(Assert.Single(List(container["volumeMounts"])));
        string mountPath = (string)mount["mountPath"];
        Assert.StartsWith(mountPath + "/", args[0]);
        Assert.StartsWith(mountPath + "/", args[3]);
        Assert.Contains(List(pod["volumes"]).Select(Map), v => Equals(v["name"], mount["name"]));

        // What pod i runs: the script with Kubernetes' JOB_COMPLETION_INDEX, echoed instead of run.
        foreach (int index in new[] { 0, completions - 1 })
        {
            var echoed = RunScript("sample-shard.sh", new Dictionary<string, string> { ["SYNTH"] = "echo synth", ["JOB_COMPLETION_INDEX"] = index.ToString(CultureInfo.InvariantCulture) }, args);
            Assert.True(echoed.ExitCode == 0, echoed.Err);
            Assert.Equal(
                $"synth sample {args[0]} --rows {args[1]} --shard {index}/{completions} --out {args[3]} --format parquet {string.Join(' ', args[4..])}".TrimEnd(),
                echoed.Out.Trim());
        }
    }

    [Fact]
    public void The_Dockerfile_copies_the_published_CLI_and_its_entrypoint_and_tool_are_files_it_copies()
    {
        var lines = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/runtime:10.0", Assert.Single(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal)));

        // COPY SOURCE DEST, the context being deploy/ with the publish output in deploy/publish (here: the test's publish).
        var copies = lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (Source: p[1] == "publish/" ? published.Directory + "/" : Path.Combine(Deploy, p[1]), Destination: p[2]))
            .ToArray();
        Assert.Contains(copies, c => c.Source == published.Directory + "/");
        // The file an image path comes from: the last COPY that writes it, to that very path or in a folder above it.
        string Resolve(string imagePath)
        {
            foreach (var (source, destination) in copies.Reverse())
            {
                if (!destination.EndsWith('/') && destination == imagePath) return source;
                if (destination.EndsWith('/') && imagePath.StartsWith(destination, StringComparison.Ordinal)) return Path.Combine(source, imagePath[destination.Length..]);
            }
            throw new Xunit.Sdk.XunitException($"{imagePath} is copied by no COPY line of the Dockerfile.");
        }

        string entrypoint = Assert.Single(JsonSerializer.Deserialize<string[]>(Assert.Single(lines, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal))["ENTRYPOINT ".Length..])!);
        string script = Resolve(entrypoint);
        Assert.Equal(Path.Combine(Deploy, "sample-shard.sh"), script);
        if (!OperatingSystem.IsWindows())
            Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, "the entrypoint script must be executable");

        string tool = Assert.Single(lines, l => l.StartsWith("ENV SYNTH=", StringComparison.Ordinal))["ENV SYNTH=".Length..];
        string launcher = Resolve(tool);
        Assert.True(File.Exists(launcher), $"{tool} is {launcher}, which the publish output does not hold.");
        Assert.Equal(published.Launcher, launcher);
        Assert.True(File.Exists(Path.Combine(published.Directory, "synth.dll")));

        // The .dockerignore keeps what the COPY lines need.
        var ignore = File.ReadAllLines(Path.Combine(Deploy, ".dockerignore"));
        Assert.Contains("!publish/", ignore);
        Assert.Contains("!sample-shard.sh", ignore);
    }

    private static Dictionary<object, object> Map(object node) => Assert.IsType<Dictionary<object, object>>(node);

    private static List<object> List(object node) => Assert.IsType<List<object>>(node);
}
