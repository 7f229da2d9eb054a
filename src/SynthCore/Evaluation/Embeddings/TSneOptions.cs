namespace SynthCore.Evaluation.Embeddings;

/// <summary>How <see cref="TSne"/> computes the embedding.</summary>
public enum TSneMethod
{
    /// <summary>Exact for up to <see cref="TSneOptions.BarnesHutThreshold"/> points, Barnes-Hut above.</summary>
    Auto,
    /// <summary>All pairs, O(n²) per iteration: the reference, for small tables.</summary>
    Exact,
    /// <summary>Sparse affinities over the 3·perplexity nearest neighbours and a quadtree for the repulsion, O(n log n) per iteration.</summary>
    BarnesHut,
}

/// <summary>Settings of <see cref="TSne"/>; the defaults are those of van der Maaten's and scikit-learn's implementations.</summary>
public sealed record TSneOptions
{
    /// <summary>The effective number of neighbours each point attends to (typically 5 to 50).</summary>
    public double Perplexity { get; init; } = 30;

    /// <summary>Gradient-descent iterations in all.</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>Step size; null picks scikit-learn's "auto": max(n / early exaggeration / 4, 50).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Factor on the affinities during the first <see cref="ExaggerationIterations"/> iterations, which lets clusters form.</summary>
    public double EarlyExaggeration { get; init; } = 12;

    public int ExaggerationIterations { get; init; } = 250;

    /// <summary>Barnes-Hut accuracy: a cell is summarised when its width / distance is below theta (0 = exact repulsion).</summary>
    public double Theta { get; init; } = 0.5;

    public TSneMethod Method { get; init; } = TSneMethod.Auto;

    /// <summary>With <see cref="TSneMethod.Auto"/>, more points than this use Barnes-Hut.</summary>
    public int BarnesHutThreshold { get; init; } = 2000;

    /// <summary>Seeds the random initial layout; the same seed gives the same embedding.</summary>
    public int Seed { get; init; } = 42;
}
