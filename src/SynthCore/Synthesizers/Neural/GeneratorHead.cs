using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// The generator's output layout: the transform's spans checked to tile 0 … width, with runs of
/// adjacent element-wise spans of one activation merged so the forward pass applies each
/// activation to one slice instead of one per column.
/// </summary>
internal static class GeneratorHead
{
    public static OutputSpan[] Build(IReadOnlyList<OutputSpan> spans)
    {
        var merged = new List<OutputSpan>();
        int next = 0;
        foreach (var span in spans.Where(s => s.Width > 0).OrderBy(s => s.Start))
        {
            if (span.Start != next)
                throw new ArgumentException($"Output span of column '{span.Column}' starts at {span.Start}; expected {next} (spans must be contiguous).", nameof(spans));
            next = span.Start + span.Width;
            if (merged.Count > 0 && span.Activation != OutputActivation.Softmax && merged[^1].Activation == span.Activation)
                merged[^1] = merged[^1] with { Column = $"{merged[^1].Column}+{span.Column}", Width = merged[^1].Width + span.Width };
            else
                merged.Add(span);
        }
        if (merged.Count == 0) throw new ArgumentException("The table has no modelled features.", nameof(spans));
        return merged.ToArray();
    }
}
