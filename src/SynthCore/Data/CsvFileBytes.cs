using SynthCore.Resources;

namespace SynthCore.Data;

/// <summary>
/// Opens a CSV file for reading in passes (<see cref="CsvTable"/> reads it twice: kinds first, then values), each pass a
/// stream of checked bytes (<see cref="CsvCheckedStream"/>), so the file is never held whole. A regular file is reopened
/// for each pass, after checking from its size that the table it holds fits in the free memory; a device or pipe,
/// which cannot be read twice, is read once into memory, refused as it grows past what fits.
/// </summary>
internal static class CsvFileBytes
{
    /// <summary>The longest physical line accepted: far beyond any real table's row, and small enough to refuse a stream of one endless line at once.</summary>
    public const int MaxLineBytes = 64 << 20;

    /// <summary>The largest input without a length (a pipe or device) that is held in memory for its two passes.</summary>
    public const long MaxUnseekableBytes = 1L << 30;

    /// <summary>A way to open the file's checked bytes once per pass.</summary>
    /// <param name="path">The file.</param>
    /// <param name="wholeTable">Whether every row will be held (checked against the free memory); false when only a sample of rows is kept.</param>
    /// <exception cref="SynthFileException">Missing, too large for the free memory, a line too long, not UTF-8, or unreadable.</exception>
    public static Func<Stream> Open(string path, bool wholeTable = true)
    {
        if (Directory.Exists(path)) throw new SynthFileException(path, "is a directory, not a CSV file.");
        if (!File.Exists(path)) throw new SynthFileException(path, "no such file.");
        var guard = ResourceGuard.Current;
        using (var probe = OpenFile(path))
        {
            if (probe.CanSeek)
            {
                if (wholeTable) guard.EnsureReadFits(path, probe.Length, sizeKnown: true);
                return () => new CsvCheckedStream(OpenFile(path), path);
            }
        }
        var bytes = new MemoryStream();
        using (var stream = new CsvCheckedStream(OpenFile(path), path)
               {
                   OnGrowth = size =>
                   {
                       if (size > MaxUnseekableBytes)
                           throw new SynthFileException(path, $"is too large to read: more than {MaxUnseekableBytes >> 30} GiB of CSV from a device or pipe is not held in memory. Save it to a file, or use a sample of its rows.");
                       if (wholeTable) guard.EnsureReadFits(path, size, sizeKnown: false);
                   },
               })
            stream.CopyTo(bytes);
        // The bytes are held once: each pass reads the copy's own buffer.
        var held = bytes.TryGetBuffer(out var buffer) ? buffer : new ArraySegment<byte>(bytes.ToArray());
        return () => new MemoryStream(held.Array!, held.Offset, held.Count, writable: false);
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(path, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The error for bytes that are not UTF-8 text, at the line they are on.</summary>
    public static SynthFileException NotUtf8(string path, int line, Exception? inner = null) =>
        new(path, $"line {line}: the file is not valid UTF-8 text (save it as UTF-8).", inner);
}
