namespace SynthCore.Synthesizers;

/// <summary>
/// One latent dimension over a table's rows: the mean of the encoder's posterior means μ, the mean posterior σ, the
/// variance of μ across rows, and the aggregate posterior's standard deviation √(Var(μ) + mean σ²) (the spread of codes
/// drawn from q(z|x) over all rows, by the law of total variance; about 1 when the aggregate matches the N(0, 1) prior).
/// </summary>
public sealed record LatentDimension(int Index, double MeanOfMeans, double MeanSigma, double VarianceOfMeans, double AggregateStd);

/// <summary>
/// The toolkit's VAE summary: latent means and standard deviations per dimension, over the rows encoded. A dimension is
/// active when its posterior means vary across rows (variance above <see cref="ActiveAbove"/>, the usual
/// active-units test); an inactive one has collapsed to the prior and carries nothing about the rows.
/// </summary>
public sealed record LatentStatistics(int Rows, IReadOnlyList<LatentDimension> Dimensions)
{
    /// <summary>Variance of the posterior means above which a dimension counts as active.</summary>
    public const double ActiveAbove = 0.01;

    /// <summary>Dimensions whose posterior means vary across rows.</summary>
    public int ActiveDimensions => Dimensions.Count(d => d.VarianceOfMeans > ActiveAbove);

    /// <summary>The mean over dimensions of the mean posterior σ.</summary>
    public double MeanSigma => Dimensions.Average(d => d.MeanSigma);

    /// <summary>The mean over dimensions of the aggregate posterior's standard deviation.</summary>
    public double MeanAggregateStd => Dimensions.Average(d => d.AggregateStd);

    /// <summary>Per-dimension statistics of posterior means and log-variances (rows × dimensions, row-major).</summary>
    public static LatentStatistics From(float[] means, float[] logVariances, int rows, int dimensions)
    {
        if (rows < 1) throw new SynthException("Latent statistics need at least one row.");
        var result = new LatentDimension[dimensions];
        for (int j = 0; j < dimensions; j++)
        {
            double sum = 0, sumSquares = 0, sigma = 0, sigmaSquares = 0;
            for (int i = 0; i < rows; i++)
            {
                double mu = means[i * dimensions + j];
                double variance = Math.Exp(logVariances[i * dimensions + j]);
                sum += mu;
                sumSquares += mu * mu;
                sigma += Math.Sqrt(variance);
                sigmaSquares += variance;
            }
            double mean = sum / rows;
            double varianceOfMeans = Math.Max(0, sumSquares / rows - mean * mean);
            result[j] = new LatentDimension(j, mean, sigma / rows, varianceOfMeans, Math.Sqrt(varianceOfMeans + sigmaSquares / rows));
        }
        return new LatentStatistics(rows, result);
    }
}
