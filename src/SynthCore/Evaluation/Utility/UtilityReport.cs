namespace SynthCore.Evaluation.Utility;

/// <summary>Classification or regression, from the target column's kind.</summary>
public enum UtilityTask
{
    Classification,
    Regression,
}

/// <summary>One model's scores on the real holdout. Classification fills the first three, regression the last two.</summary>
public sealed record UtilityScores(
    double? Accuracy = null, double? MacroF1 = null, double? RocAuc = null,
    double? RSquared = null, double? MeanAbsoluteError = null);

/// <summary>
/// One model family trained two ways and tested on the same real holdout: on the real training rows
/// (TRTR, the reference) and on the synthetic table (TSTR). Close scores mean the synthetic table supports
/// the same predictions as the real one.
/// </summary>
public sealed record UtilityResult(string Model, UtilityScores TrainRealTestReal, UtilityScores TrainSyntheticTestReal);

/// <summary>
/// Machine-learning utility of a synthetic table: train-on-synthetic-test-on-real against
/// train-on-real-test-on-real for one target column, with a gradient-boosted tree model and a linear one.
/// The real table is split once (seeded) into training and holdout rows; features (all other columns except
/// identifiers) are encoded by <see cref="TableFeatures"/> fitted on the real training rows; rows whose
/// target is missing are left out.
/// </summary>
public sealed record UtilityReport(
    string Target, UtilityTask Task, int RealTrainRows, int RealTestRows, int SyntheticRows,
    IReadOnlyList<string>? Classes, IReadOnlyList<UtilityResult> Results)
{
    /// <summary>The metric <see cref="ScorePercent"/> compares: ROC AUC for classes, R² for numbers.</summary>
    public string ScoreMetric => Task == UtilityTask.Classification ? "roc_auc" : "r_squared";

    /// <summary>
    /// Utility as one number, as the original toolkit reported it: 100 · TSTR / TRTR of the boosted trees on
    /// <see cref="ScoreMetric"/>; 100% when the synthetic rows teach as much as the real ones. Null when undefined.
    /// </summary>
    public double? ScorePercent
    {
        get
        {
            var trees = Results.FirstOrDefault(r => r.Model == UtilityModels.GradientBoostedTrees);
            double? real = Task == UtilityTask.Classification ? trees?.TrainRealTestReal.RocAuc : trees?.TrainRealTestReal.RSquared;
            double? synthetic = Task == UtilityTask.Classification ? trees?.TrainSyntheticTestReal.RocAuc : trees?.TrainSyntheticTestReal.RSquared;
            return real is double r && synthetic is double s && r > 0 ? 100 * s / r : null;
        }
    }

    /// <exception cref="SynthOptionException">The target is unknown or cannot be predicted.</exception>
    /// <exception cref="SynthException">Too few rows with a target value.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (at once, also during ML.NET's training: <see cref="Resources.CancellableWork"/>).</exception>
    public static UtilityReport Evaluate(DataFrame real, DataFrame synthetic, TableMetadata metadata, UtilityOptions options, CancellationToken cancellation = default)
    {
        var (target, task) = TargetOf(metadata, options.Target);
        if (!(options.TestFraction > 0 && options.TestFraction < 1))
            throw new SynthOptionException("test fraction", $"must be between 0 and 1, got {options.TestFraction}.");
        if (synthetic.Columns.IndexOf(target.Name) < 0)
            throw new SynthColumnException(target.Name, "is missing from the synthetic table.");

        var (train, test) = Split(real, target.Name, options);
        return Score(Take(real, train), Take(real, test), synthetic, metadata, target, task, options, cancellation);
    }

    /// <summary>
    /// Utility against a holdout the synthesizer never saw: the models train on <paramref name="realTrain"/> (the rows
    /// the synthesizer was fitted on) or on <paramref name="synthetic"/>, and are tested on <paramref name="holdout"/>.
    /// </summary>
    /// <exception cref="SynthOptionException">The target is unknown or cannot be predicted.</exception>
    /// <exception cref="SynthException">Too few rows with a target value.</exception>
    public static UtilityReport EvaluateOnHoldout(DataFrame realTrain, DataFrame holdout, DataFrame synthetic, TableMetadata metadata, UtilityOptions options, CancellationToken cancellation = default)
    {
        var (target, task) = TargetOf(metadata, options.Target);
        foreach (var (table, which) in new[] { (realTrain, "real training"), (holdout, "holdout"), (synthetic, "synthetic") })
            if (table.Columns.IndexOf(target.Name) < 0) throw new SynthColumnException(target.Name, $"is missing from the {which} table.");
        var train = RowsWithTarget(realTrain, target.Name);
        var test = RowsWithTarget(holdout, target.Name);
        if (train.Length < 2 || test.Length < 2)
            throw new SynthException($"Column '{target.Name}': too few rows with a value to train ({train.Length}) and test ({test.Length}) on; at least 2 each.");
        return Score(Take(realTrain, train), Take(holdout, test), synthetic, metadata, target, task, options, cancellation);
    }

    private static (ColumnMetadata Target, UtilityTask Task) TargetOf(TableMetadata metadata, string name)
    {
        var target = metadata.Columns.FirstOrDefault(c => c.Name == name)
            ?? throw new SynthOptionException("--target", $"unknown column '{name}' (the table has: {string.Join(", ", metadata.Columns.Select(c => c.Name))}).");
        var task = target.Kind switch
        {
            ColumnKind.Categorical or ColumnKind.Boolean => UtilityTask.Classification,
            ColumnKind.Continuous or ColumnKind.Integer => UtilityTask.Regression,
            _ => throw new SynthOptionException("--target", $"column '{target.Name}' is {target.Kind.ToString().ToLowerInvariant()}; choose a categorical, boolean or numeric column."),
        };
        return (target, task);
    }

    private static UtilityReport Score(DataFrame realTrain, DataFrame realTest, DataFrame synthetic, TableMetadata metadata, ColumnMetadata target, UtilityTask task, UtilityOptions options, CancellationToken cancellation)
    {
        var syntheticRows = RowsWithTarget(synthetic, target.Name);
        if (syntheticRows.Length < 2)
            throw new SynthException($"Column '{target.Name}': the synthetic table has {syntheticRows.Length} rows with a value; at least 2 are needed to train on.");
        var syntheticTable = Take(synthetic, syntheticRows);
        var features = TableFeatures.Fit(realTrain, metadata, [target.Name]);
        var xTrain = features.Transform(realTrain, "real").ToRowArrays();
        var xTest = features.Transform(realTest, "real").ToRowArrays();
        var xSynthetic = features.Transform(syntheticTable, "synthetic").ToRowArrays();

        if (task == UtilityTask.Classification)
        {
            var trainLabels = ColumnValues.Labels(realTrain.Columns[target.Name]);
            var testLabels = ColumnValues.Labels(realTest.Columns[target.Name]);
            var syntheticLabels = ColumnValues.Labels(syntheticTable.Columns[target.Name]);
            var classes = trainLabels.Concat(testLabels).Concat(syntheticLabels).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToArray();
            var index = classes.Select((c, k) => (c, k)).ToDictionary(p => p.c!, p => p.k, StringComparer.Ordinal);
            int[] Indices(string?[] labels) => labels.Select(l => index[l!]).ToArray();
            var yTest = Indices(testLabels);
            UtilityScores Score(double[][] x, int[] y, string model) =>
                Classification(yTest, UtilityClassifier.FitPredict(model, x, y, classes.Length, xTest, options.Seed, cancellation));
            var results = UtilityModels.All.Select(model => new UtilityResult(model,
                Score(xTrain, Indices(trainLabels), model), Score(xSynthetic, Indices(syntheticLabels), model))).ToArray();
            return new UtilityReport(target.Name, task, (int)realTrain.Rows.Count, (int)realTest.Rows.Count, syntheticRows.Length, classes!, results);
        }
        else
        {
            double[] Values(DataFrame table) => ColumnValues.AlignedNumbers(table.Columns[target.Name]).Select(v => v!.Value).ToArray();
            var yTest = Values(realTest);
            UtilityScores Score(double[][] x, double[] y, string model)
            {
                var predicted = UtilityRegressor.FitPredict(model, x, y, xTest, options.Seed, cancellation);
                return new UtilityScores(RSquared: RegressionMetrics.RSquared(yTest, predicted), MeanAbsoluteError: RegressionMetrics.MeanAbsoluteError(yTest, predicted));
            }
            var results = UtilityModels.All.Select(model => new UtilityResult(model,
                Score(xTrain, Values(realTrain), model), Score(xSynthetic, Values(syntheticTable), model))).ToArray();
            return new UtilityReport(target.Name, task, (int)realTrain.Rows.Count, (int)realTest.Rows.Count, syntheticRows.Length, null, results);
        }
    }

    /// <summary>The real rows (with a target value) used for training and for testing, each in table order.</summary>
    public static (long[] Train, long[] Test) Split(DataFrame real, string target, UtilityOptions options)
    {
        var realRows = RowsWithTarget(real, target);
        var random = new RandomStreams(options.Seed).Stream("split");
        var shuffled = realRows.OrderBy(_ => random.Next()).ToArray();
        int testCount = (int)Math.Round(options.TestFraction * shuffled.Length);
        if (testCount < 2 || shuffled.Length - testCount < 2)
            throw new SynthException($"Column '{target}': too few real rows with a value ({realRows.Length}) to split into training and test rows.");
        return (shuffled.Skip(testCount).OrderBy(i => i).ToArray(), shuffled.Take(testCount).OrderBy(i => i).ToArray());
    }

    private static UtilityScores Classification(int[] truth, double[][] probabilities)
    {
        var predicted = probabilities.Select(p => Array.IndexOf(p, p.Max())).ToArray();
        return new UtilityScores(
            Accuracy: ClassificationMetrics.Accuracy(truth, predicted),
            MacroF1: ClassificationMetrics.MacroF1(truth, predicted),
            RocAuc: ClassificationMetrics.MacroRocAuc(truth, probabilities) is var auc && double.IsFinite(auc) ? auc : null);
    }

    private static long[] RowsWithTarget(DataFrame table, string target)
    {
        var column = table.Columns[target];
        return Enumerable.Range(0, (int)column.Length).Where(i => column[i] is not null).Select(i => (long)i).ToArray();
    }

    private static DataFrame Take(DataFrame table, long[] rows) => table[rows];

}
