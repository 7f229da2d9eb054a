namespace SynthReports.Charts;

/// <summary>
/// A plotly.js figure: traces and a layout, each a set of plotly.js attributes by their plotly.js names
/// (<c>x</c>, <c>marker</c>, <c>xaxis</c>, …). Our own small model rather than Plotly.NET, which needs a
/// newer FSharp.Core than the dotnet-interactive tool has loaded; only the JSON crosses to the page
/// (<see cref="FigureJson"/>, <see cref="FigureHtml"/>).
/// </summary>
public sealed class Figure
{
    public Figure(IEnumerable<Trace> traces, Layout? layout = null)
    {
        Traces = traces.ToArray();
        Layout = layout ?? new Layout();
    }

    public IReadOnlyList<Trace> Traces { get; }

    public Layout Layout { get; }

    /// <summary>The figure as plotly.js takes it: <c>{"data": [...], "layout": {...}}</c>.</summary>
    public string ToJson() => FigureJson.Write(this);
}

/// <summary>plotly.js attributes of one object, in the order they were set; a value set twice keeps its place.</summary>
public abstract class PlotlyObject
{
    private readonly Dictionary<string, object?> attributes = new(StringComparer.Ordinal);

    /// <summary>The attributes by plotly.js name. Values: numbers, strings, booleans, dates, arrays, dictionaries, or nested objects.</summary>
    public IReadOnlyDictionary<string, object?> Attributes => attributes;

    /// <summary>The attribute's value, or null when it is not set.</summary>
    public object? this[string name] => attributes.GetValueOrDefault(name);

    protected void Put(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        attributes[name] = value;
    }
}

/// <summary>One plotly.js trace (<c>scatter</c>, <c>bar</c>, <c>heatmap</c>, <c>splom</c>, …).</summary>
public sealed class Trace : PlotlyObject
{
    public Trace(string type) => Put("type", type);

    public string Type => (string)this["type"]!;

    /// <summary>Sets a plotly.js trace attribute (see plotly.js's reference for the names).</summary>
    public Trace Set(string name, object? value)
    {
        Put(name, value);
        return this;
    }
}

/// <summary>A plotly.js layout: title, axes, size, bar mode, ….</summary>
public sealed class Layout : PlotlyObject
{
    /// <summary>Sets a plotly.js layout attribute.</summary>
    public Layout Set(string name, object? value)
    {
        Put(name, value);
        return this;
    }
}
