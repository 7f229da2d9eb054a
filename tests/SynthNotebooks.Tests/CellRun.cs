using System.Text.Json.Nodes;

namespace SynthNotebooks.Tests;

/// <summary>
/// What one cell did, gathered from the kernel's events (either kernel): its outputs as a front end
/// would show them (a display updated in place keeps one output), its failure, the errors it showed, and
/// for each display id how often it was produced and updated.
/// </summary>
internal sealed class CellRun
{
    private readonly List<JsonObject> outputs = [];
    private readonly Dictionary<string, JsonObject> displays = new(StringComparer.Ordinal);

    public IReadOnlyList<JsonObject> Outputs => outputs;

    /// <summary>The kernel's CommandFailed message, or null when the cell succeeded.</summary>
    public string? Failure { get; private set; }

    /// <summary>Errors the cell showed: ErrorProduced events, standard error, our extension's error displays.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Per display id: (times produced, times updated), in the order ids first appeared.</summary>
    public List<(string ValueId, int Produced, int Updated)> DisplayIds { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public void Displayed(string? valueId, IReadOnlyList<(string MimeType, string Value)> formatted)
    {
        var output = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(formatted), ["metadata"] = new JsonObject() };
        outputs.Add(output);
        CheckForError(formatted);
        if (valueId is null) return;
        displays[valueId] = output;
        Count(valueId, produced: 1, updated: 0);
    }

    public void Updated(string valueId, IReadOnlyList<(string MimeType, string Value)> formatted)
    {
        // A front end replaces the display's content; an update of an id never produced shows nothing.
        if (displays.TryGetValue(valueId, out var output)) output["data"] = Data(formatted);
        else Errors.Add($"display {valueId} was updated before it was shown.");
        CheckForError(formatted);
        Count(valueId, produced: 0, updated: 1);
    }

    public void Returned(IReadOnlyList<(string MimeType, string Value)> formatted)
    {
        outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["data"] = Data(formatted), ["metadata"] = new JsonObject(), ["execution_count"] = null });
        CheckForError(formatted);
    }

    public void StandardOutput(string text) => outputs.Add(Stream("stdout", text));

    public void StandardError(string text)
    {
        outputs.Add(Stream("stderr", text));
        Errors.Add($"standard error: {text.Trim()}");
    }

    public void Error(string message)
    {
        outputs.Add(ErrorOutput(message));
        Errors.Add(message);
    }

    public void Failed(string message)
    {
        Failure = message;
        if (!Errors.Contains(message)) outputs.Add(ErrorOutput(message));
    }

    /// <summary>All text of the outputs as last shown.</summary>
    public string Text() => string.Join("\n", outputs.SelectMany(o =>
        o["data"] is JsonObject data ? data.Select(p => (string?)p.Value ?? "") : [(string?)o["text"] ?? (string?)o["evalue"] ?? ""]));

    /// <summary>The HTML of each output that holds a chart (as last shown), with its position among the cell's outputs.</summary>
    public IEnumerable<(int Output, string Html)> ChartOutputs() =>
        outputs.Select((o, i) => (i, Html: (string?)o["data"]?["text/html"]))
            .Where(p => p.Html is not null && p.Html.Contains("class=\"synth-chart\"", StringComparison.Ordinal))
            .Select(p => (p.i, p.Html!));

    private void Count(string valueId, int produced, int updated)
    {
        int i = DisplayIds.FindIndex(d => d.ValueId == valueId);
        if (i < 0) DisplayIds.Add((valueId, produced, updated));
        else DisplayIds[i] = (valueId, DisplayIds[i].Produced + produced, DisplayIds[i].Updated + updated);
    }

    private void CheckForError(IReadOnlyList<(string MimeType, string Value)> formatted)
    {
        foreach (var (mimeType, value) in formatted)
            if (mimeType == "text/html" && value.Contains("class=\"synth-error\"", StringComparison.Ordinal))
                Errors.Add($"the extension showed an error: {value}");
    }

    private static JsonObject Data(IReadOnlyList<(string MimeType, string Value)> formatted)
    {
        var data = new JsonObject();
        foreach (var (mimeType, value) in formatted) data[mimeType] = value;
        return data;
    }

    private static JsonObject Stream(string name, string text) => new() { ["output_type"] = "stream", ["name"] = name, ["text"] = text };

    private static JsonObject ErrorOutput(string message) =>
        new() { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = message, ["traceback"] = new JsonArray() };
}

/// <summary>A kernel that runs notebook cells one at a time: the real kernel in this process, or the tool over stdio.</summary>
internal interface INotebookKernel : IAsyncDisposable
{
    /// <summary>Short name, used for the executed copies' folder.</summary>
    string Name { get; }

    Task<CellRun> RunAsync(CodeCell cell, TimeSpan timeout);
}
