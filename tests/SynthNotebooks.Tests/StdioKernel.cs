using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace SynthNotebooks.Tests;

/// <summary>
/// The dotnet-interactive tool as users get it (pinned in the repository's tool manifest, dotnet-tools.json,
/// the kernel Polyglot Notebooks runs), driven over its stdio protocol with notebooks/ as working directory:
/// one JSON command per line in (<c>SubmitCode</c> with a token), kernel events out, a cell done when the
/// command with its token succeeds or fails. Only this kernel has the tool's own assemblies loaded (its
/// FSharp.Core among them), so only it catches a package that cannot load beside them.
/// </summary>
internal sealed class StdioKernel : INotebookKernel
{
    private readonly Process process;
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>();
    private readonly StringBuilder standardError = new();
    private int nextToken;

    private StdioKernel(Process process)
    {
        this.process = process;
        _ = Task.Run(ReadEventsAsync);
        process.ErrorDataReceived += (_, e) => { lock (standardError) standardError.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    public string Name => "stdio";

    private static readonly Lazy<Task> ToolRestored = new(() =>
        ProcessRunner.RunAsync("dotnet", ["tool", "restore"], RepoPaths.Root, TimeSpan.FromMinutes(10)));

    /// <summary>Starts the tool; the first call runs <c>dotnet tool restore</c>, which installs it from the manifest if missing.</summary>
    public static async Task<StdioKernel> StartAsync()
    {
        await ToolRestored.Value;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Notebooks,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "tool", "run", "dotnet-interactive", "--", "stdio", "--default-kernel", "csharp" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new StdioKernel(Process.Start(start)!);
    }

    public async Task<CellRun> RunAsync(CodeCell cell, TimeSpan timeout)
    {
        string token = (++nextToken).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var command = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = cell.Code, ["targetKernelName"] = cell.KernelName },
        };
        var run = new CellRun();
        var clock = Stopwatch.StartNew();
        await process.StandardInput.WriteLineAsync(command.ToJsonString());
        await process.StandardInput.FlushAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var e = await events.Reader.ReadAsync(cancel.Token);
                string? type = (string?)e["eventType"];
                var payload = e["event"] as JsonObject;
                bool ours = (string?)e["command"]?["token"] == token;
                switch (type)
                {
                    case "CommandSucceeded" when ours:
                        run.Elapsed = clock.Elapsed;
                        return run;
                    case "CommandFailed" when ours:
                        run.Failed((string?)payload?["message"] ?? "(no message)");
                        run.Elapsed = clock.Elapsed;
                        return run;
                    case "DisplayedValueProduced":
                        run.Displayed((string?)payload?["valueId"], Formatted(payload));
                        break;
                    case "DisplayedValueUpdated":
                        run.Updated((string?)payload?["valueId"] ?? "", Formatted(payload));
                        break;
                    case "ReturnValueProduced":
                        run.Returned(Formatted(payload));
                        break;
                    case "StandardOutputValueProduced":
                        run.StandardOutput(PlainText(payload));
                        break;
                    case "StandardErrorValueProduced":
                        run.StandardError(PlainText(payload));
                        break;
                    case "ErrorProduced":
                        run.Error((string?)payload?["message"] ?? "(no message)");
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"cell {cell.Index} did not finish within {timeout} in dotnet-interactive stdio.{Tail()}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"dotnet-interactive stdio exited (code {(process.HasExited ? process.ExitCode : -1)}) during cell {cell.Index}.{Tail()}");
        }
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (!line.StartsWith('{')) continue;
                JsonObject? e;
                try { e = JsonNode.Parse(line) as JsonObject; }
                catch (JsonException) { continue; }
                if (e is not null) await events.Writer.WriteAsync(e);
            }
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }

    private static IReadOnlyList<(string MimeType, string Value)> Formatted(JsonObject? payload) =>
        payload?["formattedValues"] is JsonArray values
            ? values.OfType<JsonObject>()
                .Where(v => (bool?)v["suppressDisplay"] != true)
                .Select(v => ((string?)v["mimeType"] ?? "", (string?)v["value"] ?? "")).ToArray()
            : [];

    private static string PlainText(JsonObject? payload) =>
        string.Concat(Formatted(payload).Where(f => f.MimeType == "text/plain").Select(f => f.Value));

    private string Tail()
    {
        lock (standardError)
        {
            string text = standardError.ToString();
            return text.Length == 0 ? "" : "\nIts standard error ends with:\n" + text[Math.Max(0, text.Length - 2000)..];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            try { await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)); }
            catch (TimeoutException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
    }
}
