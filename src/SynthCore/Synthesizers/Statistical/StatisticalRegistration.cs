using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>How the registry makes and loads the statistical models: common settings and <c>--option</c> pairs onto each model's options record.</summary>
internal static class StatisticalRegistration
{
    private static readonly ModelOptionSet<SmoteOptions> SmoteExtras = new(
        ModelOption.Int<SmoteOptions>("k", o => o.K, (o, v) => o with { K = v }, "nearest neighbours to interpolate towards", min: 1),
        ModelOption.Text<SmoteOptions>("target", o => o.Target, (o, v) => o with { Target = v }, "a class column to balance", "column"));

    public static SynthesizerDescriptor Smote { get; } = Entry(SmoteSynthesizer.Name,
        "SMOTE-style interpolation between rows and their k nearest neighbours (SMOTE-NC distances for categories); options k, target (balance a class column).",
        SmoteExtras, settings => new SmoteOptions { Seed = settings.Seed }, options => new SmoteSynthesizer(options), FittedSmote.Load);

    private static readonly ModelOptionSet<KdeOptions> KdeExtras = new(
        ModelOption.Text<KdeOptions>("bandwidth", o => o.Bandwidth, (o, v) => o with { Bandwidth = v }, "kernel width: Scott's or Silverman's rule, or a factor", "scott|silverman|number"));

    public static SynthesizerDescriptor Kde { get; } = Entry(KdeSynthesizer.Name,
        "Kernel density estimation: category combinations by their frequency, numbers from full-covariance Gaussian kernels; option bandwidth=scott|silverman|<factor>.",
        KdeExtras, settings => new KdeOptions { Seed = settings.Seed }, options => new KdeSynthesizer(options), FittedKde.Load, pairwiseMemory: true);

    private static readonly ModelOptionSet<GmmOptions> GmmExtras = new(
        ModelOption.Int<GmmOptions>("max-components", o => o.MaxComponents, (o, v) => o with { MaxComponents = v }, "most mixture components tried (chosen by BIC)", min: 1),
        ModelOption.Int<GmmOptions>("max-iterations", o => o.MaxIterations, (o, v) => o with { MaxIterations = v }, "EM iterations per fit (also --epochs)", min: 1),
        ModelOption.Int<GmmOptions>("selection-rows", o => o.SelectionRows, (o, v) => o with { SelectionRows = v }, "rows the BIC selection fits on", min: 2),
        ModelOption.Real<GmmOptions>("reg-covar", o => o.CovarianceRegularisation, (o, v) => o with { CovarianceRegularisation = v }, "added to each covariance's diagonal"),
        ModelOption.Real<GmmOptions>("tolerance", o => o.Tolerance, (o, v) => o with { Tolerance = v }, "EM stops when the log-likelihood gains less"));

    public static SynthesizerDescriptor Gmm { get; } = Entry(GmmSynthesizer.Name,
        "Gaussian mixture (EM, k-means++ start, full covariance, components by BIC) with per-component category and missing-pattern tables; options max-components, max-iterations, selection-rows, reg-covar.",
        GmmExtras, settings => new GmmOptions { Seed = settings.Seed, MaxIterations = settings.Epochs ?? new GmmOptions().MaxIterations },
        options => new GmmSynthesizer(options), FittedGmm.Load, pairwiseMemory: true);

    private static readonly ModelOptionSet<CartOptions> CartExtras = new(
        ModelOption.Int<CartOptions>("min-leaf", o => o.MinLeaf, (o, v) => o with { MinLeaf = v }, "fewest rows per leaf (default: max(5, √rows))", min: 1),
        ModelOption.Custom<CartOptions>("smoothing", "density|none", o => o.Smoothing == CartSmoothing.None ? "none" : "density",
            (o, v) => o with { Smoothing = ModelOption.ParseChoice("smoothing", v, "density", "none") == "none" ? CartSmoothing.None : CartSmoothing.Density },
            "numbers drawn with the leaf's kernel noise, or exact leaf values (synthpop)"),
        ModelOption.Names<CartOptions>("visit-order", o => o.VisitOrder, (o, v) => o with { VisitOrder = v }, "the order columns are synthesised in (default: fewest distinct values first)"));

    public static SynthesizerDescriptor Cart { get; } = Entry(CartSynthesizer.Name,
        "CART synthesis as synthpop: each column from a tree on the columns before it, drawing from the matched leaf, numbers smoothed by the leaf's kernel; options min-leaf, smoothing=density|none, visit-order=a,b,c.",
        CartExtras, settings => new CartOptions { Seed = settings.Seed }, options => new CartSynthesizer(options), FittedCart.Load);

    /// <summary>
    /// A model's registry entry. Its options come from <paramref name="start"/> and the <c>--option</c> pairs, validated.
    /// The common training settings (epochs, batch size, learning rate) are ignored, so every front end can pass them to
    /// any model (gmm reads --epochs as its iterations); a device other than the CPU is refused.
    /// </summary>
    private static SynthesizerDescriptor Entry<T>(string name, string summary, ModelOptionSet<T> extras, Func<SynthesizerSettings, T> start,
        Func<T, ISynthesizer> create, Func<ModelFileContent, IFittedSynthesizer> load, bool pairwiseMemory = false) where T : IValidatedOptions, new() =>
        new(name, summary, settings =>
        {
            settings.RequireCpu(name);
            var options = extras.Apply(start(settings), settings.Extra, name);
            options.Validate();
            return create(options);
        }, load)
        { PairwiseMemory = pairwiseMemory, Options = extras.Describe(new T()) };
}
