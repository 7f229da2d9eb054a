using Microsoft.Data.Analysis;
using SynthCommands;
using SynthCore;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthTests.Support;

/// <summary>An in-memory host: tables and models by name, and everything shown or written, for assertions.</summary>
public sealed class RecordingHost : ISynthHost
{
    public Dictionary<string, DataFrame> Tables { get; } = new();
    public Dictionary<string, IFittedSynthesizer> Models { get; } = new();
    public Dictionary<string, object> Stored { get; } = new();
    public List<object> Shown { get; } = new();
    public List<string> Lines { get; } = new();
    public List<string> Errors { get; } = new();

    /// <summary>Called on every shown or updated value (e.g. to cancel during a fit).</summary>
    public Action<object>? OnShow { get; set; }

    public DataFrame ResolveTable(string name) =>
        Tables.TryGetValue(name, out var table) ? table : throw new SynthException($"There is no table called '{name}'.");

    public IFittedSynthesizer ResolveModel(string name, SynthesizerRegistry registry)
    {
        if (Models.TryGetValue(name, out var model)) return model;
        if (!File.Exists(name)) throw new SynthException($"There is no model called '{name}'.");
        using var stream = File.OpenRead(name);
        return registry.Load(stream);
    }

    public void Store(string name, object value) => Stored[name] = value;

    public IDisplayHandle Show(object value)
    {
        Record(value);
        return new Handle(this);
    }

    public void WriteLine(string message) => Lines.Add(message);

    public void WriteError(string message) => Errors.Add(message);

    public string Output => string.Join("\n", Lines.Concat(Shown.Select(TextRendering.Render)));

    private void Record(object value)
    {
        Shown.Add(value);
        OnShow?.Invoke(value);
    }

    private sealed class Handle(RecordingHost host) : IDisplayHandle
    {
        public void Update(object value) => host.Record(value);
    }
}
