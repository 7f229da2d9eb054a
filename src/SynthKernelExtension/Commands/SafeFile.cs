using SynthCore.Data;

namespace SynthKernelExtension.Commands;

/// <summary>
/// Writes a file the commands produce (model file, JSON summary) without ever leaving half a file
/// or replacing the user's file unasked: a temporary file in the same directory, then a move.
/// </summary>
internal static class SafeFile
{
    /// <summary>Fails early, before any long work, if <paramref name="path"/> exists and may not be replaced.</summary>
    public static void EnsureCanWrite(string path, bool overwrite, string option)
    {
        if (Directory.Exists(path))
            throw new SynthOptionException(option, $"'{path}' is a directory; give a file name.");
        if (!overwrite && File.Exists(path))
            throw new SynthFileException(path, $"already exists; choose another {option} or add --force to replace it.");
    }

    /// <summary>Writes through <paramref name="write"/> to a temporary file, then moves it to <paramref name="path"/>.</summary>
    public static long Write(string path, bool overwrite, string option, Action<Stream> write)
    {
        EnsureCanWrite(path, overwrite, option);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
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
}
