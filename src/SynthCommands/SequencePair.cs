using SynthCore.Data.Sequences;

namespace SynthCommands;

/// <summary>
/// Real and synthetic sequences read for plotting: the synthetic table in the long format the sequence models
/// write (<c>sequence_id</c>, <c>step</c>, features); the real one either in that format too or as the raw
/// series it was (windows of the synthetic sequences' length, the time and id columns found as the models find them).
/// </summary>
internal sealed record SequencePair(double[][][] Real, double[][][] Synthetic, IReadOnlyList<string> Features)
{
    public static SequencePair Read(DataFrame real, string realName, DataFrame synthetic, string syntheticName, string[]? columns, string kind)
    {
        if (!SequenceTable.IsLong(synthetic))
            throw new SynthOptionException("--kind", $"{kind} of sequences needs the synthetic table '{syntheticName}' in the sequence format "
                + $"('{SequenceTable.SequenceIdColumn}', '{SequenceTable.StepColumn}', features) that timegan, arima, ar1 and block-bootstrap write.");
        var (generated, features) = SequenceTable.FromLong(synthetic, columns);
        double[][][] windows;
        if (SequenceTable.IsLong(real))
        {
            windows = SequenceTable.FromLong(real, features).Sequences;
        }
        else
        {
            foreach (var feature in features)
                if (!real.Columns.Any(c => c.Name == feature))
                    throw new SynthColumnException(feature, $"is a feature of the synthetic sequences but not a column of the real table '{realName}'.");
            var options = new SequenceDataOptions { SequenceLength = generated[0].Length, Features = features, AllowIrregular = true };
            windows = SequenceData.FromTable(real, TableMetadata.Detect(real), options).RawWindows();
        }
        if (windows[0].Length != generated[0].Length)
            throw new SynthException($"The real sequences of '{realName}' have {windows[0].Length} steps and the synthetic ones {generated[0].Length}.");
        return new SequencePair(windows, generated, features);
    }

    /// <summary>
    /// For <c>evaluate --seq-len</c>: the synthetic sequences (long format, each <paramref name="options"/>' length) and the real
    /// table read with the same options <c>run</c> reads it with (or as a long table too). Errors name --seq-len or the column.
    /// </summary>
    public static SequencePair ReadForEvaluation(DataFrame real, string realName, TableMetadata realMetadata, DataFrame synthetic, string syntheticName,
        SequenceDataOptions options)
    {
        if (!SequenceTable.IsLong(synthetic))
            throw new SynthOptionException("--seq-len", $"scores sequences, but the synthetic table '{syntheticName}' is not in the sequence format "
                + $"('{SequenceTable.SequenceIdColumn}', '{SequenceTable.StepColumn}', features) that timegan, arima, ar1 and block-bootstrap write.");
        var (generated, features) = SequenceTable.FromLong(synthetic, options.Features);
        if (generated[0].Length != options.SequenceLength)
            throw new SynthOptionException("--seq-len", $"is {options.SequenceLength}, but the synthetic sequences of '{syntheticName}' have {generated[0].Length} steps each.");
        double[][][] windows;
        if (SequenceTable.IsLong(real))
        {
            windows = SequenceTable.FromLong(real, features).Sequences;
            if (windows[0].Length != options.SequenceLength)
                throw new SynthOptionException("--seq-len", $"is {options.SequenceLength}, but the real sequences of '{realName}' have {windows[0].Length} steps each.");
        }
        else
        {
            foreach (var feature in features)
                if (!real.Columns.Any(c => c.Name == feature))
                    throw new SynthColumnException(feature, $"is a feature of the synthetic sequences but not a column of the real table '{realName}'.");
            windows = SequenceData.FromTable(real, realMetadata, options with { Features = features }).RawWindows();
        }
        return new SequencePair(windows, generated, features);
    }
}
