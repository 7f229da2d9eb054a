using System.Text.Json;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Data.Sequences;
using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>One fitted (S)ARIMA model per feature, and the real stretches differenced models start from.</summary>
public sealed class FittedArima : IFittedSequenceSynthesizer
{
    private const string PayloadTag = "arima-payload/1";

    internal FittedArima(string modelName, ArimaOptions options, string[] featureNames, ArimaModel[] models, double[][][] anchors, int windows, double[] min, double[] max)
    {
        Min = min;
        Max = max;
        ModelName = modelName;
        Options = options;
        FeatureNames = featureNames;
        Models = models;
        Anchors = anchors;
        Windows = windows;
        Metadata = SequenceTable.Metadata(featureNames, windows, options.Data.SequenceLength);
    }

    public string ModelName { get; }

    public ArimaOptions Options { get; }
    public int Seed => Options.Seed;

    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The model of each feature, in <see cref="FeatureNames"/> order.</summary>
    public IReadOnlyList<ArimaModel> Models { get; }

    /// <summary>Stretches of real values ([anchor][step][feature]) integrated from when a model is differenced.</summary>
    internal double[][][] Anchors { get; }

    private int Windows { get; }

    /// <summary>Each feature's observed range (samples are clipped to it as <see cref="ArimaOptions.Clip"/> says).</summary>
    private double[] Min { get; }
    private double[] Max { get; }

    public SequenceDataOptions DataOptions => Options.Data;
    public int SequenceLength => Options.Data.SequenceLength;

    public TableMetadata Metadata { get; }

    public double[][][] SampleSequences(int count, int? seed = null)
    {
        SequenceOptionParser.CheckSampleRequest(count, null, ModelName);
        var random = new RandomStreams(seed ?? Options.Seed).Stream("sample");
        int length = SequenceLength;
        var result = new double[count][][];
        for (int s = 0; s < count; s++)
        {
            var anchor = Anchors.Length > 0 ? Anchors[random.Next(Anchors.Length)] : null;
            var columns = new double[Models.Count][];
            for (int f = 0; f < Models.Count; f++)
            {
                columns[f] = Models[f].Simulate(length, random, anchor?.Select(step => step[f]).ToArray());
                if (Options.Clips(Models[f]))
                    for (int t = 0; t < length; t++) columns[f][t] = Math.Clamp(columns[f][t], Min[f], Max[f]);
            }
            result[s] = Enumerable.Range(0, length).Select(t => columns.Select(c => c[t]).ToArray()).ToArray();
        }
        return result;
    }

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
    {
        SequenceOptionParser.CheckSampleRequest(rows, conditions, ModelName, Metadata);
        return SequenceTable.ToLong(SampleSequences(rows, seed), FeatureNames);
    }

    private sealed record Payload(string Tag, string[] Features, ArimaModel[] Models, double[][][] Anchors, int Windows, double[] Min, double[] Max);

    public void Save(Stream stream)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(PayloadTag, FeatureNames.ToArray(), Models.ToArray(), Anchors, Windows, Min, Max), ModelFile.JsonOptions);
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
            var model = new FittedArima(content.Header.Model, options, payload.Features, payload.Models, payload.Anchors, payload.Windows, payload.Min, payload.Max);
            content.Header.Metadata.EnsureSameSchema(model.Metadata, "The ARIMA model file is inconsistent (header and payload)");
            return model;
        }
        catch (JsonException e)
        {
            throw new SynthException($"The ARIMA model file is damaged: {e.Message}", e);
        }
    }
}
