namespace SynthCommands;

/// <summary>
/// Writes a file the commands produce (model file, JSON summary, report, plot) without ever leaving half a file or
/// harming what is at the path: a temporary file in the same directory, then a move. Only a regular file is ever
/// replaced, and only with --force; a device, directory, fifo, socket or symbolic link is refused
/// (see <see cref="OutputTarget"/>).
/// </summary>
internal static class SafeFile
{
    /// <summary>
    /// Fails early, before any long work and before anything is written, if <paramref name="path"/> may not be written,
    /// or is one of the command's <paramref name="inputs"/> (even --force must not turn the data into a JSON summary).
    /// </summary>
    public static void EnsureCanWrite(string path, bool overwrite, string option, params string?[] inputs)
    {
        OutputTarget.CheckFile(path, overwrite, option);
        string full = Path.GetFullPath(path);
        foreach (var input in inputs)
            if (input is not null && File.Exists(input) && Path.GetFullPath(input) == full)
                throw new SynthOptionException(option, $"'{path}' is an input of this command; give another file.");
    }

    /// <summary>Writes through <paramref name="write"/> to a temporary file, then moves it to <paramref name="path"/>.</summary>
    public static long Write(string path, bool overwrite, string option, Action<Stream> write)
    {
        EnsureCanWrite(path, overwrite, option);
        string full = Path.GetFullPath(path);
        string temp = TempFile.Beside(full);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            WriteTemp(temp, write);
            // The kind checked again just before the move: rename(2) would replace a link or device put there
            // meanwhile (the folder's writability was probed up front and the temporary file proves it).
            if (FileKinds.Of(full) is not (FileKind.Missing or FileKind.Regular)) OutputTarget.CheckFile(path, overwrite, option);
            File.Move(temp, full, overwrite);
            return new FileInfo(full).Length;
        }
        catch (IOException e) when (!overwrite && File.Exists(full))
        {
            throw new SynthFileException(path, "appeared while it was being written; nothing was replaced.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(path, $"cannot be written: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Writes a new file named <c>stem.ext</c> in <paramref name="directory"/> (created if missing), or <c>stem_2.ext</c>,
    /// … when taken, as the timestamped CSVs are named; returns its path and size.
    /// </summary>
    public static (string Path, long Bytes) WriteNew(string directory, string stem, string extension, Action<Stream> write)
    {
        string full = Path.GetFullPath(directory);
        string temp = "";
        try
        {
            Directory.CreateDirectory(full);
            temp = TempFile.Beside(Path.Combine(full, stem + extension));
            WriteTemp(temp, write);
            string moved = FreeFileName.MoveTo(temp, full, stem, extension);
            // Reported as the user would type it (outputs/x.html), not as an absolute path.
            return (Path.Combine(directory, Path.GetFileName(moved)), new FileInfo(moved).Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(directory, $"cannot be written: {e.Message}", e);
        }
        finally
        {
            if (temp.Length > 0 && File.Exists(temp)) File.Delete(temp);
        }
    }

    private static void WriteTemp(string temp, Action<Stream> write)
    {
        using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
        write(stream);
        stream.Flush(flushToDisk: true);
    }
}
