using System.Globalization;
using SynthCore.Export;

namespace SynthKernelExtension.Commands;

/// <summary>Lines the commands print, worded once.</summary>
internal static class Messages
{
    public static string Exported(ExportResult export) => string.Create(CultureInfo.InvariantCulture,
        $"Wrote {export.Rows:N0} rows x {export.Columns} columns to {export.Path} ({export.Bytes:N0} bytes).");
}
