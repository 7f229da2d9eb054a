using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>One fitted (S)ARIMA model per feature, and the real stretches differenced models start from.</summary>
public sealed class FittedArima : FittedSeriesModel<ArimaOptions>, IFitSummary
{
    private const string PayloadTag = "arima-payload/1";

    /// <summary>Where a simulation continuing an anchor starts: the position in the differenced series and the filter's predicted state there (σ² = 1).</summary>
    internal sealed record AnchorState(int Position, double[] Mean);

    /// <summary>Positions beyond this are refused in a model file (the covariance pass walks to each).</summary>
    private const int MaxPosition = 1 << 24;

    internal FittedArima(string modelName, ArimaOptions options, string[] featureNames, ArimaModel[] models, double[][][] anchors, int windows, double[] min, double[] max,
        AnchorState?[][]? states = null)
        : base(options, featureNames, windows)
    {
        States = states;
        Factors = Factor(models, states);
        Min = min;
        Max = max;
        ModelName = modelName;
        Models = models;
        Anchors = anchors;
        Windows = windows;
    }

    public override string ModelName { get; }

    /// <summary>The model of each feature, in <see cref="FeatureNames"/> order.</summary>
    public IReadOnlyList<ArimaModel> Models { get; }

    /// <summary>Each feature's fitted order and AIC (chosen by the search or given with order=), as <c>forecast</c> shows them.</summary>
    public IReadOnlyList<string> FitSummary =>
        Models.Select((m, f) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{FeatureNames[f]}: {m.Order}, AIC {m.Aic:0.##}")).ToArray();

    /// <summary>Stretches of real values ([anchor][step][feature]) integrated from when a model is differenced.</summary>
    internal double[][][] Anchors { get; }

    private int Windows { get; }

    /// <summary>[anchor][feature]: the filtered state a differenced feature continues from (null in models saved before states, and for stationary features).</summary>
    private AnchorState?[][]? States { get; }

    /// <summary>[feature]: the factor L of the state covariance at each position of <see cref="States"/>.</summary>
    private Dictionary<int, double[,]>?[] Factors { get; }

    private static Dictionary<int, double[,]>?[] Factor(ArimaModel[] models, AnchorState?[][]? states)
    {
        var factors = new Dictionary<int, double[,]>?[models.Length];
        if (states is null) return factors;
        for (int f = 0; f < models.Length; f++)
        {
            var positions = states.Select(a => a[f]).OfType<AnchorState>().Select(s => s.Position).Distinct().Order().ToArray();
            if (positions.Length == 0) continue;
            var covariances = ArimaLikelihood.PredictedCovariances(models[f].ArPolynomial, models[f].MaPolynomial, positions);
            if (covariances is null) continue;
            factors[f] = positions.Zip(covariances).ToDictionary(p => p.First, p => ArmaKalmanFilter.Factor(p.Second));
        }
        return factors;
    }

    /// <summary>Each feature's observed range (samples are clipped to it as <see cref="ArimaOptions.Clip"/> says).</summary>
    private double[] Min { get; }
    private double[] Max { get; }

    private protected override double[][][] SampleSequences(int count, Random random)
    {
        int length = SequenceLength;
        var result = new double[count][][];
        for (int s = 0; s < count; s++)
        {
            int pick = Anchors.Length > 0 ? random.Next(Anchors.Length) : -1;
            var anchor = pick >= 0 ? Anchors[pick] : null;
            var columns = new double[Models.Count][];
            for (int f = 0; f < Models.Count; f++)
            {
                var tail = anchor?.Select(step => step[f]).ToArray();
                columns[f] = pick >= 0 && States?[pick][f] is { } state && Factors[f] is { } factors
                    ? Models[f].Continue(length, random, tail, state.Mean, factors[state.Position])
                    : Models[f].Simulate(length, random, tail);
                if (Options.Clips(Models[f]))
                    for (int t = 0; t < length; t++) columns[f][t] = Math.Clamp(columns[f][t], Min[f], Max[f]);
            }
            result[s] = Enumerable.Range(0, length).Select(t => columns.Select(c => c[t]).ToArray()).ToArray();
        }
        return result;
    }

    /// <summary>The payload; <c>States</c> is absent in files written before simulations continued the filtered state (they simulate from a burn-in).</summary>
    private sealed record Payload(string Tag, string[] Features, ArimaModel[] Models, double[][][] Anchors, int Windows, double[] Min, double[] Max,
        AnchorState?[][]? States = null);

    public override void Save(Stream stream)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(PayloadTag, FeatureNames.ToArray(), Models.ToArray(), Anchors, Windows, Min, Max, States), ModelFile.JsonOptions);
        ModelFile.Write(stream, ModelName, Metadata, Options, payload);
    }

    /// <summary>Restores a model file written by <see cref="Save"/> (the registry's load entry for <c>arima</c> and <c>ar1</c>).</summary>
    public static FittedArima Load(ModelFileContent content)
    {
        try
        {
            var options = ModelFile.OptionsFromJson<ArimaOptions>(content.Header.Options);
            options.Validate();
            var payload = JsonSerializer.Deserialize<Payload>(content.Payload, ModelFile.JsonOptions)
                ?? throw new SynthException("The ARIMA model file has no payload.");
            if (payload.Tag != PayloadTag) throw new SynthException("The model file's payload is not an ARIMA payload of a layout this version reads.");
            if (payload.Models.Length != payload.Features.Length || payload.Min.Length != payload.Features.Length || payload.Max.Length != payload.Features.Length)
                throw new SynthException("The ARIMA model file is inconsistent: one model per feature expected.");
            if (payload.States is { } states && (states.Length != payload.Anchors.Length || states.Any(a => a is null || a.Length != payload.Features.Length
                || a.Select((s, f) => s is null || (s.Position is >= 0 and <= MaxPosition && s.Mean is not null && s.Mean.All(double.IsFinite)
                    && s.Mean.Length == ArmaKalmanFilter.Form(payload.Models[f].ArPolynomial, payload.Models[f].MaPolynomial).R.Length)).Any(ok => !ok))))
                throw new SynthException("The ARIMA model file is inconsistent: one finite state of its model's size per anchor and differenced feature expected.");
            var model = new FittedArima(content.Header.Model, options, payload.Features, payload.Models, payload.Anchors, payload.Windows, payload.Min, payload.Max, payload.States);
            content.Header.Metadata.EnsureSameSchema(model.Metadata, "The ARIMA model file is inconsistent (header and payload)");
            return model;
        }
        catch (JsonException e)
        {
            throw new SynthException($"The ARIMA model file is damaged: {e.Message}", e);
        }
    }
}
