using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Detection;
using SynthCore.Evaluation.Reports;
using SynthCore.Evaluation.Utility;
using SynthCore.Evaluation.Privacy;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthBench;

/// <summary>
/// Both sides of a synthesizer on one table: the table is split (seeded) into a training half and an unseen
/// half; each model is fitted on the training half and samples as many rows. Fidelity: SDMetrics' quality score
/// and detection (logistic and boosted-trees AUC of synthetic against the training half; the unseen half against
/// the training half is the baseline, ≈ 0.5). Privacy: exact copies, share of rows nearer a training row than the
/// unseen rows' 5th percentile, DCR share (rows nearer a training row than any unseen row; 0.5 ideal), membership-inference
/// AUC (unseen rows as non-members). Utility: the target
/// predicted by boosted trees trained on synthetic rows and on the real training half, both tested on the unseen half.
/// Wall times of fit and sample.
/// </summary>
internal static class FidelityBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        string data = a.Text("data", "data/penguins.csv");
        string[] models = a.Text("models", "copula,cart,bootstrap").Split(',');
        string? target = a.Text("target", "") is { Length: > 0 } t ? t : null;
        int seed = a.Int("seed", 42);
        int epochs = a.Int("epochs", 0);
        int detectionRows = a.Int("detection-rows", 5000);

        var table = CsvTable.Read(data);
        var metadata = TableMetadata.Detect(table);
        var (training, unseen) = Halves(table, seed);
        Console.WriteLine($"{data}: {table.Rows.Count:N0} rows; training half {training.Rows.Count:N0}, unseen half {unseen.Rows.Count:N0}; seed {seed}; processors {Environment.ProcessorCount}");
        Console.WriteLine("model                          fit_s   sample_s  quality  logistic_auc  trees_auc  top_columns(trees)                      copies  closer_p5  dcr_share  mia_auc  " + (target is null ? "" : "tstr_auc  trtr_auc"));

        var detection = new DetectionOptions { Seed = seed, MaxRowsPerTable = detectionRows };
        Report("(unseen half)", 0, 0, training, unseen, unseen, metadata, detection, target, seed);
        foreach (string spec in models)
        {
            // A model with options: "cart|min-leaf=20|smoothing=none", as --option would give them.
            var parts = spec.Split('|');
            string model = parts[0];
            var extra = parts.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1].Replace('/', ',') : "");
            var settings = new SynthesizerSettings { Seed = seed, Epochs = epochs > 0 ? epochs : null, Extra = extra };
            var clock = Stopwatch.StartNew();
            var fitted = SynthesizerRegistry.Default.Create(model, settings).Fit(training, metadata);
            double fit = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var synthetic = fitted.Sample((int)training.Rows.Count, seed: seed + 1);
            double sample = clock.Elapsed.TotalSeconds;
            Report(spec, fit, sample, training, synthetic, unseen, metadata, detection, target, seed);
        }
        return 0;
    }

    private static void Report(string name, double fit, double sample, DataFrame training, DataFrame synthetic, DataFrame unseen,
        TableMetadata metadata, DetectionOptions detectionOptions, string? target, int seed)
    {
        double quality = QualityReport.Generate(training, synthetic, metadata).Score;
        var detection = Detection.Run(training, synthetic, metadata, detectionOptions);
        var privacy = PrivacyRisk.Evaluate(training, synthetic, ReferenceEquals(synthetic, unseen) ? null : unseen, metadata);
        string top = string.Join(", ", detection.BoostedTrees.TopColumns.Take(3).Select(c => $"{c.Column} {c.Share:0.00}"));
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{name,-30} {fit,-7:F1} {sample,-9:F2} {quality,-8:F3} {detection.Logistic.Auc,-13:F3} {detection.BoostedTrees.Auc,-10:F3} {Truncate(top, 38),-39} "
            + $"{100 * privacy.ExactCopyRate,5:F2}%  {Percent(privacy.ShareCloserThanHoldout5th),-9} {Number(privacy.DcrShare),-10} {Number(privacy.MembershipInferenceAuc),-8} ");
        // Utility as the issue defines it: trained on the synthetic rows and on the real training half, both tested
        // on the unseen half (which the synthesizer never saw). Not for the baseline row, whose "synthetic" rows are the test rows.
        if (target is not null && !ReferenceEquals(synthetic, unseen))
        {
            var utility = UtilityReport.EvaluateOnHoldout(training, unseen, synthetic, metadata, new UtilityOptions(target) { Seed = seed });
            var trees = utility.Results.First(r => r.Model == UtilityModels.GradientBoostedTrees);
            line += string.Create(CultureInfo.InvariantCulture, $"{Number(trees.TrainSyntheticTestReal.RocAuc),-9} {Number(trees.TrainRealTestReal.RocAuc),-9}");
        }
        Console.WriteLine(line);
    }

    private static string Percent(double? share) => share is double s ? string.Create(CultureInfo.InvariantCulture, $"{100 * s:F1}%") : "-";

    private static string Number(double? value) => value is double v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static (DataFrame Training, DataFrame Unseen) Halves(DataFrame table, int seed)
    {
        var order = Enumerable.Range(0, (int)table.Rows.Count).ToArray();
        new Random(seed).Shuffle(order);
        DataFrame Rows(IEnumerable<int> rows) => table[new Int32DataFrameColumn("rows", rows.Order().Select(i => (int?)i))];
        return (Rows(order.Take(order.Length / 2)), Rows(order.Skip(order.Length / 2)));
    }
}
