using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthNotebooks.Tests;

/// <summary>A code cell of a notebook: its position, kernel, code, and the text its outputs must contain.</summary>
internal sealed record CodeCell(int Index, string KernelName, string Code, IReadOnlyList<string> Expected)
{
    /// <summary>A fit that trains shows live progress: one display, then updates of it.</summary>
    public bool ShowsTraining => Expected.Contains("Training finished");
}

/// <summary>
/// A Polyglot notebook (.ipynb, nbformat 4) read as JSON: its code cells with the Polyglot kernel name and
/// our cell metadata <c>synthNotebooks.expect</c> (text the cell's outputs must contain); written back with
/// each cell's outputs as an executed copy.
/// </summary>
internal sealed class NotebookDocument
{
    private readonly JsonObject json;

    private NotebookDocument(string name, JsonObject json)
    {
        Name = name;
        this.json = json;
    }

    public string Name { get; }

    public static NotebookDocument Read(string path) =>
        new(Path.GetFileName(path), JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    public IEnumerable<CodeCell> CodeCells()
    {
        var cells = json["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!.AsObject();
            if ((string?)cell["cell_type"] != "code") continue;
            string kernel = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]
                ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"] ?? "csharp";
            string code = cell["source"] switch
            {
                JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
                JsonNode text => (string?)text ?? "",
                null => "",
            };
            var expected = cell["metadata"]?["synthNotebooks"]?["expect"]?.AsArray().Select(e => (string?)e).OfType<string>().ToArray() ?? [];
            yield return new CodeCell(i, kernel, code, expected);
        }
    }

    /// <summary>Records a cell's outputs (nbformat output objects) and its execution count.</summary>
    public void SetOutputs(CodeCell cell, IEnumerable<JsonObject> outputs, int executionCount)
    {
        var target = json["cells"]![cell.Index]!.AsObject();
        target["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o.DeepClone()).ToArray());
        target["execution_count"] = executionCount;
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }
}
