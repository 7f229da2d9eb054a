using System.Buffers.Binary;

namespace SynthCore.Native;

/// <summary>
/// Marks one required symbol version of an ELF64 little-endian shared object as weak
/// (VER_FLG_WEAK in its <c>.gnu.version_r</c> entry), so that the dynamic loader accepts the
/// object on a system whose library lacks that version. Written by hand because no .NET
/// library edits ELF version sections; it touches two bytes and nothing else.
/// </summary>
internal static class ElfVersionNeedPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Returns the names of all required versions with their flags, by needed file.</summary>
    public static IReadOnlyList<(string File, string Version, ushort Flags)> ReadVersionNeeds(byte[] elf)
    {
        var result = new List<(string, string, ushort)>();
        Walk(elf, (file, version, flags, _) => result.Add((file, version, flags)));
        return result;
    }

    /// <summary>Sets the weak flag on every vernaux entry named <paramref name="version"/>. Returns how many were patched.</summary>
    public static int MarkWeak(byte[] elf, string version)
    {
        int patched = 0;
        Walk(elf, (_, name, flags, flagsOffset) =>
        {
            if (name != version) return;
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(flagsOffset), (ushort)(flags | VerFlgWeak));
            patched++;
        });
        return patched;
    }

    private static void Walk(byte[] elf, Action<string, string, ushort, int> visit)
    {
        var span = elf.AsSpan();
        if (elf.Length < 64 || span[0] != 0x7f || span[1] != (byte)'E' || span[2] != (byte)'L' || span[3] != (byte)'F')
            throw new InvalidDataException("Not an ELF file.");
        if (span[4] != 2 || span[5] != 1)
            throw new InvalidDataException("Only 64-bit little-endian ELF files are supported.");

        ulong shoff = BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);

        for (int i = 0; i < shnum; i++)
        {
            var sh = span.Slice(checked((int)shoff + i * shentsize), shentsize);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]);
            if (type != ShtGnuVerneed) continue;

            int offset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(sh[0x18..]));
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(sh[0x28..]);
            var strSh = span.Slice(checked((int)shoff + link * shentsize), shentsize);
            int strOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(strSh[0x18..]));

            int entry = offset;
            while (true)
            {
                ushort cnt = BinaryPrimitives.ReadUInt16LittleEndian(span[(entry + 2)..]);
                uint vnFile = BinaryPrimitives.ReadUInt32LittleEndian(span[(entry + 4)..]);
                uint vnAux = BinaryPrimitives.ReadUInt32LittleEndian(span[(entry + 8)..]);
                uint vnNext = BinaryPrimitives.ReadUInt32LittleEndian(span[(entry + 12)..]);
                string file = ReadString(span, strOffset + (int)vnFile);

                int aux = entry + (int)vnAux;
                for (int a = 0; a < cnt; a++)
                {
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(aux + 4)..]);
                    uint name = BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]);
                    uint next = BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);
                    visit(file, ReadString(span, strOffset + (int)name), flags, aux + 4);
                    if (next == 0) break;
                    aux += (int)next;
                }
                if (vnNext == 0) break;
                entry += (int)vnNext;
            }
        }
    }

    private static string ReadString(ReadOnlySpan<byte> span, int offset)
    {
        int end = span[offset..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(span.Slice(offset, end));
    }
}
