using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace SynthCore.Evaluation.Utility;

/// <summary>Trains a regressor on one table's rows and predicts another's.</summary>
internal static class UtilityRegressor
{
    public static double[] FitPredict(string model, double[][] trainX, double[] trainY, double[][] testX, int seed, CancellationToken cancellation = default) => model switch
    {
        UtilityModels.GradientBoostedTrees => FastTree(trainX, trainY, testX, seed, cancellation),
        UtilityModels.RandomForest => FastForest(trainX, trainY, testX, seed, cancellation),
        UtilityModels.Linear => LeastSquares(trainX, trainY, testX),
        _ => throw new ArgumentException($"Unknown model '{model}'.", nameof(model)),
    };

    private static double[] FastTree(double[][] trainX, double[] trainY, double[][] testX, int seed, CancellationToken cancellation) =>
        Trees(ml => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = 100, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 5, LearningRate = 0.1, NumberOfThreads = 1,
        }), trainX, trainY, testX, seed, cancellation);

    private static double[] FastForest(double[][] trainX, double[] trainY, double[][] testX, int seed, CancellationToken cancellation) =>
        Trees(ml => ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            NumberOfTrees = 100, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1,
        }), trainX, trainY, testX, seed, cancellation);

    /// <summary>Fits the tree ensemble <paramref name="trainer"/> makes (single-threaded, seeded) and predicts the test rows.</summary>
    private static double[] Trees(Func<MLContext, IEstimator<ITransformer>> trainer, double[][] trainX, double[] trainY, double[][] testX, int seed, CancellationToken cancellation)
    {
        var ml = new MLContext(seed);
        var estimator = trainer(ml);
        var fitted = Resources.CancellableWork.Run(() => estimator.Fit(MlRows.Values(ml, trainX, trainY)), cancellation);
        return fitted.Transform(MlRows.Values(ml, testX, new double[testX.Length]))
            .GetColumn<float>("Score").Select(v => (double)v).ToArray();
    }

    // Ordinary least squares with an intercept, solved exactly by MathNet from the normal equations. ML.NET's OLS trainer needs the
    // native MKL package and its SDCA regressor only approximates the solution. A tiny ridge term (1e-8 times
    // the mean feature variance, intercept unpenalised) keeps collinear one-hot columns solvable.
    private static double[] LeastSquares(double[][] trainX, double[] trainY, double[][] testX)
    {
        int n = trainX.Length, d = n > 0 ? trainX[0].Length : 0;
        var x = Matrix<double>.Build.Dense(n, d + 1, (i, j) => j == 0 ? 1 : trainX[i][j - 1]);
        var gram = x.TransposeThisAndMultiply(x);
        double ridge = 1e-8 * Math.Max(gram.Diagonal().Sum() / Math.Max(n, 1), 1);
        for (int j = 1; j <= d; j++) gram[j, j] += ridge;
        var beta = gram.Solve(x.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(trainY)));
        return testX.Select(row => beta[0] + row.Select((v, j) => v * beta[j + 1]).Sum()).ToArray();
    }
}
