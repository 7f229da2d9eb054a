using System.Buffers;
using System.Text.Unicode;
using SynthCore.Resources;

namespace SynthCore.Data;

/// <summary>
/// Reads a CSV file's bytes a chunk at a time and refuses, before everything is loaded, what cannot
/// be a table this machine can hold: a file larger than the free memory allows (checked from its
/// size before the first byte, and as it grows for devices and pipes that have none), a line longer
/// than <see cref="MaxLineBytes"/> (<c>/dev/zero</c>) and bytes that are not UTF-8 (<c>/dev/urandom</c>).
/// </summary>
internal static class CsvFileBytes
{
    /// <summary>The longest physical line accepted: far beyond any real table's row, and small enough to refuse a stream of one endless line at once.</summary>
    public const int MaxLineBytes = 64 << 20;

    /// <summary>The largest file read: its text must fit one .NET string (about 2³⁰ characters).</summary>
    public const long MaxFileBytes = 1L << 30;

    private const int ChunkBytes = 1 << 20;

    /// <exception cref="SynthFileException">Too large for the free memory, a line too long, not UTF-8, or unreadable.</exception>
    public static byte[] Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var guard = ResourceGuard.Current;
            if (stream.CanSeek) EnsureFits(guard, path, stream.Length, sizeKnown: true);

            var bytes = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, int.MaxValue) : ChunkBytes);
            byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            char[] scratch = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
            try
            {
                int line = 1, lineBytes = 0, carry = 0;
                bool checkUtf8 = true;
                int read;
                while ((read = stream.Read(chunk, carry, ChunkBytes - carry)) > 0)
                {
                    if (!stream.CanSeek) EnsureFits(guard, path, bytes.Length + read, sizeKnown: false);
                    int available = carry + read;
                    // A UTF-16/32 byte-order mark is reported by the caller; it is not UTF-8, so do not judge it as such.
                    if (bytes.Length == 0 && available >= 2 && (chunk[0], chunk[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)) checkUtf8 = false;

                    int valid = available;
                    if (checkUtf8)
                    {
                        var status = Utf8.ToUtf16(chunk.AsSpan(0, available), scratch, out int consumed, out _, replaceInvalidSequences: false, isFinalBlock: false);
                        if (status == System.Buffers.OperationStatus.InvalidData)
                            throw NotUtf8(path, line + chunk.AsSpan(0, consumed).Count((byte)'\n'));
                        valid = consumed;
                    }
                    for (int i = 0; i < valid; i++)
                    {
                        byte b = chunk[i];
                        if (b == (byte)'\n' || b == (byte)'\r')
                        {
                            if (b == (byte)'\n') line++;
                            lineBytes = 0;
                        }
                        else if (++lineBytes > MaxLineBytes)
                        {
                            throw new SynthFileException(path,
                                $"line {line} is longer than {MaxLineBytes / (1 << 20)} MiB; this is not a CSV table (a device or binary file?), or its rows are not separated by line breaks.");
                        }
                    }
                    bytes.Write(chunk, 0, valid);
                    // An incomplete UTF-8 sequence at the chunk's end is completed by the next read.
                    carry = available - valid;
                    if (carry > 0) Array.Copy(chunk, valid, chunk, 0, carry);
                }
                if (carry > 0) throw NotUtf8(path, line);
                return bytes.ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
                ArrayPool<char>.Shared.Return(scratch);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(path, $"cannot be read: {e.Message}", e);
        }
    }

    private static void EnsureFits(ResourceGuard guard, string path, long bytes, bool sizeKnown)
    {
        if (bytes > MaxFileBytes)
            throw new SynthFileException(path, $"is too large to read: more than {MaxFileBytes >> 30} GiB of CSV is not read into one table. Use a sample of its rows.");
        guard.EnsureReadFits(path, bytes, sizeKnown);
    }

    /// <summary>The error for bytes that are not UTF-8 text, at the line they are on.</summary>
    public static SynthFileException NotUtf8(string path, int line, Exception? inner = null) =>
        new(path, $"line {line}: the file is not valid UTF-8 text (save it as UTF-8).", inner);
}
