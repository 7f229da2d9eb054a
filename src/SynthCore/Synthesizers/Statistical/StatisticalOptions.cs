namespace SynthCore.Synthesizers.Statistical;

/// <summary>What the statistical models share about their options: the training settings they refuse, and the model-file check.</summary>
internal static class StatisticalOptions
{
    /// <summary>Throws for common settings a statistical model has no use for (epochs, batch size, learning rate, a GPU).</summary>
    public static void RejectNeuralSettings(SynthesizerSettings settings, string model)
    {
        if (settings.Epochs is not null) throw new SynthOptionException("--epochs", $"does not apply to the '{model}' model (it is fitted in closed form, not trained).");
        if (settings.BatchSize is not null) throw new SynthOptionException("--batch-size", $"does not apply to the '{model}' model.");
        if (settings.LearningRate is not null) throw new SynthOptionException("--learning-rate", $"does not apply to the '{model}' model.");
        if (settings.Device != "cpu") throw new SynthOptionException("--device", $"the '{model}' model runs on the CPU only.");
    }

    /// <summary>
    /// Checks options read from a model file with the command line's own code: <paramref name="fromSettings"/> (the model's
    /// option reader) must accept <paramref name="extra"/> as if typed as <c>--option</c> pairs and give back exactly
    /// <paramref name="options"/>, so a hand-edited header cannot hold what <c>fit</c> would refuse.
    /// </summary>
    /// <exception cref="SynthException">Options the model does not accept, naming the option.</exception>
    public static void EnsureAccepted<T>(string model, T options, int seed, Dictionary<string, string?> extra, Func<SynthesizerSettings, T> fromSettings)
    {
        // A header without an option deserializes it as null; fit always writes every one.
        if (extra.FirstOrDefault(pair => pair.Value is null).Key is string missing)
            throw new SynthException($"The model file's options lack '{missing}' (the '{model}' model always writes it).");
        T again;
        try { again = fromSettings(new SynthesizerSettings { Seed = seed, Extra = extra.ToDictionary(pair => pair.Key, pair => pair.Value!) }); }
        catch (SynthOptionException e)
        {
            throw new SynthException($"The model file's options are not valid for the '{model}' model: {e.Message}", e);
        }
        if (!EqualityComparer<T>.Default.Equals(again, options))
            throw new SynthException($"The model file's options are not ones the '{model}' model accepts: {Persistence.ModelFile.OptionsToJson(options!).ToJsonString()}.");
    }
}
