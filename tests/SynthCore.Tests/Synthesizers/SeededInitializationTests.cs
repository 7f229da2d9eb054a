using SynthCore.Native;
using SynthCore.Torch;
using TorchSharp;

namespace SynthCore.Tests.Synthesizers;

public class SeededInitializationTests
{
    [Fact]
    public void LayersDependOnTheGivenGeneratorOnlyNotTheGlobalSeed()
    {
        TorchNativeLoader.EnsureLoaded();
        float[] Init(int globalSeed, ulong seed)
        {
            torch.manual_seed(globalSeed);
            using var generator = new torch.Generator(seed, torch.CPU);
            using var layer = torch.nn.Linear(16, 8);
            SeededInitialization.Reset(layer, generator);
            return layer.weight!.data<float>().ToArray().Concat(layer.bias!.data<float>().ToArray()).ToArray();
        }

        Assert.Equal(Init(1, 7), Init(2, 7));
        Assert.NotEqual(Init(1, 7), Init(1, 8));
        // PyTorch's default bounds: U(−1/√16, 1/√16), and spread over it.
        var values = Init(1, 7);
        Assert.All(values, v => Assert.InRange(v, -0.25f, 0.25f));
        Assert.True(values.Min() < -0.2f && values.Max() > 0.2f);
    }
}
