using System.Text.RegularExpressions;

namespace SynthCore.Data;

/// <summary>
/// Our temporary files: every output is written to <c>.name.&lt;pid&gt;.&lt;guid&gt;.tmp</c> beside its target and then
/// moved into place. A run killed outright (SIGKILL, power loss) cannot delete its temporary file, so the name carries
/// the process id, and the next write into the same folder removes the ones whose process is no longer running.
/// </summary>
public static partial class TempFile
{
    /// <summary>
    /// A temporary file untouched for less than this is left alone even if its process id is not running here: the
    /// folder may be shared with another machine or container, whose process ids this one cannot see.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <summary>A new temporary path beside <paramref name="target"/>, after removing stale ones of ours in that folder.</summary>
    public static string Beside(string target)
    {
        string full = Path.GetFullPath(target);
        string directory = Path.GetDirectoryName(full)!;
        RemoveStale(directory);
        return Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>
    /// A temporary path beside <paramref name="target"/> for a file that is to appear there only when complete
    /// (<see cref="MoveIntoPlace"/>), after checking that the target does not exist and its folder does.
    /// </summary>
    /// <exception cref="SynthFileException">The target exists or its folder does not.</exception>
    public static string ForNew(string target)
    {
        if (File.Exists(target) || Directory.Exists(target))
            throw new SynthFileException(target, "already exists; refusing to overwrite it.");
        string? directory = Path.GetDirectoryName(Path.GetFullPath(target));
        if (directory is not null && !Directory.Exists(directory))
            throw new SynthFileException(target, $"the folder '{directory}' does not exist.");
        return Beside(target);
    }

    /// <summary>
    /// Finishes the temporary file (<paramref name="close"/>) and moves it to <paramref name="target"/>, never over an
    /// existing file; a refusal of either is reported naming the target.
    /// </summary>
    /// <exception cref="SynthFileException">The target appeared meanwhile, or the disk refused.</exception>
    public static void MoveIntoPlace(string temp, string target, Action close)
    {
        try
        {
            close();
            File.Move(temp, target, overwrite: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(target, File.Exists(target) ? "already exists; refusing to overwrite it." : $"cannot be written: {e.Message}", e);
        }
    }

    /// <summary>
    /// Deletes the temporary files of ours in <paramref name="directory"/> whose writing process has ended and that
    /// have not been written for <see cref="StaleAfter"/>, and returns their paths. A process id reused by a live
    /// process keeps its file; that errs on the side of keeping.
    /// </summary>
    public static IReadOnlyList<string> RemoveStale(string directory)
    {
        var removed = new List<string>();
        if (!Directory.Exists(directory)) return removed;
        try
        {
            foreach (var path in Directory.EnumerateFiles(directory, ".*.tmp"))
            {
                var match = Ours().Match(Path.GetFileName(path));
                if (!match.Success || !int.TryParse(match.Groups[1].Value, out int pid) || IsRunning(pid)) continue;
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) < StaleAfter) continue;
                try
                {
                    File.Delete(path);
                    removed.Add(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else's, or read-only: leave it, the write itself still goes ahead.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unlistable folder: the write will report what is wrong with it.
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.(\d{1,10})\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex Ours();
}
