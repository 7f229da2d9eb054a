using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore;
using SynthCore.Data;
using SynthCore.Persistence;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Training;

namespace SynthTests.Support;

/// <summary>
/// TEST ONLY, never registered in the shipped registry: a "model" that memorises the table and
/// samples rows from it with replacement. It lets the command tests run fit / sample / run end to
/// end quickly, with real progress reports, cancellation and model files.
/// </summary>
public sealed class ResamplingTestSynthesizer(int seed, int steps, int? failAtStep) : ISynthesizer
{
    public const string Name = "resample-test";

    /// <summary>A registry holding only this test model.</summary>
    public static SynthesizerRegistry Registry() => new SynthesizerRegistry().Register(new SynthesizerDescriptor(
        Name,
        "Test only: resamples the rows of the training table.",
        Create,
        content => Fitted.Load(content)));

    private static ISynthesizer Create(SynthesizerSettings settings)
    {
        int? failAt = null;
        foreach (var (key, value) in settings.Extra)
        {
            if (key != "fail-at-step")
                throw new SynthOptionException("--option", $"unknown option '{key}' for model '{Name}' (known: fail-at-step).");
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int step) || step < 1)
                throw new SynthOptionException("--option", $"fail-at-step must be a whole number of at least 1, got '{value}'.");
            failAt = step;
        }
        return new ResamplingTestSynthesizer(settings.Seed, settings.Epochs ?? 5, failAt);
    }

    public string ModelName => Name;

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        for (int step = 1; step <= steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step == failAtStep) throw new SynthException($"the test model was told to fail at step {step}.");
            progress?.Report(new TrainingProgress("train", step, steps,
                new Dictionary<string, double> { ["loss"] = 1.0 / step }, TimeSpan.FromSeconds(0.5 * step), TimeSpan.FromSeconds(0.5 * (steps - step))));
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new Fitted(table.Clone(), metadata, seed);
    }

    private sealed class Fitted(DataFrame table, TableMetadata metadata, int seed) : IFittedSynthesizer
    {
        public string ModelName => Name;

        public int Seed => seed;

        public TableMetadata Metadata => metadata;

        public DataFrame Sample(int rows, SampleConditions? conditions = null, int? sampleSeed = null)
        {
            var random = new Random(sampleSeed ?? seed);
            var picks = Enumerable.Range(0, rows).Select(_ => (long)random.Next((int)table.Rows.Count)).ToArray();
            return table[picks];
        }

        public void Save(Stream stream)
        {
            string temp = Path.Combine(Path.GetTempPath(), $"resample-test-{Guid.NewGuid():N}.csv");
            try
            {
                CsvTable.Write(table, temp);
                ModelFile.Write(stream, Name, metadata, new { Seed = seed }, File.ReadAllBytes(temp));
            }
            finally
            {
                File.Delete(temp);
            }
        }

        public static IFittedSynthesizer Load(ModelFileContent content)
        {
            string temp = Path.Combine(Path.GetTempPath(), $"resample-test-{Guid.NewGuid():N}.csv");
            try
            {
                File.WriteAllBytes(temp, content.Payload);
                int seed = (int?)content.Header.Options["seed"] ?? 0;
                return new Fitted(CsvTable.Read(temp), content.Header.Metadata, seed);
            }
            finally
            {
                File.Delete(temp);
            }
        }
    }
}
