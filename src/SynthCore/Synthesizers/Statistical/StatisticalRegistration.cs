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
        FittedKde.Load)
    { PairwiseMemory = true };

    public static SynthesizerDescriptor Gmm { get; } = new(
        GmmSynthesizer.Name,
        "Gaussian mixture (EM, k-means++ start, full covariance, components by BIC) with per-component category and missing-pattern tables; options max-components, max-iterations, selection-rows, reg-covar.",
        settings =>
        {
            var reader = new StatOptionReader(GmmSynthesizer.Name, settings, "max-components", "max-iterations", "selection-rows", "reg-covar", "tolerance");
            var defaults = new GmmOptions();
            var options = new GmmOptions
            {
                MaxComponents = reader.Int("max-components", defaults.MaxComponents, 1),
                MaxIterations = reader.Int("max-iterations", settings.Epochs ?? defaults.MaxIterations, 1),
                SelectionRows = reader.Int("selection-rows", defaults.SelectionRows, 2),
                CovarianceRegularisation = reader.Real("reg-covar", defaults.CovarianceRegularisation),
                Tolerance = reader.Real("tolerance", defaults.Tolerance),
                Seed = settings.Seed,
            };
            options.Validate();
            return new GmmSynthesizer(options);
        },
        FittedGmm.Load)
    { PairwiseMemory = true };

    public static SynthesizerDescriptor Cart { get; } = new(
        CartSynthesizer.Name,
        "CART synthesis as synthpop: each column from a tree on the columns before it, drawing from the matched leaf, numbers smoothed by the leaf's kernel; options min-leaf, smoothing=density|none, visit-order=a,b,c.",
        settings =>
        {
            var reader = new StatOptionReader(CartSynthesizer.Name, settings, "min-leaf", "smoothing", "visit-order");
            var order = reader.Text("visit-order")?.Split(',', StringSplitOptions.TrimEntries);
            var smoothing = reader.Text("smoothing") switch
            {
                null or "density" => CartSmoothing.Density,
                "none" => CartSmoothing.None,
                var other => throw new SynthOptionException("smoothing", $"must be 'density' or 'none' (got '{other}')."),
            };
            var options = new CartOptions { MinLeaf = reader.Text("min-leaf") is null ? null : reader.Int("min-leaf", 5, 1), Smoothing = smoothing, VisitOrder = order, Seed = settings.Seed };
            options.Validate();
            return new CartSynthesizer(options);
        },
        FittedCart.Load);
}
