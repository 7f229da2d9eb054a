using TorchSharp;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// Runs a block with libtorch's intra-op thread count set, restoring the previous count after.
/// The count is process-wide in libtorch, so this is the one place that changes it.
/// </summary>
internal sealed class TorchThreads : IDisposable
{
    private readonly int previous;

    private TorchThreads(int threads)
    {
        previous = torch.get_num_threads();
        if (threads != previous) torch.set_num_threads(threads);
    }

    /// <summary>Sets <paramref name="threads"/> intra-op threads until disposed.</summary>
    public static TorchThreads Use(int threads) => new(threads);

    public void Dispose()
    {
        if (torch.get_num_threads() != previous) torch.set_num_threads(previous);
    }
}
