namespace SynthCore.Synthesizers.Statistical;

/// <summary>Options of <see cref="GmmSynthesizer"/>.</summary>
public sealed record GmmOptions : IValidatedOptions
{
    /// <summary>Largest number of components tried; the one with the lowest BIC among 1..this is kept (<c>--option max-components=8</c>).</summary>
    public int MaxComponents { get; init; } = 8;

    /// <summary>Most EM iterations per fit (<c>--option max-iterations=100</c>, or <c>--epochs</c>).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>EM stops when the mean log-likelihood per row improves by less than this (scikit-learn's tol).</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Added to the diagonal of every covariance (standardised units), as scikit-learn's reg_covar: keeps them invertible.</summary>
    public double CovarianceRegularisation { get; init; } = 1e-6;

    /// <summary>
    /// Tables with more rows choose the number of components by BIC on a random subset of this many
    /// rows, then fit that number on all rows (<c>--option selection-rows=20000</c>): the BIC's
    /// choice is stable long before a million rows, and each extra candidate costs a full EM run.
    /// </summary>
    public int SelectionRows { get; init; } = 20_000;

    /// <summary>Seed of the initialisation and (by default) of sampling.</summary>
    public int Seed { get; init; } = 42;

    public void Validate()
    {
        if (MaxComponents < 1) throw new SynthOptionException("max-components", $"must be at least 1 (got {MaxComponents}).");
        if (MaxIterations < 1) throw new SynthOptionException("max-iterations", $"must be at least 1 (got {MaxIterations}).");
        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance)) throw new SynthOptionException("tolerance", $"must be a number of at least 0 (got {Tolerance}).");
        if (!(CovarianceRegularisation > 0) || !double.IsFinite(CovarianceRegularisation))
            throw new SynthOptionException("reg-covar", $"must be a positive number (got {CovarianceRegularisation}).");
        if (SelectionRows < 2) throw new SynthOptionException("selection-rows", $"must be at least 2 (got {SelectionRows}).");
    }
}
