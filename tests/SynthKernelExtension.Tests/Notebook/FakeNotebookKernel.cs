using Microsoft.DotNet.Interactive.Formatting;
using SynthKernelExtension.Notebook;

namespace SynthTests.Support;

/// <summary>An in-memory notebook kernel: variables in a dictionary, displays rendered to HTML with the registered formatters.</summary>
public sealed class FakeNotebookKernel : INotebookKernel
{
    public Dictionary<string, object?> Variables { get; } = new();
    public Dictionary<string, Type> DeclaredTypes { get; } = new();

    /// <summary>Each display: the value last shown in it, its HTML, and how many times it was updated.</summary>
    public List<Shown> Displays { get; } = new();

    /// <summary>Called on every display or update (e.g. to cancel during a fit).</summary>
    public Action<object>? OnDisplay { get; set; }

    public bool TryGetVariable(string name, out object? value) => Variables.TryGetValue(name, out value);

    public Task SetVariableAsync(string name, object value, Type declaredType)
    {
        Variables[name] = value;
        DeclaredTypes[name] = declaredType;
        return Task.CompletedTask;
    }

    public INotebookDisplay Display(object value, string mimeType)
    {
        var shown = new Shown(mimeType);
        Displays.Add(shown);
        shown.Update(value);
        OnDisplay?.Invoke(value);
        return new Handle(this, shown);
    }

    public IEnumerable<T> Values<T>() => Displays.Select(d => d.Value).OfType<T>();

    public string AllHtml => string.Join("\n", Displays.Select(d => d.Html));

    public sealed class Shown(string mimeType)
    {
        public object? Value { get; private set; }
        public string Html { get; private set; } = "";
        public int Updates { get; private set; } = -1;

        /// <summary>The HTML of the first display and of each update, in order.</summary>
        public List<string> History { get; } = [];

        public void Update(object value)
        {
            Value = value;
            Html = Formatter.ToDisplayString(value, mimeType);
            History.Add(Html);
            Updates++;
        }
    }

    private sealed class Handle(FakeNotebookKernel kernel, Shown shown) : INotebookDisplay
    {
        public void Update(object value)
        {
            shown.Update(value);
            kernel.OnDisplay?.Invoke(value);
        }
    }
}
