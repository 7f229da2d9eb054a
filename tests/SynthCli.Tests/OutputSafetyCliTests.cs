using System.Diagnostics;
using SynthCore.Data;
using SynthCore.Registry;

namespace SynthCli.Tests;

/// <summary>
/// Nothing of the user's is harmed, whatever the flags: --force replaces only a regular file, every output path is
/// checked before any work (nothing written when one is bad), concurrent runs take the next free name, and
/// temporary files left by a killed run are cleaned up. Also the usage contract: an option twice is exit 2.
/// </summary>
public sealed class OutputSafetyCliTests : IDisposable
{
    private const string Model = "resample-test";
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static void AssertOneError(CliSandbox.Result result, int exitCode, params string[] parts)
    {
        Assert.True(result.ExitCode == exitCode, $"exit {result.ExitCode}: {result.Err}");
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("error: ", line);
        foreach (var part in parts) Assert.Contains(part, line);
    }

    /// <summary>Files (also hidden ones) in the sandbox other than the given inputs.</summary>
    private string[] Written(params string[] inputs) =>
        Directory.EnumerateFileSystemEntries(sandbox.Directory, "*", SearchOption.AllDirectories)
            .Where(p => !inputs.Contains(p)).Select(Path.GetFileName).ToArray()!;

    [Fact]
    public void Force_never_turns_a_device_into_a_file()
    {
        if (!File.Exists("/dev/full")) return; // Unix devices only
        string people = sandbox.People();
        foreach (var device in Devices())
        {
            var result = CliSandbox.Run(null, "describe", people, "--json", device, "--force");
            AssertOneError(result, 1, "'--json'", device, "a device");
            Assert.Equal(FileKind.Device, FileKinds.Of(device));
        }
    }

    /// <summary>
    /// The sandbox's own copies of /dev/full and /dev/null where mknod is allowed (root), so a regression replaces
    /// those, not the machine's; without that right the real ones, which such a user cannot replace anyway.
    /// </summary>
    private string[] Devices()
    {
        (string Name, string Minor)[] devices = [("full", "7"), ("null", "3")];
        var made = devices.Select(d =>
        {
            string path = sandbox.PathOf(d.Name);
            using var mknod = Process.Start(new ProcessStartInfo("mknod", [path, "c", "1", d.Minor]) { RedirectStandardError = true, UseShellExecute = false })!;
            mknod.StandardError.ReadToEnd();
            mknod.WaitForExit();
            return path;
        }).ToArray();
        return made.All(p => FileKinds.Of(p) == FileKind.Device) ? made : ["/dev/full", "/dev/null"];
    }

    [Fact]
    public void Force_does_not_replace_a_symlink_nor_write_through_it()
    {
        string people = sandbox.People();
        string target = sandbox.WriteCsv("target.json", "{\"mine\": true}\n");
        string link = sandbox.PathOf("link.json");
        File.CreateSymbolicLink(link, target);

        var result = CliSandbox.Run(null, "run", people, "--model", Model, "--rows", "5", "--out", sandbox.PathOf("out"), "--json", link, "--force");

        AssertOneError(result, 1, "'--json'", link, "symbolic link");
        Assert.Equal("{\"mine\": true}\n", File.ReadAllText(target));
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.False(Directory.Exists(sandbox.PathOf("out")), "the CSV was written before the --json path was refused");
    }

    [Fact]
    public void Force_does_not_open_a_fifo()
    {
        if (OperatingSystem.IsWindows()) return; // no fifos
        string people = sandbox.People();
        string fifo = sandbox.PathOf("pipe.json");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));

        // Its own process: a tool that opened the fifo would block there, and the timeout would say so.
        var result = CliProcess.Run(sandbox.Directory, "describe", people, "--json", fifo, "--force");

        AssertOneError(result, 1, "'--json'", fifo, "fifo");
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
    }

    [Fact]
    public void Force_does_not_replace_a_directory()
    {
        string people = sandbox.People();
        string folder = sandbox.PathOf("results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "keep");

        var result = CliSandbox.Run(null, "run", people, "--model", Model, "--rows", "5", "--out", sandbox.PathOf("out"), "--report", folder, "--force");

        AssertOneError(result, 1, "'--report'", "is a directory");
        Assert.Equal("keep", File.ReadAllText(Path.Combine(folder, "keep.txt")));
        Assert.False(Directory.Exists(sandbox.PathOf("out")));
    }

    [Theory]
    [InlineData("--json", "")]
    [InlineData("--report", "")]
    [InlineData("--out", "")]
    [InlineData("--json", "a-file/summary.json")]
    [InlineData("--report", "a-file/report.html")]
    [InlineData("--out", "people.csv")]
    [InlineData("--name", "../escape")]
    public void A_bad_output_path_fails_before_anything_is_written(string option, string value)
    {
        string people = sandbox.People();
        File.WriteAllText(sandbox.PathOf("a-file"), "not a folder");
        string path = value.Length == 0 ? value : sandbox.PathOf(value);
        var args = new List<string> { "run", people, "--model", Model, "--rows", "5" };
        if (option != "--out") args.AddRange(["--out", sandbox.PathOf("out")]);
        args.AddRange([option, option == "--name" ? value : path]);

        var result = CliSandbox.Run(null, args.ToArray());

        AssertOneError(result, 1, $"'{option}'");
        Assert.Empty(Written(people, sandbox.PathOf("a-file")));
    }

    [Fact]
    public void A_missing_folder_for_an_output_file_is_created()
    {
        string people = sandbox.People();
        var result = CliSandbox.Run(null, "fit", people, "--model", Model, "--out", sandbox.PathOf("models/new/people.synth"));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Err}");
        Assert.True(File.Exists(sandbox.PathOf("models/new/people.synth")));
    }

    [Fact]
    public void Force_does_not_replace_the_commands_own_input()
    {
        string people = sandbox.People();
        byte[] before = File.ReadAllBytes(people);

        AssertOneError(CliSandbox.Run(null, "describe", people, "--json", people, "--force"), 1, "'--json'", "is an input");
        AssertOneError(CliSandbox.Run(null, "evaluate", people, people, "--report", people, "--force"), 1, "'--report'", "is an input");
        AssertOneError(CliSandbox.Run(null, "fit", people, "--model", Model, "--out", people, "--force"), 1, "'--out'", "is an input");

        Assert.Equal(before, File.ReadAllBytes(people));
        Assert.Empty(Written(people));
    }

    [Fact]
    public void An_unwritable_folder_is_refused_before_any_work()
    {
        // /proc refuses new files even to root, where permission bits would not.
        if (!Directory.Exists("/proc/self")) return;
        string people = sandbox.People();
        AssertOneError(CliSandbox.Run(null, "run", people, "--model", Model, "--rows", "5", "--out", sandbox.PathOf("out"), "--json", "/proc/summary.json"),
            1, "'--json'", "not writable");
        AssertOneError(CliSandbox.Run(null, "run", people, "--model", Model, "--rows", "5", "--out", "/proc/synth-out"), 1, "'--out'", "not writable");
        Assert.Empty(Written(people));
    }

    [Fact]
    public void Fit_and_plot_refuse_an_empty_out_before_working()
    {
        string people = sandbox.People();
        AssertOneError(CliSandbox.Run(null, "fit", people, "--model", Model, "--out", ""), 1, "'--out'", "empty");
        AssertOneError(CliSandbox.Run(null, "plot", people, people, "--kind", "qq", "--out", ""), 1, "'--out'", "empty");
        AssertOneError(CliSandbox.Run(null, "sample", "model.synth", "--rows", "5", "--out", ""), 1, "'--out'", "empty");
        Assert.Empty(Written(people));
    }

    [Fact]
    public void Parallel_plots_into_one_folder_all_succeed_under_free_names()
    {
        string real = sandbox.People();
        var processes = Enumerable.Range(0, 4).Select(_ => CliProcess.Start(sandbox.Directory, "plot", real, real, "--kind", "qq")).ToArray();
        var results = processes.Select(p =>
        {
            string err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "a plot hung");
            return (p.ExitCode, err);
        }).ToArray();
        foreach (var p in processes) p.Dispose();

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.err));
        var pages = Directory.GetFiles(Path.Combine(sandbox.Directory, "outputs"));
        Assert.Equal(4, pages.Length);
        Assert.All(pages, p => Assert.Matches(@"^qq_plot_\d{8}_\d{6}(_[234])?\.html$", Path.GetFileName(p)));
    }

    [Fact]
    public void A_stale_temporary_file_of_a_killed_run_is_removed_by_the_next_write()
    {
        string people = sandbox.People();
        string outDir = sandbox.PathOf("out");
        Directory.CreateDirectory(outDir);
        int dead = DeadProcessId();
        string stale = Path.Combine(outDir, $".people_synthetic_20260101_000000.csv.{dead}.{Guid.NewGuid():N}.tmp");
        string live = Path.Combine(outDir, $".people_synthetic_20260101_000000.csv.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        string notOurs = Path.Combine(outDir, ".notes.tmp");
        string recent = Path.Combine(outDir, $".people_synthetic_20260101_000001.csv.{dead}.{Guid.NewGuid():N}.tmp");
        foreach (var path in new[] { stale, live, notOurs, recent }) File.WriteAllText(path, "partial");
        foreach (var path in new[] { stale, live, notOurs }) File.SetLastWriteTimeUtc(path, DateTime.UtcNow - TempFile.StaleAfter - TimeSpan.FromMinutes(1));

        var result = CliSandbox.Run(null, "run", people, "--model", Model, "--rows", "5", "--out", outDir);

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.False(File.Exists(stale), "the temporary file of a process that no longer runs was left behind");
        Assert.True(File.Exists(live), "the temporary file of a running process was removed");
        Assert.True(File.Exists(notOurs), "a file that is not ours was removed");
        Assert.True(File.Exists(recent), "a temporary file written moments ago (perhaps by a process this machine cannot see) was removed");
        Assert.Single(Directory.GetFiles(outDir, "*.csv"));
    }

    [Fact]
    public void A_temporary_file_left_by_sigkill_is_removed_by_the_next_write()
    {
        string model = sandbox.PathOf("model.synth");
        Assert.Equal(0, CliSandbox.Run(SynthesizerRegistry.Default, "fit", sandbox.People(), "--model", "copula", "--out", model).ExitCode);
        string outDir = sandbox.PathOf("out");

        // Streams millions of rows: killed while its temporary CSV is being written.
        using var process = CliProcess.Start(sandbox.Directory, "sample", model, "--rows", "50000000", "--out", outDir);
        var clock = Stopwatch.StartNew();
        while (!(Directory.Exists(outDir) && Directory.GetFiles(outDir, ".*.tmp").Any(f => new FileInfo(f).Length > 0)) && clock.Elapsed < TimeSpan.FromMinutes(2))
            Thread.Sleep(50);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        string[] left = Directory.GetFiles(outDir, ".*.tmp");
        Assert.NotEmpty(left);
        // As if the next run came a while later: a temporary file written moments ago is left alone.
        foreach (var path in left) File.SetLastWriteTimeUtc(path, DateTime.UtcNow - TempFile.StaleAfter - TimeSpan.FromMinutes(1));

        var next = CliSandbox.Run(SynthesizerRegistry.Default, "sample", model, "--rows", "5", "--out", outDir);

        Assert.True(next.ExitCode == 0, next.Err);
        Assert.Empty(Directory.GetFiles(outDir, ".*.tmp"));
        Assert.Single(Directory.GetFiles(outDir, "*.csv"));
    }

    [Fact]
    public void An_option_given_twice_is_a_usage_error()
    {
        string people = sandbox.People();
        AssertOneError(CliSandbox.Run(null, "run", people, "--model", Model, "--rows", "5", "--rows", "6"), 2, "'--rows'", "twice", "--help");
        AssertOneError(CliSandbox.Run(null, "describe", people, "--json", "a.json", "--json", "b.json"), 2, "'--json'", "twice");
        Assert.Empty(Written(people));
    }

    [Theory]
    [InlineData("--rows", "1000000000000", "too large: at most 2147483647")]
    [InlineData("--seed", "99999999999", "too large: at most 2147483647")]
    [InlineData("--epochs", "-99999999999", "too small: at least -2147483648")]
    [InlineData("--rows", "ten", "is not a whole number")]
    [InlineData("--learning-rate", "1e400", "too large: at most 1.7976931348623157E+308")]
    [InlineData("--learning-rate", "Infinity", "is not a number")]
    public void An_out_of_range_whole_number_says_so(string option, string value, string message)
    {
        var result = CliSandbox.Run(null, "run", sandbox.People(), "--model", Model, option, value);
        AssertOneError(result, 1, $"'{option}'", message);
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.Id;
    }
}
