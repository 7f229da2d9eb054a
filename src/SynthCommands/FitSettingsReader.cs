using System.Text.RegularExpressions;

namespace SynthCommands;

/// <summary>Turns the fit options of a parsed command into SynthesizerSettings, checking each value.</summary>
internal static partial class FitSettingsReader
{
    public static SynthesizerSettings Read(ParseResult parse, FitSettingsOptions options)
    {
        var settings = new SynthesizerSettings();
        if (parse.GetValue(options.Seed) is int seed)
        {
            if (seed < 0) throw new SynthOptionException("--seed", $"must be 0 or more, got {seed}.");
            settings = settings with { Seed = seed };
        }
        if (parse.GetValue(options.Epochs) is int epochs)
            settings = settings with { Epochs = Positive("--epochs", epochs) };
        if (parse.GetValue(options.BatchSize) is int batch)
            settings = settings with { BatchSize = Positive("--batch-size", batch) };
        if (parse.GetValue(options.LearningRate) is double rate)
        {
            if (rate <= 0) throw new SynthOptionException("--learning-rate", $"must be greater than 0, got {rate}.");
            settings = settings with { LearningRate = rate };
        }
        string device = parse.GetValue(options.Device) ?? "cpu";
        if (!DevicePattern().IsMatch(device))
            throw new SynthOptionException("--device", $"'{device}' is not a device; use cpu, cuda or cuda:N.");
        settings = settings with { Device = device };

        var extra = Pairs(parse.GetValue(options.Extra) ?? []);
        // Sequence models read the window length from their extra options; other models reject it by name.
        if (parse.GetValue(options.SeqLen) is int seqLen && !extra.TryAdd("seq-len", Positive("--seq-len", seqLen).ToString(CultureInfo.InvariantCulture)))
            throw new SynthOptionException("--seq-len", "is given both as --seq-len and as --option seq-len=….");
        return settings with { Extra = extra };
    }

    /// <summary>The <c>--option key=value</c> pairs, each key once.</summary>
    public static Dictionary<string, string> Pairs(IEnumerable<string> pairs)
    {
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1)
                throw new SynthOptionException("--option", $"expected key=value, got '{pair}'.");
            string key = pair[..equals].Trim();
            if (!extra.TryAdd(key, pair[(equals + 1)..].Trim()))
                throw new SynthOptionException("--option", $"'{key}' is given more than once.");
        }
        return extra;
    }

    public static int Positive(string option, int value) =>
        value > 0 ? value : throw new SynthOptionException(option, $"must be greater than 0, got {value}.");

    [GeneratedRegex("^(cpu|cuda(:[0-9]+)?)$")]
    private static partial Regex DevicePattern();
}
