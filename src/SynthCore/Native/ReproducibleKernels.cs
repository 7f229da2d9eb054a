using System.Runtime.InteropServices;

namespace SynthCore.Native;

/// <summary>Which CPU kernels libtorch and its MKL run, as <see cref="ReproducibleKernels.Pin"/> left them.</summary>
/// <param name="Pinned">Whether both were pinned to their AVX2 kernels before libtorch loaded.</param>
/// <param name="Detail">What was set, or why not.</param>
public sealed record CpuKernels(bool Pinned, string Detail);

/// <summary>
/// Same seed, same rows on any x86-64 CPU with AVX2 and FMA. libtorch picks its element-wise and
/// reduction kernels by the CPU's widest vector unit (AVX-512 reduces in 16 lanes, AVX2 in 8, so
/// sums round differently), and its bundled MKL picks a matrix-product code path by CPU make and
/// model. Both read an environment variable once, when they first run: ATEN_CPU_CAPABILITY and
/// MKL_CBWR (MKL's conditional numerical reproducibility, "AVX2,STRICT": the AVX2 branch on every
/// processor that has it, independent of memory alignment). Setting them in this process before
/// libtorch loads makes an AVX-512 machine compute what an AVX2 machine does.
/// <para>
/// .NET's Environment.SetEnvironmentVariable does not reach native getenv on Linux and macOS, so
/// this calls the C library's setenv. SYNTH_CPU_KERNELS=native leaves both to pick by CPU (faster
/// on AVX-512, but rows then depend on the machine). Our own vector code (FusedGru, FusedAdam) uses
/// 256-bit vectors and fused multiply-add on every AVX2 machine, with or without AVX-512.
/// </para>
/// </summary>
public static partial class ReproducibleKernels
{
    /// <summary>The environment variable that opts out: SYNTH_CPU_KERNELS=native.</summary>
    public const string OptOutVariable = "SYNTH_CPU_KERNELS";

    internal static readonly (string Name, string Value)[] Settings =
    [
        ("ATEN_CPU_CAPABILITY", "avx2"),
        ("MKL_CBWR", "AVX2,STRICT"),
        // libtorch's bundled oneDNN dispatches by CPU too; our models' ops do not reach it today (pinning it
        // changed no golden hash), but a future op might.
        ("ONEDNN_MAX_CPU_ISA", "AVX2"),
    ];

    private static CpuKernels? pinned;

    /// <summary>Pins libtorch and MKL to their AVX2 kernels; call before anything loads libtorch. Idempotent.</summary>
    public static CpuKernels Pin()
    {
        if (pinned is not null) return pinned;
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return pinned = new CpuKernels(false, $"not x86-64 ({RuntimeInformation.ProcessArchitecture}): libtorch's kernels for this CPU");
        if (string.Equals(Environment.GetEnvironmentVariable(OptOutVariable), "native", StringComparison.OrdinalIgnoreCase))
            return pinned = new CpuKernels(false, $"{OptOutVariable}=native: libtorch and MKL pick kernels by CPU");
        foreach (var (name, value) in Settings)
        {
            if (!SetNative(name, value))
                return pinned = new CpuKernels(false, $"could not set {name} in the native environment");
            Environment.SetEnvironmentVariable(name, value);
        }
        return pinned = new CpuKernels(true, string.Join(", ", Settings.Select(s => $"{s.Name}={s.Value}")));
    }

    /// <summary>The value of <paramref name="name"/> as native code (libtorch, MKL) reads it.</summary>
    internal static string? GetNative(string name) =>
        OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable(name) : Marshal.PtrToStringUTF8(getenv(name));

    private static bool SetNative(string name, string value)
    {
        try
        {
            return OperatingSystem.IsWindows() ? _wputenv_s(name, value) == 0 : setenv(name, value, 1) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr getenv(string name);

    [LibraryImport("ucrtbase", StringMarshalling = StringMarshalling.Utf16)]
    private static partial int _wputenv_s(string name, string value);
}
