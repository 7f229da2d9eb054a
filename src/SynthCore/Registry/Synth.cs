using SynthCore.Synthesizers;

namespace SynthCore.Registry;

/// <summary>What <see cref="Synth.Generate"/> made: the rows, the fitted model (to sample more or save) and how long each step took.</summary>
public sealed record GeneratedTable(DataFrame Rows, IFittedSynthesizer Model, TableMetadata Metadata, int Seed, TimeSpan FitTime, TimeSpan SampleTime)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rows.Rows.Count:N0} synthetic rows x {Rows.Columns.Count} columns from a {Model.ModelName} model of {Metadata.Columns.Count} columns (seed {Seed}; fit {FitTime.TotalSeconds:0.0} s, sample {SampleTime.TotalSeconds:0.00} s)");
}

/// <summary>
/// The short way in for a notebook, as the original toolkit's <c>SyntheticDataGenerator(random_state).gaussian_copula(df, n)</c>:
/// <c>Synth.Generate(table, "copula", 1000, seed: 42)</c> detects the column kinds, fits the named model with its defaults
/// (or the given settings), and samples. Everything it does is also reachable step by step (<see cref="TableMetadata.Detect"/>,
/// <see cref="SynthesizerRegistry"/>, <see cref="IFittedSynthesizer.Sample"/>); <see cref="SynthesisRun"/>, which it uses, adds a holdout,
/// conditions, the comparison and the evaluation.
/// </summary>
public static class Synth
{
    /// <param name="model">A registered model name (<c>synth models</c>): copula, ctgan, cart, …</param>
    /// <param name="rows">Rows to sample.</param>
    /// <param name="seed">Seeds the fit and the sample.</param>
    /// <param name="settings">Other settings (epochs, model options); its seed is replaced by <paramref name="seed"/>.</param>
    /// <exception cref="SynthOptionException">Unknown model, a bad setting, or <paramref name="rows"/> below 1.</exception>
    public static GeneratedTable Generate(DataFrame table, string model, int rows, int seed = 42, SynthesizerSettings? settings = null,
        IProgress<Training.TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var run = new SynthesisRun(model, (settings ?? new SynthesizerSettings()) with { Seed = seed },
            new SynthesisRunOptions { Rows = rows, SampleSeed = seed, Compare = false });
        var result = run.Execute(table, progress: progress, cancellation: cancellation);
        return new GeneratedTable(ColumnSpellings.Apply(result.Samples, result.Metadata), result.Model, result.Metadata, seed, result.FitTime, result.SampleTime);
    }
}
