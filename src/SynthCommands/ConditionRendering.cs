using SynthCore.Evaluation.Conditions;

namespace SynthCommands;

/// <summary>The condition report of <c>--where</c> (<see cref="ConditionReport"/>) as text and as the <c>conditions</c> node of <c>--json</c>.</summary>
internal static class ConditionRendering
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Text(ConditionReport report, IReadOnlyList<string> clauses)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Conditions (--where): {string.Join("; ", clauses)}\n");
        text.Append(Invariant, $"{100 * report.Share:0.0}% of {report.SyntheticRows:N0} synthetic rows meet all of them ({report.SyntheticMeeting:N0}).");
        if (report.RealMeeting is not int realMeeting) return text.ToString();
        text.Append(Invariant, $"\n{realMeeting:N0} of {report.RealRows:N0} real rows meet them");
        if (report.Columns.Count == 0) return text.Append(realMeeting == 0 ? ": nothing to compare the synthetic rows with." : ".").ToString();
        text.Append(": KS of the synthetic rows against those (0: the same distribution; * conditioned)\n");
        var table = new TextTable("column", "KS", "p-value", "real rows", "synthetic rows");
        foreach (var c in report.Columns)
            table.Add(c.Column + (c.Conditioned ? " *" : ""), c.Ks.Statistic.ToString("0.000", Invariant), c.Ks.PValue.ToString("0.000", Invariant),
                c.RealRows.ToString("N0", Invariant), c.SyntheticRows.ToString("N0", Invariant));
        return text.Append(table).ToString();
    }

    public static JsonObject Json(ConditionReport report, IReadOnlyList<string> clauses) => new()
    {
        ["where"] = new JsonArray(clauses.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        ["synthetic_rows"] = report.SyntheticRows,
        ["synthetic_rows_meeting"] = report.SyntheticMeeting,
        ["share_meeting"] = JsonSummary.Number(report.Share),
        ["real_rows"] = report.RealRows,
        ["real_rows_meeting"] = report.RealMeeting,
        ["ks"] = new JsonArray(report.Columns.Select(c => (JsonNode?)new JsonObject
        {
            ["column"] = c.Column,
            ["conditioned"] = c.Conditioned,
            ["statistic"] = JsonSummary.Number(c.Ks.Statistic),
            ["p_value"] = JsonSummary.Number(c.Ks.PValue),
            ["real_rows"] = c.RealRows,
            ["synthetic_rows"] = c.SyntheticRows,
        }).ToArray()),
    };
}
