using System.Runtime.InteropServices;

namespace SynthCore.Data;

/// <summary>What is at a path, without following a symbolic link: the output checks must tell a regular file from a device or fifo.</summary>
public enum FileKind { Missing, Regular, Directory, SymbolicLink, Device, Fifo, Socket, Other }

/// <summary>
/// Reads the kind of a path. .NET's public file APIs cannot tell <c>/dev/null</c>, a fifo or a socket from an empty
/// regular file, so on Unix this asks the runtime's own native shim (libSystem.Native, shipped with every .NET) for
/// lstat's mode; only the two leading fields of its status record are read, so additions to it do not matter.
/// </summary>
public static partial class FileKinds
{
    public static FileKind Of(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!info.Exists) return FileKind.Missing;
        if (OperatingSystem.IsWindows()) return FileKind.Regular;
        int mode = ModeOf(path);
        if (mode < 0) return FileKind.Regular;
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x2000 or 0x6000 => FileKind.Device,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    /// <summary>How a message names the kind ("a device", "a fifo", …).</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Device => "a device",
        FileKind.Fifo => "a fifo (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.Regular => "a regular file",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    private static unsafe int ModeOf(string path)
    {
        // Flags, then Mode (PAL-normalised S_IF* bits): the record's first two 32-bit fields.
        byte* status = stackalloc byte[512];
        try
        {
            return LStat(path, status) == 0 ? ((int*)status)[1] & 0xF000 : -1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int LStat(string path, byte* status);
}
