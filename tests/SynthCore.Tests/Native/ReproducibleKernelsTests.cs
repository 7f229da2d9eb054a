using System.Runtime.InteropServices;
using SynthCore.Native;

namespace SynthCore.Tests.Native;

[Trait(VectorPaths.Category, VectorPaths.Name)]
public class ReproducibleKernelsTests
{
    [Fact]
    public void Libtorch_and_mkl_are_pinned_to_their_avx2_kernels_in_the_native_environment()
    {
        var status = TorchNativeLoader.EnsureLoaded();
        if (Environment.GetEnvironmentVariable(ReproducibleKernels.OptOutVariable) is "native" || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Assert.False(status.Kernels.Pinned);
            return;
        }
        Assert.True(status.Kernels.Pinned, status.Kernels.Detail);
        // What libtorch and MKL read with getenv, whatever the process was started with (CI's second pass sets other values).
        Assert.Equal("avx2", ReproducibleKernels.GetNative("ATEN_CPU_CAPABILITY"));
        Assert.Equal("AVX2,STRICT", ReproducibleKernels.GetNative("MKL_CBWR"));
    }
}
