// Test classes run one after another, not in parallel. TorchSharp 0.107 hands libtorch the raw
// handle of temporary Scalars (e.g. the 1e-10 of clamp_min, Adam's betas) without keeping the managed
// object alive; when another test thread's allocations trigger a garbage collection during that native
// call, the finalizer can free the Scalar while libtorch still reads it ("Expected false to be true …
// Scalar.h"). Seen only with neural fits running beside other tests; a fit alone in its process (CLI,
// notebook cell) has few other threads allocating, and we have not seen it there.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
