using SynthCore.Evaluation.Scorecards;
using SynthCore.Evaluation;
using SynthCore.Training;
using SynthReports;

namespace SynthCommands;

/// <summary>Plain-text rendering of the values commands show, for the console and for tests.</summary>
public static class TextRendering
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Most categories listed per categorical column in a comparison.</summary>
    public const int MaxCategoriesShown = 10;

    /// <summary>
    /// Widest correlation matrix printed as text. Beyond it the three matrices are unreadable and large (1,500
    /// columns printed 54 MB in 9 s that Ctrl+C could not stop); the JSON summary keeps them.
    /// </summary>
    public const int MaxMatrixColumns = 30;

    public static string Render(object value) => value switch
    {
        string s => s,
        TableDescription d => Describe(d),
        TableComparison c => Compare(c),
        SynthCore.Evaluation.Sequences.SequenceComparison c => SequenceText.Compare(c),
        ModelList m => Models(m),
        TableEvaluation e => Evaluate(e),
        SynthCore.Evaluation.Scorecards.ModelRanking r => Ranking(r),
        DistributionFits f => Distributions(f),
        TrainingProgress p => ProgressLine(p),
        SynthCore.Evaluation.Privacy.PrivacyReport r => PrivacyRendering.Report(r),
        AnonymizationSummary a => PrivacyRendering.Anonymization(a),
        PerturbationSummary p => Perturbation(p),
        ForecastSummary f => ForecastText.Render(f),
        _ => value.ToString() ?? "",
    };

    public static string Describe(TableDescription description)
    {
        var table = new TextTable("column", "kind", "missing", "missing %", "distinct");
        foreach (var c in description.Columns)
            table.Add(c.Name, Kind(c.Kind) + (c.Overridden ? " (set)" : ""), c.MissingCount.ToString("N0", Invariant),
                c.MissingPercent.ToString("0.0", Invariant) + "%", c.DistinctCount.ToString("N0", Invariant));
        return $"{description.Source}: {description.Rows.ToString("N0", Invariant)} rows, {description.Columns.Count} columns\n{table}";
    }

    public static string Models(ModelList list)
    {
        if (list.Models.Count == 0) return "No models are registered.";
        if (list.WithOptions)
            return string.Join("\n", list.Models.Select(m =>
            {
                if (m.Options.Count == 0) return $"{m.Name}: {m.Description}\nIt takes no --option settings.";
                var options = new TextTable("--option", "value", "default", "sets");
                foreach (var o in m.Options) options.Add(o.Name, o.Type, o.Default, o.Help);
                return $"{m.Name}: {m.Description}\n{options}";
            }));
        var table = new TextTable("model", "description");
        foreach (var m in list.Models) table.Add(m.Name, m.Description);
        return table.ToString().TrimEnd() + "\nsynth models NAME lists a model's --option settings.\n";
    }

    public static string Compare(TableComparison comparison)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Real rows: {comparison.RealRows:N0}; synthetic rows: {comparison.SyntheticRows:N0}\n");
        if (comparison.Numeric.Count > 0)
        {
            var table = new TextTable("column", "kind", "mean real", "mean synth", "std real", "std synth", "similarity %", "KS D", "KS p",
                "KS pass", "median abs err", "std ratio");
            foreach (var c in comparison.Numeric)
            {
                bool dates = c.Kind == ColumnKind.Datetime;
                table.Add(c.Column, Kind(c.Kind),
                    dates ? Date(c.Real.Mean) : Number(c.Real.Mean), dates ? Date(c.Synthetic.Mean) : Number(c.Synthetic.Mean),
                    dates ? Days(c.Real.Std) : Number(c.Real.Std), dates ? Days(c.Synthetic.Std) : Number(c.Synthetic.Std),
                    c.SimilarityPercent is double s ? s.ToString("0.0", Invariant) + "%" : "n/a",
                    c.Ks is null ? "n/a" : c.Ks.Statistic.ToString("0.000", Invariant),
                    c.Ks is null ? "n/a" : PValue(c.Ks.PValue),
                    c.KsPasses switch { true => "pass", false => "fail", null => "n/a" },
                    dates ? Days(c.MedianAbsoluteError) : Number(c.MedianAbsoluteError),
                    c.StdRatio is double ratio ? ratio.ToString("0.000", Invariant) : "n/a");
            }
            text.Append("\nNumeric columns (similarity % = 100 x (1 - |mean real - mean synth| / |mean real|); KS = two-sample Kolmogorov-Smirnov, pass at p > 0.05; std ratio = std synth / std real)\n")
                .Append(table).Append('\n');
            if (comparison.KsPassShare is double passShare)
                text.Append(Invariant, $"KS pass: {comparison.Numeric.Count(c => c.KsPasses == true)} of {comparison.Numeric.Count(c => c.KsPasses is not null)} numeric columns ({100 * passShare:0}%); mean absolute percentage error of the means: ")
                    .Append(comparison.Numeric.Select(c => c.MeanAbsolutePercentError).OfType<double>().ToArray() is { Length: > 0 } errors ? errors.Average().ToString("0.0", Invariant) + "%" : "n/a")
                    .Append('\n');
        }
        if (comparison.Categorical.Count > 0)
        {
            var table = new TextTable("column", "category", "real %", "synth %");
            foreach (var c in comparison.Categorical)
            {
                foreach (var f in c.Frequencies.Take(MaxCategoriesShown))
                    table.Add(c.Column, f.Category ?? "(missing)", Percent(f.Real), Percent(f.Synthetic));
                if (c.Frequencies.Count > MaxCategoriesShown)
                    table.Add(c.Column, $"({c.Frequencies.Count - MaxCategoriesShown} more)", "", "");
                table.Add(c.Column, "total variation distance", c.TotalVariationDistance.ToString("0.000", Invariant), "");
            }
            text.Append("\nCategorical columns (share of rows)\n").Append(table).Append('\n');
        }
        var correlation = comparison.Correlation;
        if (correlation.Columns.Count > MaxMatrixColumns)
        {
            text.Append(Invariant, $"\nPearson correlations of the {correlation.Columns.Count:N0} numeric columns: not printed beyond {MaxMatrixColumns} columns (--json has them).\n")
                .Append(Invariant, $"Frobenius norm of the difference: {correlation.FrobeniusNorm:0.000}\n");
            if (correlation.Rmse is double rmse) text.Append(Invariant, $"Element-wise RMSE of the correlations: {rmse:0.000}\n");
        }
        else if (correlation.Columns.Count > 1)
        {
            text.Append("\nPearson correlations, real\n").Append(Matrix(correlation.Columns, correlation.Real)).Append('\n')
                .Append("\nPearson correlations, synthetic\n").Append(Matrix(correlation.Columns, correlation.Synthetic)).Append('\n')
                .Append("\nDifference (synthetic - real)\n").Append(Matrix(correlation.Columns, correlation.Difference)).Append('\n')
                .Append(Invariant, $"Frobenius norm of the difference: {correlation.FrobeniusNorm:0.000}\n");
            if (correlation.Rmse is double rmse) text.Append(Invariant, $"Element-wise RMSE of the correlations: {rmse:0.000}\n");
        }
        return text.ToString().TrimEnd('\n');
    }

    public static string Ranking(SynthCore.Evaluation.Scorecards.ModelRanking ranking)
    {
        bool utility = ranking.Target is not null;
        var table = utility
            ? new TextTable("rank", "model", "quality", "detection AUC", "DCR share", "copies", $"utility ({ranking.Target})", "seconds")
            : new TextTable("rank", "model", "quality", "detection AUC", "DCR share", "copies", "seconds");
        foreach (var m in ranking.Models)
        {
            var c = m.Card;
            var cells = new List<string>
            {
                m.Overall.ToString(Invariant), c.Model, c.Quality.Score.ToString("0.000", Invariant), c.Detection.BoostedTrees.Auc.ToString("0.000", Invariant),
                Fixed(c.Privacy.DcrShare), (100 * c.Privacy.ExactCopyRate).ToString("0.0", Invariant) + "%",
            };
            if (utility) cells.Add(Fixed(c.UtilityRatio));
            cells.Add((c.FitSeconds + c.SampleSeconds).ToString("0.0", Invariant));
            table.Add([.. cells]);
        }
        return string.Create(Invariant, $"Models ranked on {ranking.Table} ({ranking.TrainingRows:N0} rows to fit on, {ranking.HoldoutRows:N0} held out; seed {ranking.Seed})\n")
            + table + "\n"
            + "quality: SDMetrics' score (1 best); detection AUC: boosted trees telling synthetic rows from the training rows (0.5 best; below 0.5 is what copies of training rows give); "
            + "DCR share: synthetic rows nearer a training row than any held-out row (0.5 best, 1 = copies)"
            + (utility ? "; utility: boosted trees trained on synthetic rows over trained on real rows, tested on the held-out rows (1 best)" : "")
            + ". Rank: mean of the places on each (time included).";
    }

    public static string Perturbation(PerturbationSummary summary)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Perturbed {summary.Source} ({summary.Rows:N0} rows), seed {summary.Seed}: Gaussian noise of {summary.Scale:0.###} x each numeric column's std")
            .Append(summary.Clip ? ", clipped to the observed range" : ", not clipped")
            .Append(summary.SwapRate > 0 ? string.Create(Invariant, $"; categories redrawn from their marginal with probability {summary.SwapRate:0.###}") : "; categories untouched")
            .Append('\n');
        var table = new TextTable("column", "kind", "method", "mean before", "mean after", "std before", "std after", "noise std", "changed", "clipped");
        static string Number(double value) => double.IsNaN(value) ? "" : Fixed(value);
        foreach (var c in summary.Columns)
            table.Add(c.Column, Kind(c.Kind), c.Method, Number(c.MeanBefore), Number(c.MeanAfter), Number(c.StdBefore), Number(c.StdAfter), Number(c.NoiseStd),
                (100 * c.ChangedShare).ToString("0.0", Invariant) + "%", c.Method == "noise" ? c.ClippedRows.ToString("N0", Invariant) : "");
        return text.Append(table).ToString().TrimEnd('\n');
    }

    public static string Distributions(DistributionFits fits)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Distributions fitted to {fits.Source}, ranked by {(fits.Ranking == SynthCore.Synthesizers.Statistical.FitRanking.Aic ? "AIC (lower is better)" : "KS distance (lower is better)")}; the best {fits.Top} per column\n");
        var table = new TextTable("column", "rank", "family", "parameters", "KS D", "KS p", "AIC");
        foreach (var (column, candidates) in fits.Columns)
            foreach (var (c, i) in candidates.Take(fits.Top).Select((c, i) => (c, i)))
                table.Add(i == 0 ? column : "", (i + 1).ToString(Invariant), c.Family.ToString(), c.Distribution.ToString() ?? "",
                    c.KsStatistic.ToString("0.000", Invariant), PValue(c.KsPValue), c.Aic.ToString("0.0", Invariant));
        return text.Append(table).ToString().TrimEnd('\n');
    }

    private static string Fixed(double? value) => value is double v && double.IsFinite(v) ? v.ToString("0.000", Invariant) : "n/a";

    public static string Evaluate(TableEvaluation evaluation)
    {
        var quality = evaluation.Quality;
        var text = new StringBuilder();
        text.Append(Invariant, $"{evaluation.SyntheticName} ({evaluation.SyntheticRows:N0} rows) against {evaluation.RealName} ({evaluation.RealRows:N0} rows)\n")
            .Append(Invariant, $"Quality score: {Score(quality.Score)} ({quality.Score100:0.0} / 100)\n");
        foreach (var p in quality.Properties) text.Append(Invariant, $"  {p.Property}: {Score(p.Score)}\n");
        text.Append(Invariant, $"Diagnostic score: {Score(evaluation.Diagnostic.Score)}\n");
        foreach (var p in evaluation.Diagnostic.Properties) text.Append(Invariant, $"  {p.Property}: {Score(p.Score)}\n");
        if (evaluation.Detection is { } detection)
        {
            text.Append(Invariant, $"Detection (a classifier telling synthetic rows from real ones; AUC 0.5: it cannot, 1: always; {detection.RowsPerTable:N0} rows of each, {detection.Folds}-fold)\n");
            foreach (var d in detection.Scores)
                text.Append(Invariant, $"  {d.Classifier}: AUC {d.Auc:0.000} (score {d.Score:0.000})")
                    .Append(d.TopColumns.Count == 0 ? "" : "; gives rows away: " + string.Join(", ", d.TopColumns.Select(c => string.Create(Invariant, $"{c.Column} {100 * c.Share:0}%"))))
                    .Append('\n');
        }

        if (evaluation.WorstColumns.Count > 0)
        {
            var table = new TextTable("column", "metric", "score");
            foreach (var c in evaluation.WorstColumns) table.Add(c.Column, c.Metric, Score(c.Score));
            text.Append("\nWorst columns (Column Shapes)\n").Append(table).Append('\n');
        }
        if (evaluation.WorstPairs.Count > 0)
        {
            var table = new TextTable("column 1", "column 2", "metric", "score");
            foreach (var p in evaluation.WorstPairs) table.Add(p.Column1, p.Column2, p.Metric, Score(p.Score));
            text.Append("\nWorst column pairs (Column Pair Trends)\n").Append(table).Append('\n');
        }
        if (quality.ColumnDistributions.Count > 0)
        {
            var table = new TextTable("column", "mean real", "mean synth", "std real", "std synth", "Wasserstein", "KS D", "KS p");
            foreach (var d in quality.ColumnDistributions)
                table.Add(d.Column, Number(d.RealMean), Number(d.SyntheticMean), Number(d.RealStd), Number(d.SyntheticStd),
                    Number(d.Wasserstein), double.IsNaN(d.KsStatistic) ? "n/a" : d.KsStatistic.ToString("0.000", Invariant),
                    double.IsNaN(d.KsPValue) ? "n/a" : PValue(d.KsPValue));
            text.Append("\nNumeric columns (dates in days; KS = two-sample Kolmogorov-Smirnov)\n").Append(table).Append('\n');
        }
        if (quality.CorrelationDifference is double norm)
            text.Append(Invariant, $"\nCorrelation difference (Frobenius norm of real - synthetic Pearson matrices): {norm:0.000}\n");
        if (evaluation.Pca is { } pca)
            text.Append("PCA of the real table, explained variance: ")
                .AppendJoin(", ", pca.ExplainedVarianceRatio.Select((r, k) => string.Create(Invariant, $"PC{k + 1} {100 * r:0.0}%"))).Append('\n');
        if (evaluation.Utility is { } utility)
        {
            var table = new TextTable("model", "metric", "train real", "train synth", "difference");
            foreach (var (model, metric, real, synthetic) in UtilityMetricNames.Rows(utility))
                table.Add(model, metric, Number(real), Number(synthetic), real is double a && synthetic is double b ? (b - a).ToString("+0.0000;-0.0000;0.0000", Invariant) : "n/a");
            text.Append(Invariant, $"\nMachine-learning utility for '{utility.Target}' ({utility.Task.ToString().ToLowerInvariant()}; tested on {utility.RealTestRows:N0} held-out real rows, trained on {utility.RealTrainRows:N0} real or {utility.SyntheticRows:N0} synthetic rows)\n")
                .Append(evaluation.HoldoutRows is null
                    ? "Tested on a split of the real table, which the synthesizer may have been fitted on: give the rows it never saw (--holdout, or run --holdout-fraction) for an honest figure.\n"
                    : "Tested on the holdout, real rows the synthesizer never saw.\n")
                .Append(table).Append('\n');
            if (utility.ScorePercent is double score)
                text.Append(Invariant, $"Utility score (TSTR / TRTR, boosted trees' {utility.ScoreMetric}): {score:0.0}%\n");
        }
        if (evaluation.Privacy is { } privacy)
            text.Append('\n').Append(PrivacyRendering.Report(privacy)).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// One progress line: phase, a bar, step/total, losses, elapsed and estimated remaining time.
    /// </summary>
    public static string ProgressLine(TrainingProgress p, int barWidth = 24)
    {
        int filled = (int)Math.Round(p.Fraction * barWidth);
        var line = new StringBuilder();
        line.Append(p.Phase).Append(" [").Append('#', filled).Append('.', barWidth - filled).Append("] ").Append(ProgressFigures(p));
        return line.ToString();
    }

    /// <summary>A progress report's figures without phase and bar: step/total, losses, elapsed and estimated remaining time.</summary>
    public static string ProgressFigures(TrainingProgress p)
    {
        var line = new StringBuilder();
        line.Append(Invariant, $"{p.Step}/{p.TotalSteps}");
        foreach (var (name, loss) in p.Losses)
            // Counts (leaves, rows written) as whole numbers; losses to four decimals.
            line.Append(Invariant, $"  {name} {(loss == Math.Round(loss) && Math.Abs(loss) >= 1 ? loss.ToString("N0", Invariant) : loss.ToString("0.0000", Invariant))}");
        line.Append("  elapsed ").Append(Clock(p.Elapsed));
        if (p.EstimatedRemaining is TimeSpan eta) line.Append("  ETA ").Append(Clock(eta));
        return line.ToString();
    }

    private static string Matrix(IReadOnlyList<string> names, double?[][] values)
    {
        var table = new TextTable(["", .. names]);
        for (int i = 0; i < names.Count; i++)
            table.Add([names[i], .. values[i].Select(v => v is double x ? x.ToString("+0.000;-0.000;0.000", Invariant) : "n/a")]);
        return table.ToString();
    }

    private static string Score(double score) => double.IsNaN(score) ? "n/a" : score.ToString("0.0000", Invariant);

    private static string Kind(ColumnKind kind) => kind.ToString().ToLowerInvariant();

    private static string Number(double? value) => value switch
    {
        null => "n/a",
        double v when v != 0 && (Math.Abs(v) >= 1e7 || Math.Abs(v) < 1e-3) => v.ToString("0.###e+0", Invariant),
        double v when Math.Abs(v) >= 1000 => v.ToString("0.##", Invariant),
        double v => v.ToString("0.####", Invariant),
    };

    private static string Date(double? ticks) =>
        ticks is double t && t >= DateTime.MinValue.Ticks && t <= DateTime.MaxValue.Ticks
            ? new DateTime((long)t).ToString("yyyy-MM-dd HH:mm", Invariant)
            : "n/a";

    private static string Days(double? ticks) =>
        ticks is double t ? (t / TimeSpan.TicksPerDay).ToString("0.##", Invariant) + " d" : "n/a";

    private static string Percent(double share) => (100 * share).ToString("0.0", Invariant) + "%";

    private static string PValue(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", Invariant);

    private static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", Invariant) : t.ToString(@"mm\:ss", Invariant);
}
