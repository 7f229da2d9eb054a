namespace SynthCore.Synthesizers.Statistical;

/// <summary>How the registry makes and loads the statistical models: common settings and <c>--option</c> pairs onto each model's options record.</summary>
internal static class StatisticalRegistration
{
    public static SynthesizerDescriptor Smote { get; } = new(
        SmoteSynthesizer.Name,
        "SMOTE-style interpolation between rows and their k nearest neighbours (SMOTE-NC distances for categories); options k, target (balance a class column).",
        settings =>
        {
            var reader = new StatOptionReader(SmoteSynthesizer.Name, settings, "k", "target");
            var options = new SmoteOptions { K = reader.Int("k", 5, 1), Target = reader.Text("target"), Seed = settings.Seed };
            options.Validate();
            return new SmoteSynthesizer(options);
        },
        FittedSmote.Load);

    public static SynthesizerDescriptor Kde { get; } = new(
        KdeSynthesizer.Name,
        "Kernel density estimation: category combinations by their frequency, numbers from full-covariance Gaussian kernels; option bandwidth=scott|silverman|<factor>.",
        settings =>
        {
            var reader = new StatOptionReader(KdeSynthesizer.Name, settings, "bandwidth");
            var options = new KdeOptions { Bandwidth = reader.Text("bandwidth") ?? "scott", Seed = settings.Seed };
            options.Validate();
            return new KdeSynthesizer(options);
        },
        FittedKde.Load);
}
