using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// Reads how a table becomes sequences from the same <c>key=value</c> options the sequence models take (<c>seq-len</c>,
/// <c>stride</c>, <c>time-column</c>, <c>id-column</c>, <c>features</c>, <c>irregular</c>), for commands that read
/// sequences without fitting a model (<c>synth evaluate</c>).
/// </summary>
public static class SequenceDataOptionsReader
{
    private static readonly ModelOptionSet<SequenceDataOptions> Options = new(SequenceOptionParser.DataOptions.Where(o => o.Info.Name != "static"));

    /// <exception cref="SynthOptionException">A key that is not a sequence data option, or a bad value; the message names it.</exception>
    public static SequenceDataOptions Read(IReadOnlyDictionary<string, string> options, SequenceDataOptions? start = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = start ?? new SequenceDataOptions();
        if (ModelOptionSet<SequenceDataOptions>.Gives(options, "static"))
            throw new SynthOptionException("static", "applies when fitting TimeGAN (run, fit); here the sequences' features are compared, not static columns.");
        result = Options.ApplyFor(result, options, "how a table is read as sequences");
        result.Validate();
        return result;
    }
}
