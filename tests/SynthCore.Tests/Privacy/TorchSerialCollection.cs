namespace SynthCore.Tests.Privacy;

/// <summary>
/// The privacy tests run alone, not beside the other classes: GAN fits set libtorch's process-wide
/// thread count (TorchThreads), and the WGAN fixture failed inside libtorch ("Expected false to be
/// true") when it ran beside these tests (torch work and the all-core Parallel.For of the
/// nearest-neighbour search); it passes with them serialised.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchSerialCollection
{
    public const string Name = "privacy torch (serial)";
}
