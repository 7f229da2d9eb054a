using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace SynthCore.Evaluation.Utility;

/// <summary>Trains a classifier on one table's rows and returns class probabilities for another's.</summary>
internal static class UtilityClassifier
{
    /// <returns>Per test row, one probability per class (0 … <paramref name="classes"/> − 1).</returns>
    public static double[][] FitPredict(string model, double[][] trainX, int[] trainY, int classes, double[][] testX, int seed, CancellationToken cancellation = default)
    {
        // Train on the classes that occur and give the others probability 0: a trainer cannot learn a class it
        // never sees (and one-vs-rest would have a binary problem without positives).
        var present = trainY.Distinct().OrderBy(c => c).ToArray();
        if (present.Length == 1)
            return testX.Select(_ => Enumerable.Range(0, classes).Select(c => c == present[0] ? 1.0 : 0.0).ToArray()).ToArray();
        var local = present.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k);

        var ml = new MLContext(seed);
        var train = MlRows.Classes(ml, trainX, trainY.Select(y => local[y]).ToArray(), present.Length);
        IEstimator<ITransformer> trainer = model switch
        {
            UtilityModels.GradientBoostedTrees => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    NumberOfTrees = 100, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 5, LearningRate = 0.1,
                    // One thread: the same seed then gives the same model.
                    NumberOfThreads = 1,
                })),
            UtilityModels.RandomForest => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
                {
                    NumberOfTrees = 100, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1,
                })),
            UtilityModels.Linear => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = 1e-2f, NumberOfThreads = 1,
            }),
            _ => throw new ArgumentException($"Unknown model '{model}'.", nameof(model)),
        };
        var fitted = Resources.CancellableWork.Run(() => trainer.Fit(train), cancellation);
        var test = MlRows.Classes(ml, testX, new int[testX.Length], present.Length);
        // Copy each row's scores as it is read: the cursor reuses one buffer for every row.
        var scores = fitted.Transform(test).GetColumn<VBuffer<float>>("Score").Select(score => score.DenseValues().ToArray()).ToArray();
        return scores.Select(dense =>
        {
            double sum = dense.Sum(v => Math.Max(v, 0));
            var probabilities = new double[classes];
            for (int k = 0; k < present.Length; k++)
                probabilities[present[k]] = sum > 0 ? Math.Max(dense[k], 0) / sum : 1.0 / present.Length;
            return probabilities;
        }).ToArray();
    }
}
