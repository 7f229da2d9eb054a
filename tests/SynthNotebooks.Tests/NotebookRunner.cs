using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Scripting;
using SynthKernelExtension.Commands;
using SynthKernelExtension.Notebook;

namespace SynthNotebooks.Tests;

/// <summary>A problem found while running a notebook: which cell, and what.</summary>
internal sealed record CellFailure(int Cell, string Message);

/// <summary>
/// Runs a Polyglot notebook's C# cells in order, as the kernel would: C# through Roslyn scripting
/// (<see cref="ScriptKernel"/>); <c>#!synth</c> lines through the same <see cref="NotebookSession"/>
/// the kernel glue (extension.dib) creates; <c>#r "nuget: SynthNotebooks…"</c> loads the extension
/// (the assemblies are this test's references); <c>#i</c> package sources are skipped. A cell fails
/// on a compile or runtime error, a <c>#!synth</c> error, or a missing expected output
/// (cell metadata <c>synthNotebooks.expect</c>: strings that must appear in the cell's outputs).
/// </summary>
internal sealed class NotebookRunner
{
    private readonly ScriptKernel kernel = new();
    private NotebookSession? session;

    public List<CellFailure> Failures { get; } = [];

    /// <summary>Runs the notebook and returns it with each code cell's outputs and execution count.</summary>
    public async Task<JsonObject> RunAsync(string path)
    {
        var notebook = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        var cells = notebook["cells"]!.AsArray();
        int executed = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!.AsObject();
            if ((string?)cell["cell_type"] != "code") continue;
            if (!IsCSharp(cell))
            {
                Failures.Add(new CellFailure(i, "only C# cells are run; this cell is for another kernel."));
                continue;
            }
            kernel.Outputs = [];
            string source = Source(cell);
            string? error = await RunCellAsync(source);
            if (error is not null)
            {
                Failures.Add(new CellFailure(i, error));
                kernel.Outputs.Add(new JsonObject
                {
                    ["output_type"] = "error",
                    ["ename"] = "Error",
                    ["evalue"] = error,
                    ["traceback"] = new JsonArray(),
                });
            }
            string shown = string.Join("\n", kernel.Outputs.SelectMany(Texts));
            foreach (var expected in Expectations(cell))
                if (!shown.Contains(expected, StringComparison.Ordinal))
                    Failures.Add(new CellFailure(i, $"expected output containing '{expected}' is missing."));
            cell["outputs"] = new JsonArray(kernel.Outputs.Select(o => (JsonNode)o).ToArray());
            cell["execution_count"] = ++executed;
            if (error is not null) break; // as "Run All" stops at a failing cell
        }
        return notebook;
    }

    /// <summary>Runs one cell; returns its error message, or null.</summary>
    private async Task<string?> RunCellAsync(string source)
    {
        var code = new List<string>();
        foreach (var rawLine in source.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            string trimmed = line.Trim();
            if (trimmed.StartsWith("#i ", StringComparison.Ordinal)) continue;
            if (trimmed.StartsWith("#r ", StringComparison.Ordinal))
            {
                if (!trimmed.Contains("nuget: SynthNotebooks", StringComparison.Ordinal) && !trimmed.Contains("nuget:SynthNotebooks", StringComparison.Ordinal))
                    return $"the runner only loads the SynthNotebooks package, not {trimmed}.";
                // What loading the package does in the kernel: extension.dib makes one session.
                session ??= new NotebookSession(kernel);
                continue;
            }
            if (trimmed == SynthDirectiveSyntax.Name || trimmed.StartsWith(SynthDirectiveSyntax.Name + " ", StringComparison.Ordinal))
            {
                if (await FlushAsync(code) is { } codeError) return codeError;
                if (session is null) return "#!synth used before the SynthNotebooks package was loaded (#r \"nuget: SynthNotebooks\").";
                int exit = await session.RunAsync(trimmed);
                if (exit != ExitCodes.Success) return $"'{trimmed}' stopped with exit code {exit}.";
                continue;
            }
            code.Add(line);
        }
        return await FlushAsync(code);
    }

    private async Task<string?> FlushAsync(List<string> code)
    {
        string text = string.Join("\n", code);
        code.Clear();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            await kernel.RunAsync(text);
            return null;
        }
        catch (CompilationErrorException e)
        {
            return "compile error: " + string.Join("; ", e.Diagnostics.Select(d => d.ToString()));
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>The text of an output: each MIME type's content, or an error's message.</summary>
    private static IEnumerable<string> Texts(JsonObject output) =>
        output["data"] is JsonObject data
            ? data.Select(pair => (string?)pair.Value ?? "")
            : [(string?)output["evalue"] ?? ""];

    private static bool IsCSharp(JsonObject cell)
    {
        string? kernelName = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]
            ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"];
        return kernelName is null or "csharp";
    }

    private static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonNode text => (string?)text ?? "",
        null => "",
    };

    private static IEnumerable<string> Expectations(JsonObject cell) =>
        cell["metadata"]?["synthNotebooks"]?["expect"]?.AsArray().Select(e => (string?)e).OfType<string>() ?? [];
}
