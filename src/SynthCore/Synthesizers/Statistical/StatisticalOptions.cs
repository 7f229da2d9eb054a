namespace SynthCore.Synthesizers.Statistical;

/// <summary>The check the statistical models share for options read from a model file.</summary>
internal static class StatisticalOptions
{
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
