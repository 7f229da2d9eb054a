using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Torch;

/// <summary>
/// Seeded U[0, 1) float tensors from xoshiro256+ (Blackman and Vigna), for the noise a training
/// step draws in bulk: dropout masks, Gumbel noise, interpolation weights.
/// </summary>
/// <remarks>
/// Hand-written for speed: libtorch's CPU generator (Mersenne Twister) fills uniform tensors
/// serially at about 5 ns a number, and a CTGAN step draws about 250,000 (≈1.2 ms of a ~28 ms
/// step here); xoshiro256+ gives two 24-bit floats per ~1 ns step. The state is seeded from the
/// caller's torch generator, so same seed, same draws. Tensors are filled on the CPU and moved to
/// the requested device, as the torch draws they replace were.
/// </remarks>
internal sealed class UniformNoise
{
    private ulong s0, s1, s2, s3;

    /// <param name="seed">Draws one 64-bit seed from it.</param>
    public UniformNoise(torch.Generator seed)
    {
        ulong x = (ulong)torch.randint(long.MinValue, long.MaxValue, [1], dtype: ScalarType.Int64, generator: seed).item<long>();
        // SplitMix64 spreads the seed over the four state words (never all zero).
        s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);
    }

    /// <summary>A float32 tensor of <paramref name="shape"/> with U[0, 1) entries.</summary>
    public Tensor Next(long[] shape, Device device)
    {
        var tensor = torch.empty(shape, dtype: ScalarType.Float32, device: torch.CPU);
        Fill(MemoryMarshal.Cast<byte, float>(tensor.bytes));
        return device.type == DeviceType.CPU ? tensor : tensor.to(device);
    }

    private void Fill(Span<float> values)
    {
        const float Scale = 1f / (1 << 24);
        int i = 0;
        for (; i + 1 < values.Length; i += 2)
        {
            ulong r = NextBits();
            // The top 24 bits and the 24 below them; xoshiro256+'s weak bits are the lowest few.
            values[i] = (r >> 40) * Scale;
            values[i + 1] = ((r >> 16) & 0xFFFFFF) * Scale;
        }
        if (i < values.Length) values[i] = (NextBits() >> 40) * Scale;
    }

    private ulong NextBits()
    {
        ulong result = s0 + s3;
        ulong t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >> 19);
        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
