using System.Diagnostics;
using SynthCore.Resources;
using SynthCore.Training;
using SynthReports.Charts;

namespace SynthCommands;

/// <summary>
/// A finished fit with how long it took, the time between its progress reports, and the losses it reported;
/// <see cref="Latent"/> holds a VAE's latent statistics over the training rows (null for other models).
/// </summary>
internal sealed record FitOutcome(IFittedSynthesizer Model, double Seconds, IReadOnlyList<double> IntervalSeconds, IReadOnlyList<LossPoint> Losses,
    LatentStatistics? Latent = null);

/// <summary>The fit shared by <c>fit</c> and <c>run</c>: create through the registry, fit with progress and cancellation.</summary>
internal static class FitStep
{
    public static FitOutcome Run(CommandContext context, string model, SynthesizerSettings settings, DataFrame table, TableMetadata metadata)
    {
        TableInput.EnsureModellable(metadata);
        var synthesizer = context.Registry.Create(model, settings);
        EnsureFits(context, context.Registry.Get(model), settings, table);
        context.Cancellation.ThrowIfCancellationRequested();
        var timeline = new TrainingTimeline(context.Host);
        var clock = Stopwatch.StartNew();
        var fitted = synthesizer.Fit(table, metadata, timeline, context.Cancellation);
        clock.Stop();
        context.Cancellation.ThrowIfCancellationRequested();
        return Outcome(context, fitted, clock.Elapsed, timeline, table);
    }

    /// <summary>
    /// A fit just finished (here or in a <see cref="SynthCore.Registry.SynthesisRun"/>): its privacy notice, an ARIMA's
    /// orders, a SMOTE model's k and a VAE's latent statistics over <paramref name="table"/>, the rows it was fitted on.
    /// </summary>
    public static FitOutcome Outcome(CommandContext context, IFittedSynthesizer fitted, TimeSpan time, TrainingTimeline timeline, DataFrame table)
    {
        PrivacyNotice.Write(context.Host, fitted);
        if (fitted is IFitSummary summary) foreach (var line in summary.FitSummary) context.Host.WriteLine(line);
        WriteNeighbours(context, fitted);
        // Computed from the real rows, so outside a DP-SGD model's guarantee: not released for one.
        bool privatised = fitted is IPrivacyAccounted { PrivacyStatement: not null };
        var latent = fitted is ILatentSpace space && !privatised ? space.LatentStatistics(table) : null;
        if (latent is not null) context.Host.WriteLine(LatentText.Render(latent, fitted.ModelName));
        else if (fitted is ILatentSpace)
            context.Host.WriteLine("Latent statistics are not shown for a model trained with DP-SGD: they are computed from the real rows, outside its privacy guarantee.");
        return new FitOutcome(fitted, time.TotalSeconds, timeline.IntervalSeconds.ToArray(), timeline.Losses.ToArray(), latent);
    }

    /// <summary>A SMOTE model's k (and the column it balances); <see cref="WriteInterpolation"/> adds the weights once rows are sampled.</summary>
    private static void WriteNeighbours(CommandContext context, IFittedSynthesizer fitted)
    {
        if (fitted is not SynthCore.Synthesizers.Statistical.IInterpolatingSynthesizer smote) return;
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fitted.ModelName}: k = {smote.Neighbours} nearest neighbours{(smote.Target is { } target ? $", within each class of '{target}'" : "")}; interpolation weight λ ~ U(0, 1)"));
    }

    /// <summary>After sampling: how many rows a SMOTE model interpolated and their mean weight λ.</summary>
    public static void WriteInterpolation(CommandContext context, IFittedSynthesizer fitted)
    {
        if (fitted is not SynthCore.Synthesizers.Statistical.IInterpolatingSynthesizer smote || smote.Weights.Rows == 0) return;
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fitted.ModelName}: {smote.Weights.Rows:N0} rows interpolated with k = {smote.Neighbours}, mean interpolation weight λ {smote.Weights.MeanWeight:0.000}"));
    }

    /// <summary>Refuses, before anything is fitted, a table or a batch too large for the model in the free memory; notes a batch larger than the table.</summary>
    internal static void EnsureFits(CommandContext context, SynthesizerDescriptor descriptor, SynthesizerSettings settings, DataFrame table)
    {
        if (settings.BatchSize is int batch && ResourceGuard.Current.EnsureBatchSize("--batch-size", batch, table.Rows.Count, table.Columns.Count) is { } note)
            context.Host.WriteLine(note);
        ResourceGuard.Current.EnsureFitFits(descriptor.Name, table.Rows.Count, table.Columns.Count, descriptor.PairwiseMemory);
    }
}
