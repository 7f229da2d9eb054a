using System.Diagnostics;

namespace SynthNotebooks.Tests;

/// <summary>Runs a command to completion and returns its exit code and output; fails the test with both when it does not succeed.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout}.");
        }
        string text = await output + await error;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{file} {string.Join(' ', start.ArgumentList)}' exited with {process.ExitCode}:\n{text}");
        return text;
    }
}
