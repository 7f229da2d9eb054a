using System.Globalization;
using SynthCore.Export;

namespace SynthCommands;

/// <summary>Lines the commands print, worded once.</summary>
internal static class Messages
{
    public static string Balanced(string column, SynthCore.Synthesizers.BalanceResult result) =>
        $"Balanced '{column}': " + string.Join(", ", result.RealCounts.Select(kv => $"{kv.Key} {kv.Value} real + {result.Added[kv.Key]} synthetic"));

    public static string Exported(ExportResult export) => string.Create(CultureInfo.InvariantCulture,
        $"Wrote {export.Rows:N0} rows x {export.Columns} columns to {export.Path} ({export.Bytes:N0} bytes).");
}
