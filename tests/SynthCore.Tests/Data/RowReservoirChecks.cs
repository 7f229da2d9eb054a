using SynthCore.Data;
using SynthCore.Tests.Sweeps;

namespace SynthCore.Tests.Data;

/// <summary>
/// Whether the --fit-rows reservoir is uniform: 400 samples of 50 of 500 rows from streams of one seed; each row should
/// be kept 40 times on average. Measured: the chi-square of the rows' keep counts per degree of freedom (about 1 when
/// uniform; the sample size is fixed, so slightly under), and the share of kept rows among the last tenth of the rows
/// (0.1 when late rows are kept as often as early ones). Tolerances from the sweep over seeds 1–20 (ranges in the comments).
/// </summary>
public static class RowReservoirChecks
{
    public const int Rows = 500, Keep = 50, Samples = 400;

    public static IReadOnlyList<StatisticalCheck> Measure(int seed)
    {
        var counts = new int[Rows];
        var streams = new RandomStreams(seed);
        for (int s = 0; s < Samples; s++)
        {
            var reservoir = new RowReservoir(Keep, streams.Child("sample").Child(s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            for (long r = 0; r < Rows; r++) reservoir.Offer();
            foreach (long r in reservoir.Kept()) counts[r]++;
        }
        double expected = (double)Samples * Keep / Rows;
        double chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected) / (Rows - 1);
        double lateShare = counts[(Rows * 9 / 10)..].Sum() / (double)(Samples * Keep);
        return
        [
            // seeds 1–20: 0.825 … 0.993
            new StatisticalCheck("keep counts chi-square per degree of freedom", chiSquare, 0.75, 1.15),
            // seeds 1–20: 0.097 … 0.103
            new StatisticalCheck("share of kept rows in the last tenth", lateShare, 0.09, 0.11),
        ];
    }
}
