using System.Reflection;
using Microsoft.Data.Analysis;
using SynthCommands;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Synthesizers;
using SynthKernelExtension.Notebook;

namespace SynthKernelExtension.Formatters;

/// <summary>HTML for the values the commands show and bind: models, schemas, tables, messages.</summary>
public static class HtmlSummaries
{
    /// <summary>Rows a DataFrame preview shows.</summary>
    public const int PreviewRows = 10;

    public static string Metadata(TableMetadata metadata)
    {
        var html = new StringBuilder("<div class=\"synth-metadata\">");
        html.Append("<div><b>Table metadata</b>: ").Append(metadata.RowCount.ToString("N0", Html.Invariant)).Append(" rows, ")
            .Append(metadata.Columns.Count).Append(" columns</div>");
        Html.Table(html, ["column", "kind", "missing", "missing %", "distinct"], metadata.Columns.Select(c => (IReadOnlyList<string>)
        [
            c.Name, Kind(c.Kind) + (c.Overridden ? " (set)" : ""), c.MissingCount.ToString("N0", Html.Invariant),
            Html.Number(100 * c.MissingFraction, "0.0") + "%", c.DistinctCount.ToString("N0", Html.Invariant),
        ]));
        return html.Append("</div>").ToString();
    }

    public static string Description(TableDescription description)
    {
        var html = new StringBuilder("<div class=\"synth-describe\">");
        html.Append("<div><b>").Append(Html.Encode(description.Source)).Append("</b>: ").Append(description.Rows.ToString("N0", Html.Invariant))
            .Append(" rows, ").Append(description.Columns.Count).Append(" columns</div>");
        Html.Table(html, ["column", "kind", "missing", "missing %", "distinct"], description.Columns.Select(c => (IReadOnlyList<string>)
        [
            c.Name, Kind(c.Kind) + (c.Overridden ? " (set)" : ""), c.MissingCount.ToString("N0", Html.Invariant),
            Html.Number(c.MissingPercent, "0.0") + "%", c.DistinctCount.ToString("N0", Html.Invariant),
        ]));
        return html.Append("</div>").ToString();
    }

    /// <summary>
    /// A fitted model: its name, the options it was trained with (any public <c>Options</c> record the
    /// model exposes, read by reflection because each model has its own options type), and its schema.
    /// </summary>
    public static string FittedModel(IFittedSynthesizer model)
    {
        var html = new StringBuilder("<div class=\"synth-model\">");
        html.Append("<div><b>Fitted ").Append(Html.Encode(model.ModelName)).Append(" model</b> (")
            .Append(Html.Encode(model.GetType().Name)).Append("): ").Append(model.Metadata.Columns.Count).Append(" columns, trained on ")
            .Append(model.Metadata.RowCount.ToString("N0", Html.Invariant)).Append(" rows</div>");
        if (model.GetType().GetProperty("Options", BindingFlags.Public | BindingFlags.Instance)?.GetValue(model) is { } options)
        {
            var rows = options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                .Select(p => (IReadOnlyList<string>)[p.Name, Value(p.GetValue(options))]);
            html.Append("<details><summary>options</summary>");
            Html.Table(html, ["option", "value"], rows);
            html.Append("</details>");
        }
        if (PrivacyReleaseTable.Of(model) is { } account)
            html.Append("<details><summary>").Append(Html.Encode(string.Create(Html.Invariant,
                    $"differential privacy: ε = {account.Epsilon:G4}, δ = {account.Delta:G3}, {account.Releases.Count} released statistics")))
                .Append("</summary>").Append(Preformatted("synth-privacy", PrivacyReleaseTable.Render(account))).Append("</details>");
        html.Append(Metadata(model.Metadata));
        return html.Append("</div>").ToString();
    }

    /// <summary>Shape, column types, and the first <see cref="PreviewRows"/> rows (missing values shown as empty cells).</summary>
    public static string DataFramePreview(DataFrame table)
    {
        var html = new StringBuilder("<div class=\"synth-dataframe\">");
        long rows = table.Rows.Count;
        html.Append("<div><b>DataFrame</b>: ").Append(rows.ToString("N0", Html.Invariant)).Append(" rows &times; ")
            .Append(table.Columns.Count).Append(" columns")
            .Append(rows > PreviewRows ? $" (first {PreviewRows} shown)" : "").Append("</div>");
        var headers = table.Columns.Select(c => $"{c.Name} ({TypeName(c.DataType)})").ToArray();
        var preview = Enumerable.Range(0, (int)Math.Min(rows, PreviewRows))
            .Select(r => (IReadOnlyList<string>)table.Columns.Select(c => Cell(c[r])).ToArray());
        Html.Table(html, headers, preview);
        return html.Append("</div>").ToString();
    }

    public static string Models(ModelList list)
    {
        var html = new StringBuilder("<div class=\"synth-models\">");
        Html.Table(html, ["model", "description"], list.Models.Select(m => (IReadOnlyList<string>)[m.Name, m.Description]));
        if (list.WithOptions)
            foreach (var m in list.Models.Where(m => m.Options.Count > 0))
                Html.Table(html, ["--option", "value", "default", "sets"], m.Options.Select(o => (IReadOnlyList<string>)[o.Name, o.Type, o.Default, o.Help]));
        return html.Append("</div>").ToString();
    }

    /// <summary>The comparison as the console prints it, kept monospace (its charts are the evaluation formatters').</summary>
    public static string Comparison(TableComparison comparison) => Preformatted("synth-comparison", TextRendering.Compare(comparison));

    /// <summary>Text kept monospace with its line breaks.</summary>
    public static string Preformatted(string cssClass, string text) => $"<div class=\"{cssClass}\"><pre>{Html.Encode(text)}</pre></div>";

    public static string Message(SynthMessage message) => $"<div class=\"synth-message\" style=\"white-space:pre-wrap\">{Html.Encode(message.Text)}</div>";

    public static string Error(SynthError error) =>
        "<div class=\"synth-error\" style=\"color:#b00020;border-left:4px solid #b00020;padding:4px 8px;background:#fdecee\">"
        + $"<b>synth error</b>: {Html.Encode(error.Message)}</div>";

    public static string Stored(StoredVariable stored) =>
        $"<div class=\"synth-stored\">Stored <code>{Html.Encode(stored.Name)}</code> ({Html.Encode(stored.TypeName)}): {Html.Encode(stored.Summary)}</div>";

    /// <summary>A one-line summary of a bound value.</summary>
    public static string OneLine(object value) => value switch
    {
        DataFrame t => $"{t.Rows.Count:N0} rows x {t.Columns.Count} columns",
        IFittedSynthesizer m => $"fitted {m.ModelName} model of {m.Metadata.Columns.Count} columns",
        _ => value.GetType().Name,
    };

    private static string Kind(ColumnKind kind) => kind.ToString().ToLowerInvariant();

    private static string Value(object? value) => value switch
    {
        null => "",
        double d => Html.Number(d, "0.######"),
        IFormattable f => f.ToString(null, Html.Invariant),
        _ => value.ToString() ?? "",
    };

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", Html.Invariant) : d.ToString("yyyy-MM-dd HH:mm:ss", Html.Invariant),
        double x => Html.Number(x),
        IFormattable f => f.ToString(null, Html.Invariant),
        _ => value.ToString() ?? "",
    };

    private static string TypeName(Type type) => type == typeof(double) ? "double" : type == typeof(string) ? "string" : type == typeof(bool) ? "bool" : type.Name;
}
