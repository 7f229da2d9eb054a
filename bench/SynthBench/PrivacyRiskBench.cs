using System.Diagnostics;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Privacy;

namespace SynthBench;

/// <summary>
/// Times PrivacyRisk.Evaluate (exact all-pairs nearest neighbours, four searches) on random mixed
/// tables: training, synthetic and holdout all of <c>rows</c> rows, 8 numeric and 3 categorical columns.
/// </summary>
internal static class PrivacyRiskBench
{
    public static int Run(string[] args)
    {
        int rows = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var training = Table(rows, 1);
        var synthetic = Table(rows, 2);
        var holdout = Table(rows, 3);
        var metadata = TableMetadata.Detect(training);
        var clock = Stopwatch.StartNew();
        var report = PrivacyRisk.Evaluate(training, synthetic, holdout, metadata,
            new PrivacyRiskOptions { QuasiIdentifiers = ["c0", "c1"], Sensitive = "c2" });
        Console.WriteLine($"privacy-risk rows={rows} columns={training.Columns.Count} seconds={clock.Elapsed.TotalSeconds:F1} " +
                          $"auc={report.MembershipInferenceAuc:F3} dcr_median={report.SyntheticToTraining.Median:F4} holdout_median={report.HoldoutToTraining!.Median:F4}");
        return 0;
    }

    private static DataFrame Table(int rows, int seed)
    {
        var random = new Random(seed);
        var columns = new List<DataFrameColumn>();
        for (int k = 0; k < 8; k++)
            columns.Add(new DoubleDataFrameColumn($"x{k}", Enumerable.Range(0, rows).Select(_ => (double?)(random.NextDouble() * 100))));
        for (int k = 0; k < 3; k++)
            columns.Add(new StringDataFrameColumn($"c{k}", Enumerable.Range(0, rows).Select(_ => "v" + random.Next(5 + 5 * k))));
        return new DataFrame(columns);
    }
}
