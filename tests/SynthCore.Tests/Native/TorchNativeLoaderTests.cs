using SynthCore.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Tests.Native;

public class TorchNativeLoaderTests
{
    [Fact]
    public void TorchSharp_loads_and_trains_a_small_network()
    {
        var status = TorchNativeLoader.EnsureLoaded();
        Assert.NotNull(status.Detail);

        // Fit y = 3x - 1 with one linear layer: proves the native library really runs autograd and Adam.
        torch.manual_seed(7);
        var x = torch.linspace(-1, 1, 64).reshape(64, 1);
        var y = 3 * x - 1;
        var layer = nn.Linear(1, 1);
        var optimizer = optim.Adam(layer.parameters(), lr: 0.1);
        for (int i = 0; i < 300; i++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(layer.forward(x), y);
            loss.backward();
            optimizer.step();
        }
        Assert.Equal(3.0, layer.weight!.item<float>(), 1);
        Assert.Equal(-1.0, layer.bias!.item<float>(), 1);
    }

    [Fact]
    public void Patching_is_used_exactly_when_the_system_libstdcxx_lacks_the_version()
    {
        var status = TorchNativeLoader.EnsureLoaded();
        bool systemHasVersion = File.Exists("/usr/lib/x86_64-linux-gnu/libstdc++.so.6")
            && File.ReadAllText("/usr/lib/x86_64-linux-gnu/libstdc++.so.6").Contains(TorchNativeLoader.MissingVersion);
        if (OperatingSystem.IsLinux() && File.Exists("/usr/lib/x86_64-linux-gnu/libstdc++.so.6"))
            Assert.Equal(systemHasVersion ? TorchNativeMode.AsShipped : TorchNativeMode.PatchedForOldLibStdCxx, status.Mode);
    }

    [Fact]
    public void Patcher_marks_only_the_named_version_weak()
    {
        string original = TorchNativeLoader.FindNativeFile("libLibTorchSharp.so")!;
        Assert.NotNull(original);
        byte[] bytes = File.ReadAllBytes(original);
        var before = ElfVersionNeedPatcher.ReadVersionNeeds(bytes);

        Assert.Equal(1, ElfVersionNeedPatcher.MarkWeak(bytes, TorchNativeLoader.MissingVersion));

        var after = ElfVersionNeedPatcher.ReadVersionNeeds(bytes);
        Assert.Equal(before.Count, after.Count);
        for (int i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].Version, after[i].Version);
            ushort expected = before[i].Version == TorchNativeLoader.MissingVersion ? (ushort)(before[i].Flags | 2) : before[i].Flags;
            Assert.Equal(expected, after[i].Flags);
        }
    }

    [Fact]
    public void Patcher_rejects_a_file_that_is_not_elf()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.ReadVersionNeeds(new byte[128]));
    }
}
