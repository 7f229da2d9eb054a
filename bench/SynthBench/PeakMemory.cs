namespace SynthBench;

/// <summary>The process's peak resident set (VmHWM), which counts libtorch's native allocations too.</summary>
internal static class PeakMemory
{
    public static double Megabytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        return Environment.WorkingSet / 1024.0 / 1024.0;
    }
}
