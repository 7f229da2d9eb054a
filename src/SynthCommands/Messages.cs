using SynthCore.Export;

namespace SynthCommands;

/// <summary>Lines the commands print, worded once.</summary>
internal static class Messages
{
    public static string Balanced(string column, BalanceResult result) =>
        $"Balanced '{column}': " + string.Join(", ", result.RealCounts.Select(kv => $"{kv.Key} {kv.Value} real + {result.Added[kv.Key]} synthetic"));

    public static string Exported(ExportResult export) => string.Create(CultureInfo.InvariantCulture,
        $"Wrote {export.Rows:N0} rows x {export.Columns} columns to {export.Path} ({export.Bytes:N0} bytes).");

    /// <summary>One line per model as <c>compare</c> scores it.</summary>
    public static string Scored(SynthCore.Evaluation.Scorecards.Scorecard card) => string.Create(CultureInfo.InvariantCulture,
        $"{card.Model}: quality {card.Quality.Score:0.000}, detection AUC {card.Detection.BoostedTrees.Auc:0.000} (trees) / {card.Detection.Logistic.Auc:0.000} (logistic), DCR share {card.Privacy.DcrShare:0.000}, ")
        + string.Create(CultureInfo.InvariantCulture, $"copies {100 * card.Privacy.ExactCopyRate:0.0}%{(card.UtilityRatio is double u ? $", utility {u:0.000}" : "")}, fit {card.FitSeconds:0.0} s, sample {card.SampleSeconds:0.00} s.");
}
