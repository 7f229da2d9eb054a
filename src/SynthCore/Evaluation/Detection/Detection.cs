using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using SynthCore.Evaluation.Utility;

namespace SynthCore.Evaluation.Detection;

/// <summary>
/// Can a classifier tell synthetic rows from real ones? Draws the same number of rows from each table, encodes
/// them with <see cref="TableFeatures"/> learned on the real rows (numbers standardised with a missing-value
/// indicator, categories one-hot), and scores each row with a classifier trained on the other folds of a
/// stratified k-fold split: a logistic regression (SDMetrics' LogisticDetection), which sees only shifted
/// marginals and linear relations, and gradient-boosted trees (ML.NET FastTree), which see interactions and
/// odd values too. The AUC is computed over all out-of-fold predictions; the columns whose shuffling costs the
/// classifier most AUC (permutation importance) say why rows are detectable.
/// </summary>
public static class Detection
{
    public const string LogisticName = "logistic regression";
    public const string BoostedTreesName = "boosted trees";

    /// <summary>Whether both tables have the two rows per fold that <see cref="Run"/> needs.</summary>
    public static bool HasRowsFor(long realRows, long syntheticRows, DetectionOptions options) =>
        Math.Min(Math.Min(realRows, syntheticRows), options.MaxRowsPerTable) >= 2 * options.Folds;

    /// <exception cref="SynthException">A table has too few rows, or no column can be compared.</exception>
    public static DetectionReport Run(DataFrame real, DataFrame synthetic, TableMetadata metadata, DetectionOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new DetectionOptions();
        options.Validate();
        int rows = (int)Math.Min(Math.Min(real.Rows.Count, synthetic.Rows.Count), options.MaxRowsPerTable);
        if (!HasRowsFor(real.Rows.Count, synthetic.Rows.Count, options))
            throw new SynthException($"Detection needs at least {2 * options.Folds} rows in each table ({options.Folds} folds); the smaller table has {Math.Min(real.Rows.Count, synthetic.Rows.Count)}.");

        var random = new RandomStreams(options.Seed).Stream("rows and folds");
        var realRows = Draw(real, rows, random);
        var syntheticRows = Draw(synthetic, rows, random);
        var features = TableFeatures.Fit(realRows, metadata, missingIndicators: true);
        var x = features.Transform(realRows, "real").ToRowArrays().Concat(features.Transform(syntheticRows).ToRowArrays()).ToArray();
        var y = Enumerable.Range(0, 2 * rows).Select(i => i >= rows).ToArray(); // true: synthetic
        var folds = StratifiedFolds(rows, options.Folds, random);

        var logistic = CrossValidate(LogisticName, x, y, folds, options, features, cancellation);
        var trees = CrossValidate(BoostedTreesName, x, y, folds, options, features, cancellation);
        return new DetectionReport(rows, options.Folds, options.Seed, logistic, trees);
    }

    /// <summary>Fold of each row: real rows 0 … n − 1 and synthetic rows n … 2n − 1 are shuffled separately, then dealt round-robin.</summary>
    private static int[] StratifiedFolds(int rowsPerClass, int folds, Random random)
    {
        var fold = new int[2 * rowsPerClass];
        for (int offset = 0; offset < fold.Length; offset += rowsPerClass)
        {
            var order = Enumerable.Range(0, rowsPerClass).ToArray();
            random.Shuffle(order);
            for (int k = 0; k < order.Length; k++) fold[offset + order[k]] = k % folds;
        }
        return fold;
    }

    private static DetectionScore CrossValidate(string classifier, double[][] x, bool[] y, int[] folds, DetectionOptions options, TableFeatures features, CancellationToken cancellation)
    {
        var predicted = new double[x.Length];
        var foldAucs = new List<double>();
        var columns = Enumerable.Range(0, features.Width).GroupBy(features.ColumnOf).ToArray();
        var importance = new double[columns.Length];
        var streams = new RandomStreams(options.Seed).Child(classifier);
        var random = streams.Stream("cross-validation");
        for (int k = 0; k < options.Folds; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            var train = Enumerable.Range(0, x.Length).Where(i => folds[i] != k).ToArray();
            var test = Enumerable.Range(0, x.Length).Where(i => folds[i] == k).ToArray();
            var predict = Train(classifier, train.Select(i => x[i]).ToArray(), train.Select(i => y[i]).ToArray(), streams.Seed("fold", k), cancellation);
            var testX = test.Select(i => x[i]).ToArray();
            var testY = test.Select(i => y[i]).ToArray();
            var scores = predict(testX);
            for (int t = 0; t < test.Length; t++) predicted[test[t]] = scores[t];
            double auc = Auc(testY, scores);
            foldAucs.Add(auc);
            // Permutation importance: how much the fold's AUC drops when one column's features (a one-hot group
            // moves as one) are shuffled across the test rows. Model-agnostic, so both classifiers explain alike.
            for (int c = 0; c < columns.Length; c++)
            {
                var order = Enumerable.Range(0, testX.Length).ToArray();
                random.Shuffle(order);
                var permuted = testX.Select(r => (double[])r.Clone()).ToArray();
                foreach (int f in columns[c])
                    for (int t = 0; t < permuted.Length; t++) permuted[t][f] = testX[order[t]][f];
                importance[c] += Math.Max(0, auc - Auc(testY, predict(permuted)));
            }
        }
        double total = importance.Sum();
        var top = columns.Select((g, c) => (Column: g.Key, Drop: importance[c])).Where(p => p.Drop > 0)
            .OrderByDescending(p => p.Drop).ThenBy(p => p.Column, StringComparer.Ordinal).Take(options.TopColumns)
            .Select(p => new ColumnImportance(p.Column, p.Drop / total)).ToList();
        return new DetectionScore(classifier, Auc(y, predicted), foldAucs, top);
    }

    /// <summary>Trains the classifier; returns a scorer of rows (higher: more likely synthetic).</summary>
    private static Func<double[][], double[]> Train(string classifier, double[][] trainX, bool[] trainY, int seed, CancellationToken cancellation)
    {
        var ml = new MLContext(seed);
        var train = MlRows.Binary(ml, trainX, trainY);
        IEstimator<ITransformer> trainer = classifier == LogisticName
            ? ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = 1e-2f, NumberOfThreads = 1,
            })
            : ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = 100, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 10, LearningRate = 0.1,
                // One thread: the same seed then gives the same model on any machine.
                NumberOfThreads = 1,
            });
        var model = Resources.CancellableWork.Run(() => trainer.Fit(train), cancellation);
        return rows => model.Transform(MlRows.Binary(ml, rows, new bool[rows.Length])).GetColumn<float>("Score").Select(s => (double)s).ToArray();
    }

    /// <summary>Mann–Whitney AUC: the chance that a synthetic row scores above a real one (ties count half).</summary>
    private static double Auc(bool[] synthetic, double[] scores) =>
        Privacy.RocAuc.Compute(scores.Where((_, i) => synthetic[i]).ToArray(), scores.Where((_, i) => !synthetic[i]).ToArray());

    private static DataFrame Draw(DataFrame table, int rows, Random random)
    {
        var order = Enumerable.Range(0, (int)table.Rows.Count).ToArray();
        random.Shuffle(order);
        return table[new Int32DataFrameColumn("rows", order.Take(rows).Order().Select(i => (int?)i))];
    }
}
