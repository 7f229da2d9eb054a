using TorchSharp;

namespace SynthCore.Torch;

/// <summary>
/// Runs a block of libtorch work alone in the process, with libtorch's intra-op thread count set,
/// restoring the previous count after. Both are process-wide: the thread count is global in
/// libtorch, and TorchSharp 0.107 is not safe for two fits at once (the test suite, running GAN
/// fits on parallel threads, hit freed native Scalars in Adam.step and clamp_min), so every fit
/// and sample takes this gate. Reentrant on one thread.
/// </summary>
internal sealed class TorchThreads : IDisposable
{
    private static readonly object Gate = new();

    private readonly int previous;
    private bool disposed;

    private TorchThreads(int threads)
    {
        Monitor.Enter(Gate);
        previous = torch.get_num_threads();
        if (threads != previous) torch.set_num_threads(threads);
    }

    /// <summary>Waits for any other libtorch work, then sets <paramref name="threads"/> intra-op threads until disposed.</summary>
    public static TorchThreads Use(int threads) => new(threads);

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        try
        {
            if (torch.get_num_threads() != previous) torch.set_num_threads(previous);
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }
}
