namespace SynthCore.Transforms;

/// <summary>
/// CTGAN's data representation (Xu et al. 2019) on top of a min-max / one-hot
/// <see cref="TableTransform"/>: each numeric value becomes mode-specific normalisation — a
/// scalar α = (x − μ_k) / (4 σ_k) in [−0.99, 0.99] (tanh output) and a one-hot mode k (softmax
/// output) from a variational Gaussian mixture of that column — categories stay one-hot, and a
/// numeric column's missing indicator becomes a two-way one-hot (present / missing), so the
/// generator learns the missing rate as a category. Decoding maps back to the base transform's
/// layout, whose Reverse gives the table.
/// </summary>
public sealed class ModeSpecificNormalizer
{
    /// <summary>How one base output span is represented.</summary>
    /// <param name="Column">The table column.</param>
    /// <param name="BaseStart">Start in the base transform's row.</param>
    /// <param name="BaseWidth">Width in the base row.</param>
    /// <param name="Start">Start in the CTGAN row.</param>
    /// <param name="Width">Width in the CTGAN row.</param>
    /// <param name="Kind">Mode-normalised value, category, or missing indicator.</param>
    /// <param name="Means">Mode means (base units), valid modes only; null unless a value.</param>
    /// <param name="Deviations">Mode standard deviations, valid modes only; null unless a value.</param>
    /// <param name="Weights">Mode weights, valid modes only; null unless a value.</param>
    /// <param name="Support">A value column's few observed values (base units, ascending) that decoding snaps to; null when it has many.</param>
    public sealed record Segment(string Column, int BaseStart, int BaseWidth, int Start, int Width, SegmentKind Kind, double[]? Means = null, double[]? Deviations = null, double[]? Weights = null, double[]? Support = null)
    {
        /// <summary>Number of valid modes of a value segment.</summary>
        public int Modes => Means?.Length ?? 0;
    }

    /// <summary>What a segment holds.</summary>
    public enum SegmentKind
    {
        /// <summary>A numeric value: tanh scalar then one-hot mode.</summary>
        Value,
        /// <summary>A categorical column's one-hot (part of the conditional vector).</summary>
        Category,
        /// <summary>A numeric column's missing indicator as a two-way one-hot.</summary>
        Missing,
    }

    private ModeSpecificNormalizer(TableTransform baseTransform, IReadOnlyList<Segment> segments)
    {
        Base = baseTransform;
        Segments = segments;
        Width = segments.Count == 0 ? 0 : segments[^1].Start + segments[^1].Width;
        var spans = new List<OutputSpan>();
        foreach (var s in segments)
        {
            if (s.Kind == SegmentKind.Value)
            {
                spans.Add(new OutputSpan(s.Column, s.Start, 1, OutputActivation.Tanh));
                spans.Add(new OutputSpan(s.Column, s.Start + 1, s.Modes, OutputActivation.Softmax));
            }
            else
                spans.Add(new OutputSpan(s.Column, s.Start, s.Width, OutputActivation.Softmax) { IsMissingIndicator = s.Kind == SegmentKind.Missing });
        }
        Spans = spans;
    }

    /// <summary>The base transform (min-max numbers with missing indicators, one-hot categories).</summary>
    public TableTransform Base { get; }

    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>Features per CTGAN row.</summary>
    public int Width { get; }

    /// <summary>Output spans with activations: tanh for mode scalars, softmax (Gumbel) for modes, categories and missing indicators.</summary>
    public IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>The categorical segments, in order.</summary>
    public IEnumerable<Segment> Categories => Segments.Where(s => s.Kind == SegmentKind.Category);

    /// <summary>
    /// The discrete segments — categories and missing indicators — in order: the columns of the
    /// conditional vector. Missing indicators are included so training-by-sampling shows the
    /// generator the rare missing rows often enough to learn them, and the conditional loss ties
    /// the indicator output to its condition.
    /// </summary>
    public IEnumerable<Segment> Discrete => Segments.Where(s => s.Kind is SegmentKind.Category or SegmentKind.Missing);

    /// <summary>How many <see cref="Discrete"/> segments <see cref="Fit"/> makes of <paramref name="baseTransform"/>: its one-hot categories and missing indicators.</summary>
    public static int DiscreteColumns(TableTransform baseTransform) =>
        baseTransform.Spans.Count(s => s.Width > 0 && (s.IsMissingIndicator || s.Activation == OutputActivation.Softmax));

    /// <summary>
    /// Fits a variational Gaussian mixture to every numeric value span of <paramref name="baseRows"/>
    /// (in parallel; each column has its own generator seeded from <paramref name="seed"/>), keeping
    /// the modes whose weight exceeds <paramref name="weightThreshold"/>.
    /// </summary>
    public static ModeSpecificNormalizer Fit(TableTransform baseTransform, float[] baseRows, int rows, int maxModes, double weightThreshold, int seed)
    {
        var spans = baseTransform.Spans.Where(s => s.Width > 0).OrderBy(s => s.Start).ToArray();
        var mixtures = new (double[] Means, double[] Deviations, double[] Weights, double[]? Support)?[spans.Length];
        var modes = new RandomStreams(seed).Child("mode fit");
        Parallel.For(0, spans.Length, i =>
        {
            var span = spans[i];
            if (span.Activation != OutputActivation.Sigmoid || span.IsMissingIndicator) return;
            mixtures[i] = FitModes(baseTransform, span, baseRows, rows, maxModes, weightThreshold, modes.Stream("span", i));
        });

        var segments = new List<Segment>();
        int at = 0;
        for (int i = 0; i < spans.Length; i++)
        {
            var span = spans[i];
            Segment segment;
            if (mixtures[i] is { } m)
                segment = new Segment(span.Column, span.Start, 1, at, 1 + m.Means.Length, SegmentKind.Value, m.Means, m.Deviations, m.Weights, m.Support);
            else if (span.IsMissingIndicator)
                segment = new Segment(span.Column, span.Start, 1, at, 2, SegmentKind.Missing);
            else if (span.Activation == OutputActivation.Softmax)
                segment = new Segment(span.Column, span.Start, span.Width, at, span.Width, SegmentKind.Category);
            else
                throw new SynthColumnException(span.Column, $"has a {span.Activation} output, which CTGAN's representation does not handle.");
            segments.Add(segment);
            at += segment.Width;
        }
        return new ModeSpecificNormalizer(baseTransform, segments);
    }

    /// <summary>
    /// A numeric column takes few values when they number at most this share of its present rows (and
    /// <see cref="MaxSupport"/>): Adult's hours per week, ages, capital gains and losses. Such a column is
    /// snapped to its observed values on decoding, since a classifier told CTGAN's rows from real ones
    /// above all by the in-between values (a capital loss of 1,650 where real losses sit on 1,602 or 1,672).
    /// </summary>
    internal const double SupportShare = 0.05;

    /// <summary>The most observed values a column may have to be snapped to them.</summary>
    internal const int MaxSupport = 1000;

    /// <summary>The valid modes of one numeric column (its present values only).</summary>
    private static (double[] Means, double[] Deviations, double[] Weights, double[]? Support) FitModes(TableTransform baseTransform, OutputSpan span, float[] baseRows, int rows, int maxModes, double weightThreshold, Random random)
    {
        int width = baseTransform.Width;
        var indicator = baseTransform.Spans.FirstOrDefault(s => s.Column == span.Column && s.IsMissingIndicator);
        var values = new List<double>(rows);
        for (int r = 0; r < rows; r++)
            if (indicator is null || baseRows[r * width + indicator.Start] < 0.5f)
                values.Add(baseRows[r * width + span.Start]);
        if (values.Count < 2 || values.Distinct().Count() == 1)
            return ([values.Count == 0 ? 0 : values[0]], [1e-3], [1], null);

        var mixture = new VariationalGaussianMixture(maxModes).Fit(values.ToArray(), random);
        var keep = Enumerable.Range(0, mixture.Weights.Length).Where(k => mixture.Weights[k] > weightThreshold).ToArray();
        if (keep.Length == 0) keep = [Array.IndexOf(mixture.Weights, mixture.Weights.Max())];
        var distinct = values.Distinct().Order().ToArray();
        double[]? support = distinct.Length <= Math.Min(MaxSupport, SupportShare * values.Count) ? distinct : null;
        return (keep.Select(k => mixture.Means[k]).ToArray(), keep.Select(k => mixture.StandardDeviations[k]).ToArray(), keep.Select(k => mixture.Weights[k]).ToArray(), support);
    }

    /// <summary>The observed value nearest <paramref name="x"/> (ties to the lower one).</summary>
    private static double Nearest(double[] support, double x)
    {
        int i = Array.BinarySearch(support, x);
        if (i >= 0) return support[i];
        i = ~i;
        if (i == 0) return support[0];
        if (i == support.Length) return support[^1];
        return x - support[i - 1] <= support[i] - x ? support[i - 1] : support[i];
    }

    /// <summary>
    /// Base rows → CTGAN rows. Each value's mode is drawn from the mixture's posterior over the
    /// valid modes (as CTGAN's normaliser does), from a generator seeded by <paramref name="seed"/>.
    /// </summary>
    public float[] Encode(float[] baseRows, int rows, int seed)
    {
        int baseWidth = Base.Width;
        var result = new float[(long)rows * Width];
        var streams = new RandomStreams(seed).Child("mode draws");
        Parallel.For(0, Segments.Count, i =>
        {
            var s = Segments[i];
            var random = streams.Stream("segment", i);
            var probabilities = new double[s.Modes];
            for (int r = 0; r < rows; r++)
            {
                int from = r * baseWidth + s.BaseStart, to = r * Width + s.Start;
                switch (s.Kind)
                {
                    case SegmentKind.Category:
                        Array.Copy(baseRows, from, result, to, s.Width);
                        break;
                    case SegmentKind.Missing:
                        result[to + (baseRows[from] > 0.5f ? 1 : 0)] = 1;
                        break;
                    default:
                        double x = baseRows[from];
                        ModeProbabilities(s, x, probabilities);
                        int mode = Draw(probabilities, random);
                        result[to] = (float)Math.Clamp((x - s.Means![mode]) / (4 * s.Deviations![mode]), -0.99, 0.99);
                        result[to + 1 + mode] = 1;
                        break;
                }
            }
        });
        return result;
    }

    /// <summary>Posterior probability of each valid mode for x: weight × normal density, normalised over the valid modes.</summary>
    private static void ModeProbabilities(Segment s, double x, double[] probabilities)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < probabilities.Length; k++)
        {
            double z = (x - s.Means![k]) / s.Deviations![k];
            probabilities[k] = Math.Log(s.Weights![k]) - 0.5 * z * z - Math.Log(s.Deviations[k]);
            max = Math.Max(max, probabilities[k]);
        }
        double sum = 0;
        for (int k = 0; k < probabilities.Length; k++) sum += probabilities[k] = Math.Exp(probabilities[k] - max);
        for (int k = 0; k < probabilities.Length; k++) probabilities[k] /= sum;
    }

    private static int Draw(double[] probabilities, Random random)
    {
        double u = random.NextDouble(), running = 0;
        for (int k = 0; k < probabilities.Length - 1; k++)
        {
            running += probabilities[k];
            if (u < running) return k;
        }
        return probabilities.Length - 1;
    }

    /// <summary>CTGAN rows (activated generator outputs) → base rows: argmax of every one-hot, α·4σ_k + μ_k for values (snapped to a few-valued column's observed values).</summary>
    public float[] Decode(ReadOnlySpan<float> ctganRows, int rows)
    {
        int baseWidth = Base.Width;
        if (ctganRows.Length != (long)rows * Width) throw new ArgumentException($"Expected {rows} × {Width} values, got {ctganRows.Length}.");
        var result = new float[(long)rows * baseWidth];
        for (int r = 0; r < rows; r++)
        {
            var row = ctganRows.Slice(r * Width, Width);
            foreach (var s in Segments)
            {
                int to = r * baseWidth + s.BaseStart;
                switch (s.Kind)
                {
                    case SegmentKind.Category:
                        result[to + ArgMax(row.Slice(s.Start, s.Width))] = 1;
                        break;
                    case SegmentKind.Missing:
                        result[to] = ArgMax(row.Slice(s.Start, 2));
                        break;
                    default:
                        int mode = ArgMax(row.Slice(s.Start + 1, s.Modes));
                        double alpha = Math.Clamp(row[s.Start], -1f, 1f);
                        double value = alpha * 4 * s.Deviations![mode] + s.Means![mode];
                        result[to] = (float)(s.Support is { } support ? Nearest(support, value) : value);
                        break;
                }
            }
        }
        return result;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    public JsonObject ToJson() => new()
    {
        ["base"] = Base.ToJson(),
        ["segments"] = new JsonArray(Segments.Select(s => (JsonNode?)new JsonObject
        {
            ["column"] = s.Column,
            ["kind"] = s.Kind.ToString().ToLowerInvariant(),
            ["base_start"] = s.BaseStart,
            ["base_width"] = s.BaseWidth,
            ["start"] = s.Start,
            ["width"] = s.Width,
            ["means"] = s.Means is null ? null : new JsonArray(s.Means.Select(v => (JsonNode?)v).ToArray()),
            ["deviations"] = s.Deviations is null ? null : new JsonArray(s.Deviations.Select(v => (JsonNode?)v).ToArray()),
            ["weights"] = s.Weights is null ? null : new JsonArray(s.Weights.Select(v => (JsonNode?)v).ToArray()),
            ["support"] = s.Support is null ? null : new JsonArray(s.Support.Select(v => (JsonNode?)v).ToArray()),
        }).ToArray()),
    };

    /// <exception cref="SynthException">The JSON is not a CTGAN layout of this version, or disagrees with its base transform.</exception>
    public static ModeSpecificNormalizer FromJson(JsonObject json)
    {
        var baseTransform = TableTransform.FromJson(JsonFields.Node(json, "base").AsObject());
        var segments = JsonFields.Array(json, "segments").Select(node =>
        {
            var o = node as JsonObject ?? throw new SynthException("The CTGAN layout has an invalid segment.");
            var kind = Enum.TryParse<SegmentKind>(JsonFields.Get<string>(o, "kind"), ignoreCase: true, out var k) ? k
                : throw new SynthException($"The CTGAN layout has an unknown segment kind '{JsonFields.Get<string>(o, "kind")}'.");
            double[]? Numbers(string name) => o[name] is JsonArray a ? a.Select(v => v!.GetValue<double>()).ToArray() : null;
            return new Segment(JsonFields.Get<string>(o, "column"), JsonFields.Get<int>(o, "base_start"), JsonFields.Get<int>(o, "base_width"),
                JsonFields.Get<int>(o, "start"), JsonFields.Get<int>(o, "width"), kind, Numbers("means"), Numbers("deviations"), Numbers("weights"), Numbers("support"));
        }).ToArray();
        int at = 0;
        foreach (var s in segments)
        {
            bool consistent = s.Start == at && s.BaseStart + s.BaseWidth <= baseTransform.Width
                && (s.Support is null || s.Kind == SegmentKind.Value && s.Support.Length is > 0 and <= MaxSupport && s.Support.Zip(s.Support.Skip(1)).All(p => p.First < p.Second))
                && (s.Kind != SegmentKind.Value || (s.Means is { Length: > 0 } && s.Deviations?.Length == s.Means.Length && s.Weights?.Length == s.Means.Length && s.Width == 1 + s.Means.Length));
            if (!consistent) throw new SynthException($"The CTGAN layout's segment of column '{s.Column}' is inconsistent.");
            at += s.Width;
        }
        return new ModeSpecificNormalizer(baseTransform, segments);
    }
}
