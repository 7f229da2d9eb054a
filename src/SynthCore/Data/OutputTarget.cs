namespace SynthCore.Data;

/// <summary>
/// Checks, before any long work and before anything is written, that a path the user gave for an output can be
/// written: not empty, its folder there or creatable (under an existing, writable folder, and not under a file),
/// and nothing but a regular file replaced (and that only when asked). A device, directory, fifo, socket or symbolic link is refused, never replaced nor written through.
/// </summary>
public static class OutputTarget
{
    /// <summary>An output file (a JSON summary, a report, a model file, a plot); its folder is created when it is written, as <c>--out outputs/m.synth</c> expects.</summary>
    /// <exception cref="SynthOptionException">The path is empty or invalid, its folder cannot be created or written, or something other than a regular file is there.</exception>
    /// <exception cref="SynthFileException">A file is there and <paramref name="overwrite"/> is false.</exception>
    public static void CheckFile(string path, bool overwrite, string option)
    {
        string full = FullPath(path, option, "a file name");
        var kind = FileKinds.Of(full);
        if (kind is FileKind.Directory)
            throw new SynthOptionException(option, $"'{path}' is a directory; give a file name.");
        if (kind is not (FileKind.Missing or FileKind.Regular))
            throw new SynthOptionException(option, $"'{path}' is {FileKinds.Describe(kind)}, not a regular file; only regular files are written or replaced (it was left alone).");
        if (kind is FileKind.Regular && !overwrite)
            throw new SynthFileException(path, $"already exists; choose another {option} or add --force to replace it.");
        CheckFolder(Path.GetDirectoryName(full)!, path, option);
    }

    /// <summary>An output folder that timestamped files go into; it is created if missing.</summary>
    /// <exception cref="SynthOptionException">The path is empty or invalid, is a file, or cannot be created or written.</exception>
    public static void CheckFolder(string path, string option)
    {
        string full = FullPath(path, option, "a folder");
        // "--out s.csv" most likely means a file; a folder of that name would surprise (an existing one is taken;
        // a folder named x.parquet is the Spark convention for a set of parts, so that stays allowed).
        string extension = Path.GetExtension(full.TrimEnd(Path.DirectorySeparatorChar));
        if (FileKinds.Of(full) is FileKind.Missing && TableFileExtensions.Contains(extension))
            throw new SynthOptionException(option, $"'{path}' looks like a file name, but {option} is the folder the output goes into (it gets a timestamped name); give a folder, and --name for the file's name.");
        CheckFolder(full, path, option);
    }

    private static readonly HashSet<string> TableFileExtensions = new(StringComparer.OrdinalIgnoreCase) { ".csv", ".tsv", ".json", ".html" };

    private static string FullPath(string path, string option, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new SynthOptionException(option, $"the path is empty; give {what}.");
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new SynthOptionException(option, $"'{path}' is not a valid path: {e.Message}");
        }
    }

    private static void CheckFolder(string folder, string given, string option)
    {
        // A folder that will be created must have an existing folder as its nearest existing ancestor.
        string existing = folder;
        while (!Directory.Exists(existing))
        {
            if (FileKinds.Of(existing) is not FileKind.Missing)
                throw new SynthOptionException(option, existing == Path.GetFullPath(given)
                    ? $"'{given}' is {FileKinds.Describe(FileKinds.Of(existing))}, not a folder."
                    : $"'{given}': '{existing}' is {FileKinds.Describe(FileKinds.Of(existing))}, not a folder.");
            existing = Path.GetDirectoryName(existing) ?? throw new SynthOptionException(option, $"'{given}' has no existing folder above it.");
        }
        if (!CanWriteIn(existing))
            throw new SynthOptionException(option, $"'{given}': the folder '{existing}' is not writable.");
    }

    // Permission bits do not tell about read-only mounts or ACLs; creating (and at once deleting) one of our
    // temporary files does. If this process is killed in between, the next write removes it as stale.
    private static bool CanWriteIn(string folder)
    {
        string probe = Path.Combine(folder, $".synth-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
