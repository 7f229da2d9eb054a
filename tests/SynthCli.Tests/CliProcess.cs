using System.Diagnostics;

namespace SynthCli.Tests;

/// <summary>Runs the built tool as its own process (<c>dotnet synth.dll …</c>), with real console streams and signals.</summary>
public static class CliProcess
{
    public static string ToolPath => typeof(Program).Assembly.Location;

    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    /// <summary>Starts the tool with extra environment variables (e.g. DOTNET_GCHeapHardLimit to give it a memory limit).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    public static CliSandbox.Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static CliSandbox.Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"synth {string.Join(' ', args)} did not finish in 3 minutes.");
        }
        return new CliSandbox.Result(process.ExitCode, output.Result, error.Result);
    }
}
