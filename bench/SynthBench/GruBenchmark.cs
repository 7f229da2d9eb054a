using System.Diagnostics;
using SynthCore.Native;
using SynthCore.Torch;
using TorchSharp;

namespace SynthBench;

/// <summary>
/// One stacked GRU's forward and backward (TimeGAN's shape by default), timed through libtorch's
/// nn.GRU and through the C# <see cref="FusedGru"/> on the same weights and batches.
/// </summary>
internal static class GruBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        int batch = a.Int("batch", 128), time = a.Int("time", 24), input = a.Int("input", 5), hidden = a.Int("hidden", 24), layers = a.Int("layers", 3);
        int repeats = a.Int("repeats", 200);
        TorchNativeLoader.EnsureLoaded();
        torch.set_num_threads(a.Int("threads", 1));
        using var random = new torch.Generator(1);
        using var net = new RecurrentNet("gru", input, hidden, layers, hidden, sigmoid: true, random, RecurrentInitialization.TensorFlow);
        using var x = torch.rand([batch, time, input], generator: random);
        Console.WriteLine($"GRU {layers} layers, input {input}, hidden {hidden}, batch {batch} x {time} steps, {torch.get_num_threads()} libtorch thread(s); {repeats} forward + backward each");
        // which=fused|libtorch times only one (for profiling); by default both, alternating twice.
        bool[] order = a.Text("which", "both") switch { "fused" => [false], "libtorch" => [true], _ => [true, false, true, false] };
        foreach (bool libtorch in order)
        {
            net.UseLibTorchGru = libtorch;
            double forward = 0, total = 0;
            int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
            for (int i = 0; i < repeats + 10; i++)
            {
                using var scope = torch.NewDisposeScope();
                var clock = Stopwatch.StartNew();
                var y = net.forward(x);
                double f = clock.Elapsed.TotalMilliseconds;
                y.sum().backward();
                double t = clock.Elapsed.TotalMilliseconds;
                if (i >= 10) { forward += f; total += t; }
                foreach (var p in net.parameters()) p.grad?.zero_();
            }
            Console.WriteLine($"  {(libtorch ? "libtorch nn.GRU" : "C# FusedGru"),-16} forward {forward / repeats:F2} ms, forward + backward {total / repeats:F2} ms, garbage collections gen 0 {GC.CollectionCount(0) - gen0}, gen 2 {GC.CollectionCount(2) - gen2}");
        }
        return 0;
    }
}
