namespace SynthCore.Tests;

/// <summary>
/// The trait of tests whose results depend on the CPU's vector code paths (our SIMD kernels,
/// libtorch's and MKL's kernels, the golden rows). CI runs them a second time with AVX-512 off
/// and libtorch and MKL asked for other kernels (.ci/run), so both of .NET's paths are tested
/// whichever CPU CI gets, and the pinning of libtorch's kernels is proven to hold.
/// </summary>
public static class VectorPaths
{
    public const string Category = "Category";
    public const string Name = "VectorPaths";
}
