using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;

namespace SynthCore.Native;

/// <summary>What <see cref="TorchNativeLoader.EnsureLoaded"/> had to do to make TorchSharp usable.</summary>
public enum TorchNativeMode
{
    /// <summary>The machine's libraries satisfy TorchSharp as shipped; nothing was touched.</summary>
    AsShipped,
    /// <summary>The system libstdc++ lacks GLIBCXX_3.4.32, so a patched copy of libLibTorchSharp.so and a shim were loaded.</summary>
    PatchedForOldLibStdCxx,
}

/// <summary>The outcome of preparing TorchSharp's native libraries.</summary>
/// <param name="Kernels">Whether libtorch's and MKL's CPU kernels were pinned for reproducible rows (<see cref="ReproducibleKernels"/>).</param>
public sealed record TorchNativeStatus(TorchNativeMode Mode, string Detail, CpuKernels Kernels);

/// <summary>TorchSharp's native libraries could not be made to load on this machine.</summary>
public sealed class TorchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one place that makes TorchSharp loadable on the current machine. Everything that touches
/// TorchSharp calls <see cref="EnsureLoaded"/> first (it is cheap after the first call).
/// <para>
/// TorchSharp 0.107's libLibTorchSharp.so was linked against GCC 13's libstdc++ and requires the
/// version GLIBCXX_3.4.32, whose only symbol it uses is <c>std::ios_base_library_init()</c>.
/// Where the system libstdc++ lacks that version (Debian 12, Ubuntu 22.04), this loader:
/// copies the library into a per-user cache and marks that version requirement weak; builds
/// (once, with the machine's g++) a tiny library defining the missing function; loads both
/// with RTLD_NOW | RTLD_GLOBAL together with libtorch; and points TorchSharp's P/Invokes at the
/// patched copy. Elsewhere it touches nothing.
/// </para>
/// </summary>
public static class TorchNativeLoader
{
    internal const string MissingVersion = "GLIBCXX_3.4.32";
    internal const string MissingSymbol = "_ZSt21ios_base_library_initv";
    private const string TorchSharpLibrary = "libLibTorchSharp.so";
    private const string ShimLibrary = "libsynth_ios_base_library_init.so";
    private const int RtldNow = 0x2, RtldGlobal = 0x100, RtldLazy = 0x1;

    private static readonly object Gate = new();
    private static TorchNativeStatus? status;
    private static Exception? failure;

    /// <summary>Prepares the native libraries (once per process) and initialises TorchSharp on the CPU.</summary>
    /// <exception cref="TorchUnavailableException">TorchSharp cannot be loaded; the message says why and what to do.</exception>
    public static TorchNativeStatus EnsureLoaded()
    {
        lock (Gate)
        {
            if (status is not null) return status;
            if (failure is not null) throw new TorchUnavailableException(failure.Message, failure);
            try
            {
                // Before libtorch loads: it and its MKL read their kernel choice once, at first use.
                var kernels = ReproducibleKernels.Pin();
                var mode = NeedsPatch(out var original, out var reason) ? PatchAndLoad(original!) : TorchNativeMode.AsShipped;
                torch.InitializeDeviceType(DeviceType.CPU);
                status = new TorchNativeStatus(mode, mode == TorchNativeMode.AsShipped ? reason : $"patched copy of {original}", kernels);
                return status;
            }
            catch (Exception e) when (e is not TorchUnavailableException)
            {
                failure = new TorchUnavailableException($"TorchSharp could not be loaded on this machine: {e.Message}", e);
                throw failure;
            }
            catch (TorchUnavailableException e)
            {
                failure = e;
                throw;
            }
        }
    }

    /// <summary>Whether this process must load a patched libLibTorchSharp.so, and which original to patch.</summary>
    internal static bool NeedsPatch(out string? original, out string reason)
    {
        original = null;
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            reason = "not linux-x64";
            return false;
        }
        if (SystemLibStdCxxHas(MissingVersion))
        {
            reason = $"system libstdc++ provides {MissingVersion}";
            return false;
        }
        original = FindNativeFile(TorchSharpLibrary)
            ?? throw new TorchUnavailableException(
                $"{TorchSharpLibrary} was not found next to the application or in the NuGet packages folder; reference the TorchSharp-cpu package.");
        var needs = ElfVersionNeedPatcher.ReadVersionNeeds(File.ReadAllBytes(original));
        if (!needs.Any(n => n.Version == MissingVersion && (n.Flags & 0x2) == 0))
        {
            reason = $"{TorchSharpLibrary} does not require {MissingVersion}";
            return false;
        }
        reason = $"system libstdc++ lacks {MissingVersion}";
        return true;
    }

    private static TorchNativeMode PatchAndLoad(string original)
    {
        string torchDir = FindNativeFile("libtorch.so") is { } libtorch
            ? Path.GetDirectoryName(libtorch)!
            : throw new TorchUnavailableException("libtorch.so was not found; reference the TorchSharp-cpu package (libtorch-cpu-linux-x64).");

        byte[] bytes = File.ReadAllBytes(original);
        string key = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        string cache = Path.Combine(CacheRoot(), key);
        Directory.CreateDirectory(cache);

        string patched = Path.Combine(cache, TorchSharpLibrary);
        if (!File.Exists(patched))
        {
            if (ElfVersionNeedPatcher.MarkWeak(bytes, MissingVersion) == 0)
                throw new TorchUnavailableException($"{original} has no {MissingVersion} requirement to relax.");
            WriteAtomically(patched, tmp => File.WriteAllBytes(tmp, bytes));
        }

        string shim = Path.Combine(cache, ShimLibrary);
        if (!File.Exists(shim)) BuildShim(shim);

        var dl = DynamicLinker.Instance;
        dl.Open(shim, RtldNow | RtldGlobal);
        // The patched copy lives outside libtorch's folder, so its RUNPATH ($ORIGIN) cannot find
        // libtorch: load libtorch first; the loader then matches the patched copy's NEEDED
        // entries by soname.
        foreach (var dependency in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
            dl.Open(Path.Combine(torchDir, dependency), RtldNow | RtldGlobal);
        IntPtr handle = dl.Open(patched, RtldNow | RtldGlobal);

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(torch).Assembly,
                (name, _, _) => name is "LibTorchSharp" or TorchSharpLibrary ? handle : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            // Another component registered a resolver for TorchSharp first. The patched copy is
            // loaded under the soname libLibTorchSharp.so, which the runtime's bare-name probe finds.
        }
        return TorchNativeMode.PatchedForOldLibStdCxx;
    }

    private static void BuildShim(string target)
    {
        using var source = typeof(TorchNativeLoader).Assembly.GetManifestResourceStream("SynthCore.Native.ios_base_library_init.cpp")
            ?? throw new TorchUnavailableException("The ios_base_library_init shim source is missing from SynthCore.");
        string dir = Path.GetDirectoryName(target)!;
        string cpp = Path.Combine(dir, $"shim-{Environment.ProcessId}.cpp");
        using (var file = File.Create(cpp)) source.CopyTo(file);
        try
        {
            WriteAtomically(target, tmp =>
            {
                var psi = new ProcessStartInfo("g++", ["-shared", "-fPIC", "-O2", "-o", tmp, cpp])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                Process process;
                try { process = Process.Start(psi)!; }
                catch (System.ComponentModel.Win32Exception e)
                {
                    throw new TorchUnavailableException(
                        $"This machine's libstdc++ lacks {MissingVersion}, which TorchSharp needs, and g++ is not installed to build the small compatibility shim. Install g++ (apt-get install g++) or a libstdc++ from GCC 13 or later.", e);
                }
                string errors = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                    throw new TorchUnavailableException($"g++ failed to build the libstdc++ compatibility shim: {errors.Trim()}");
            });
        }
        finally
        {
            File.Delete(cpp);
        }
    }

    private static bool SystemLibStdCxxHas(string version)
    {
        var dl = DynamicLinker.Instance;
        IntPtr lib = dl.TryOpen("libstdc++.so.6", RtldLazy);
        return lib != IntPtr.Zero && dl.HasVersionedSymbol(lib, MissingSymbol, version);
    }

    /// <summary>Where a native file of the TorchSharp packages is: next to the app, or in the NuGet packages folder.</summary>
    internal static string? FindNativeFile(string fileName)
    {
        foreach (string dir in CandidateDirectories())
        {
            string path = Path.Combine(dir, fileName);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        const string rid = "runtimes/linux-x64/native";
        var roots = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searchDirs)
            roots.AddRange(searchDirs.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        roots.Add(AppContext.BaseDirectory);
        string? torchSharpDir = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (!string.IsNullOrEmpty(torchSharpDir)) roots.Add(torchSharpDir);
        foreach (var root in roots)
        {
            yield return root;
            yield return Path.Combine(root, rid);
        }

        // Notebooks and scripts resolve packages straight from the NuGet folder.
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string torchSharpVersion = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "";
        yield return Path.Combine(packages, "torchsharp", torchSharpVersion, rid);
        string libtorch = Path.Combine(packages, "libtorch-cpu-linux-x64");
        if (Directory.Exists(libtorch))
            foreach (var version in Directory.GetDirectories(libtorch).OrderDescending(StringComparer.Ordinal))
                yield return Path.Combine(version, rid);
    }

    private static string CacheRoot()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string root = !string.IsNullOrEmpty(xdg) ? xdg : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache") : Path.GetTempPath();
        return Path.Combine(root, "synthnotebooks", "native");
    }

    /// <summary>Writes through a temporary file and renames, so concurrent processes never see half a file.</summary>
    private static void WriteAtomically(string target, Action<string> write)
    {
        string tmp = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            write(tmp);
            File.Move(tmp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>glibc's dlopen / dlvsym, which NativeLibrary does not expose (no RTLD_GLOBAL, no versioned look-up).</summary>
    private sealed unsafe class DynamicLinker
    {
        public static readonly DynamicLinker Instance = new();
        private readonly delegate* unmanaged<byte*, int, IntPtr> dlopen;
        private readonly delegate* unmanaged<IntPtr, byte*, byte*, IntPtr> dlvsym;
        private readonly delegate* unmanaged<IntPtr> dlerror;

        private DynamicLinker()
        {
            // glibc 2.34+ has these in libc.so.6; older glibc in libdl.so.2.
            foreach (var name in new[] { "libc.so.6", "libdl.so.2" })
            {
                if (!NativeLibrary.TryLoad(name, out var lib)) continue;
                if (NativeLibrary.TryGetExport(lib, "dlopen", out var open) && NativeLibrary.TryGetExport(lib, "dlvsym", out var vsym)
                    && NativeLibrary.TryGetExport(lib, "dlerror", out var error))
                {
                    dlopen = (delegate* unmanaged<byte*, int, IntPtr>)open;
                    dlvsym = (delegate* unmanaged<IntPtr, byte*, byte*, IntPtr>)vsym;
                    dlerror = (delegate* unmanaged<IntPtr>)error;
                    return;
                }
            }
            throw new TorchUnavailableException("glibc's dynamic linker functions (dlopen, dlvsym) were not found.");
        }

        public IntPtr TryOpen(string path, int flags)
        {
            fixed (byte* p = System.Text.Encoding.UTF8.GetBytes(path + "\0")) return dlopen(p, flags);
        }

        public IntPtr Open(string path, int flags)
        {
            IntPtr handle = TryOpen(path, flags);
            if (handle == IntPtr.Zero)
                throw new TorchUnavailableException($"Loading {path} failed: {Marshal.PtrToStringUTF8(dlerror())}");
            return handle;
        }

        public bool HasVersionedSymbol(IntPtr lib, string symbol, string version)
        {
            fixed (byte* s = System.Text.Encoding.UTF8.GetBytes(symbol + "\0"))
            fixed (byte* v = System.Text.Encoding.UTF8.GetBytes(version + "\0"))
                return dlvsym(lib, s, v) != IntPtr.Zero;
        }
    }
}
