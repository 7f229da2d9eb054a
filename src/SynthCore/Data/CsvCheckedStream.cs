using System.Buffers;
using System.Text.Unicode;

namespace SynthCore.Data;

/// <summary>
/// A read-only view of a CSV file's bytes that refuses, as they pass, what cannot be a table: a UTF-16/32 file (its
/// byte-order mark, or every other byte zero), bytes that are not UTF-8 (<c>/dev/urandom</c>) and a line longer than
/// <see cref="CsvFileBytes.MaxLineBytes"/> (<c>/dev/zero</c>), each named with its line. The CSV parser reads through it,
/// so these checks cost no copy of the file.
/// </summary>
internal sealed class CsvCheckedStream(Stream inner, string path) : Stream
{
    private const int ChunkBytes = 1 << 20;

    private readonly byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private readonly char[] scratch = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
    private int start, valid, carry; // chunk[start..valid] checked and not yet handed on; chunk[valid..valid+carry] an incomplete UTF-8 sequence
    private int line = 1, lineBytes;
    private bool first = true, ended;
    private long passed;

    /// <summary>Called with the bytes handed on so far, before each new chunk is handed on.</summary>
    public Action<long>? OnGrowth { get; init; }

    public override int Read(Span<byte> buffer)
    {
        if (start == valid && !Fill()) return 0;
        int n = Math.Min(buffer.Length, valid - start);
        chunk.AsSpan(start, n).CopyTo(buffer);
        start += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Reads and checks the next chunk; false at the end.</summary>
    private bool Fill()
    {
        if (ended) return false;
        if (carry > 0) Array.Copy(chunk, valid, chunk, 0, carry);
        int available = carry;
        // The first chunk holds at least 256 bytes (or the whole file) so the UTF-16 heuristics see enough.
        do
        {
            int read = ReadInner(chunk.AsSpan(available, ChunkBytes - available));
            if (read == 0) { ended = true; break; }
            available += read;
        } while (first && available < 256);
        OnGrowth?.Invoke(passed + available);

        if (first)
        {
            first = false;
            var head = chunk.AsSpan(0, available);
            if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
                throw new SynthFileException(path, "the file is UTF-16 or UTF-32 text (it starts with that byte-order mark); save it as UTF-8.");
            if (LooksLikeUtf16(head))
                throw new SynthFileException(path, "the file looks like UTF-16 text without a byte-order mark (every other byte is zero); save it as UTF-8.");
        }

        var status = Utf8.ToUtf16(chunk.AsSpan(0, available), scratch, out int checkedBytes, out _, replaceInvalidSequences: false, isFinalBlock: ended);
        if (status == OperationStatus.InvalidData || (ended && checkedBytes < available))
            throw CsvFileBytes.NotUtf8(path, line + chunk.AsSpan(0, checkedBytes).Count((byte)'\n'));
        for (int i = 0; i < checkedBytes; i++)
        {
            byte b = chunk[i];
            if (b == (byte)'\n' || b == (byte)'\r')
            {
                if (b == (byte)'\n') line++;
                lineBytes = 0;
            }
            else if (++lineBytes > CsvFileBytes.MaxLineBytes)
            {
                throw new SynthFileException(path,
                    $"line {line} is longer than {CsvFileBytes.MaxLineBytes / (1 << 20)} MiB; this is not a CSV table (a device or binary file?), or its rows are not separated by line breaks.");
            }
        }
        // An incomplete UTF-8 sequence at the chunk's end is completed by the next read.
        (start, valid, carry) = (0, checkedBytes, available - checkedBytes);
        passed += checkedBytes;
        return checkedBytes > 0 || Fill();
    }

    private int ReadInner(Span<byte> buffer)
    {
        try { return inner.Read(buffer); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(path, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: in its first bytes, nearly every pair has exactly one zero byte, always on the
    /// same side (ASCII text in UTF-16LE or BE). Otherwise it would pass as UTF-8 and fail later as a puzzling field count.
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        int pairs = Math.Min(bytes.Length, 256) / 2;
        if (pairs < 2) return false;
        int zeroSecond = 0, zeroFirst = 0;
        for (int i = 0; i < pairs; i++)
        {
            byte a = bytes[2 * i], b = bytes[2 * i + 1];
            if (a != 0 && b == 0) zeroSecond++;
            else if (a == 0 && b != 0) zeroFirst++;
        }
        return Math.Max(zeroSecond, zeroFirst) >= 0.9 * pairs;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            ArrayPool<byte>.Shared.Return(chunk);
            ArrayPool<char>.Shared.Return(scratch);
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => passed; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
