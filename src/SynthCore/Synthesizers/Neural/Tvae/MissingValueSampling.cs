using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>
/// Makes sampled rows missing at the real rate. The layout represents a numeric column's missing
/// values as a two-way one-hot (present / missing) and a categorical column's as its last
/// category; decoding by argmax almost never picks a code the decoder gives a probability of a
/// few percent, so a few-percent missing rate came out as 0%. Instead each sampled row is missing
/// with probability sigmoid(d(z) + b): d(z) is the decoder's log-odds of "missing" for the row's
/// latent code (so rows the decoder associates with missing values, e.g. all measurements of one
/// penguin, stay missing together) and b a per-column offset chosen once, by bisection on
/// <see cref="CalibrationCodes"/> codes drawn from the prior sampling uses, so that the expected
/// missing rate over the prior equals the training rate.
/// </summary>
internal sealed class MissingValueSampling
{
    /// <summary>Prior draws the offsets are calibrated on: the calibration's own sampling error is then a few percent of the rate.</summary>
    internal const int CalibrationCodes = 16_384;

    /// <summary>One column with missing values: where its codes are in the layout row, which one means missing, and the training rate.</summary>
    /// <param name="Column">The table column.</param>
    /// <param name="Start">The one-hot span's start in the layout row.</param>
    /// <param name="Width">The span's width.</param>
    /// <param name="Code">The missing code's index within the span.</param>
    /// <param name="Rate">Share of training rows with the missing code.</param>
    public sealed record Target(string Column, int Start, int Width, int Code, double Rate);

    private readonly double[] offsets;

    private MissingValueSampling(IReadOnlyList<Target> targets, double[] offsets)
    {
        Targets = targets;
        this.offsets = offsets;
    }

    public IReadOnlyList<Target> Targets { get; }

    /// <summary>The calibrated log-odds offsets, one per target.</summary>
    public IReadOnlyList<double> Offsets => offsets;

    /// <summary>The columns of <paramref name="layout"/> that can be missing, with their rates in <paramref name="encoded"/> (layout rows).</summary>
    public static IReadOnlyList<Target> Measure(ModeSpecificNormalizer layout, float[] encoded, int rows)
    {
        var targets = new List<Target>();
        foreach (var (segment, code) in MissingCodes(layout))
        {
            int at = segment.Start + code, count = 0;
            for (int r = 0; r < rows; r++)
                if (encoded[(long)r * layout.Width + at] > 0.5f) count++;
            targets.Add(new Target(segment.Column, segment.Start, segment.Width, code, (double)count / rows));
        }
        return targets;
    }

    /// <summary>
    /// Rates for a model saved before they were stored: the header metadata's missing fraction of
    /// each column, which is the training table's when the metadata was detected from it.
    /// </summary>
    public static IReadOnlyList<Target> FromMetadata(ModeSpecificNormalizer layout, TableMetadata metadata) =>
        MissingCodes(layout).Select(m => new Target(m.Segment.Column, m.Segment.Start, m.Segment.Width, m.Code, metadata[m.Segment.Column].MissingFraction)).ToArray();

    /// <summary>Missing indicators (code 1) and categorical segments whose last code reverses to a missing value.</summary>
    private static IEnumerable<(ModeSpecificNormalizer.Segment Segment, int Code)> MissingCodes(ModeSpecificNormalizer layout)
    {
        foreach (var s in layout.Segments)
        {
            if (s.Kind == ModeSpecificNormalizer.SegmentKind.Missing) yield return (s, 1);
            else if (s.Kind == ModeSpecificNormalizer.SegmentKind.Category && LastCodeIsMissing(layout.Base, s)) yield return (s, s.Width - 1);
        }
    }

    /// <summary>Reverses a base row with only the segment's last code set: a category transform with a missing category reverses it to null.</summary>
    private static bool LastCodeIsMissing(TableTransform transform, ModeSpecificNormalizer.Segment segment)
    {
        var row = new float[transform.Width];
        row[segment.BaseStart + segment.BaseWidth - 1] = 1;
        var column = transform.Reverse(row, 1)[segment.Column];
        return column[0] is null;
    }

    public JsonArray ToJson() => new(Targets.Select(t => (JsonNode?)new JsonObject { ["column"] = t.Column, ["start"] = t.Start, ["rate"] = t.Rate }).ToArray());

    /// <summary>The saved rates, checked against the columns <paramref name="layout"/> says can be missing.</summary>
    public static IReadOnlyList<Target> FromJson(JsonArray json, ModeSpecificNormalizer layout)
    {
        var expected = MissingCodes(layout).ToArray();
        if (json.Count != expected.Length) throw new SynthException($"The model file has {json.Count} missing rates for {expected.Length} columns with missing values.");
        return expected.Zip(json, (m, node) =>
        {
            var o = node as JsonObject ?? throw new SynthException("The model file has an invalid missing rate.");
            double rate = JsonFields.Get<double>(o, "rate");
            if (JsonFields.Get<string>(o, "column") != m.Segment.Column || JsonFields.Get<int>(o, "start") != m.Segment.Start || !(rate >= 0 && rate <= 1))
                throw new SynthException($"The model file's missing rate of column '{m.Segment.Column}' is inconsistent.");
            return new Target(m.Segment.Column, m.Segment.Start, m.Segment.Width, m.Code, rate);
        }).ToArray();
    }

    /// <summary>
    /// Calibrates the offsets for <paramref name="decode"/> (latent codes → raw decoder outputs, on
    /// the CPU) on prior codes from a generator seeded by <paramref name="seed"/>: the same decoder
    /// and seed give the same offsets, so a saved and reloaded model samples the same rows.
    /// </summary>
    public static MissingValueSampling Calibrate(IReadOnlyList<Target> targets, int latent, int seed, Func<Tensor, Tensor> decode)
    {
        var offsets = new double[targets.Count];
        if (targets.Count == 0) return new MissingValueSampling(targets, offsets);
        var logOdds = targets.Select(_ => new double[CalibrationCodes]).ToArray();
        using (var random = new RandomStreams(seed).Torch("missing-value calibration"))
        using (torch.no_grad())
            for (int start = 0; start < CalibrationCodes; start += 4096)
            {
                using var scope = torch.NewDisposeScope();
                int count = Math.Min(4096, CalibrationCodes - start);
                var raw = decode(torch.randn([count, latent], generator: random)).contiguous().data<float>().ToArray();
                int width = raw.Length / count;
                for (int t = 0; t < targets.Count; t++)
                    for (int r = 0; r < count; r++)
                        logOdds[t][start + r] = LogOdds(raw.AsSpan(r * width + targets[t].Start, targets[t].Width), targets[t].Code);
            }
        for (int t = 0; t < targets.Count; t++) offsets[t] = Offset(logOdds[t], targets[t].Rate);
        return new MissingValueSampling(targets, offsets);
    }

    /// <summary>A sampler with known offsets (tests).</summary>
    internal static MissingValueSampling WithOffsets(IReadOnlyList<Target> targets, double[] offsets) => new(targets, offsets);

    /// <summary>log p(missing) − log p(not missing) under the span's softmax, bounded so a saturated decoder stays finite.</summary>
    internal static double LogOdds(ReadOnlySpan<float> logits, int code)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < logits.Length; k++) if (k != code) max = Math.Max(max, logits[k]);
        double others = 0;
        for (int k = 0; k < logits.Length; k++) if (k != code) others += Math.Exp(logits[k] - max);
        return Math.Clamp(logits[code] - (max + Math.Log(others)), -60, 60);
    }

    /// <summary>b with mean(sigmoid(d_i + b)) = rate: the mean rises monotonically with b, so bisection finds it.</summary>
    internal static double Offset(double[] logOdds, double rate)
    {
        if (rate <= 0) return double.NegativeInfinity;
        if (rate >= 1) return double.PositiveInfinity;
        double low = -150, high = 150;
        for (int i = 0; i < 100; i++)
        {
            double mid = (low + high) / 2, mean = 0;
            foreach (double d in logOdds) mean += Sigmoid(d + mid);
            if (mean / logOdds.Length < rate) low = mid; else high = mid;
        }
        return (low + high) / 2;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>
    /// Decides each row's missing values: <paramref name="raw"/> holds the decoder's outputs before
    /// activation, <paramref name="activated"/> what the layout decodes by argmax; each target's
    /// missing code in <paramref name="activated"/> is set above (missing) or below (present) every
    /// other code of its span, so the argmax gives the draw and, when present, the best other code.
    /// </summary>
    public void Apply(ReadOnlySpan<float> raw, Span<float> activated, int rows, int width, torch.Generator random)
    {
        if (Targets.Count == 0) return;
        using var drawn = torch.rand([rows, Targets.Count], generator: random);
        var uniform = drawn.data<float>().ToArray();
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < Targets.Count; t++)
            {
                var target = Targets[t];
                double p = Sigmoid(LogOdds(raw.Slice(r * width + target.Start, target.Width), target.Code) + offsets[t]);
                activated[r * width + target.Start + target.Code] = uniform[r * Targets.Count + t] < p ? float.MaxValue : float.MinValue;
            }
    }
}
