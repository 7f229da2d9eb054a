using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>
/// TVAE's per-row loss, summed over the rows given: loss-factor × reconstruction — for mode scalars
/// (x − tanh(x̂))² / 2σ² + log σ, for every one-hot span the cross-entropy against the real code —
/// plus the KL divergence of N(μ, e^logvar) from N(0, I). The one-hot spans are gathered into one
/// padded rows × spans × widest block (padding logits −1e9, so they take no probability), so a loss
/// is a handful of tensor operations whatever the number of columns: DP-SGD evaluates it once per
/// row, where a loop over spans cost most of the time.
/// </summary>
internal sealed class TvaeLoss : IDisposable
{
    private const float PaddingLogit = -1e9f;

    private readonly Tensor scalarColumns;   // layout columns of the tanh scalars
    private readonly Tensor spanColumns;     // spans × widest: layout column, or width (the padding column)
    private readonly int spans, widest;
    private readonly double lossFactor;

    public TvaeLoss(IReadOnlyList<OutputSpan> outputSpans, double lossFactor, Device device)
    {
        int width = outputSpans.Sum(s => s.Width);
        var scalars = outputSpans.Where(s => s.Activation == OutputActivation.Tanh).Select(s => (long)s.Start).ToArray();
        var oneHots = outputSpans.Where(s => s.Activation != OutputActivation.Tanh).ToArray();
        spans = oneHots.Length;
        widest = oneHots.Length == 0 ? 0 : oneHots.Max(s => s.Width);
        var columns = new long[spans * widest];
        for (int s = 0; s < spans; s++)
            for (int k = 0; k < widest; k++)
                columns[s * widest + k] = k < oneHots[s].Width ? oneHots[s].Start + k : width;
        scalarColumns = torch.tensor(scalars, device: device);
        spanColumns = torch.tensor(columns, device: device);
        this.lossFactor = lossFactor;
    }

    /// <summary>Summed over the rows: loss-factor × reconstruction, and the KL divergence.</summary>
    public (Tensor Reconstruction, Tensor Kl) Compute(Tensor output, Tensor real, Tensor sigma, Tensor mean, Tensor logVariance)
    {
        long rows = real.shape[0];
        var deviation = sigma.index_select(0, scalarColumns);
        var error = real.index_select(1, scalarColumns) - output.index_select(1, scalarColumns).tanh();
        var reconstruction = (error.square() / (2 * deviation.square())).sum() + deviation.log().sum() * rows;
        if (spans > 0)
        {
            var padded = torch.cat([output, torch.full([rows, 1], PaddingLogit, device: output.device)], 1);
            var logits = padded.index_select(1, spanColumns).view(rows, spans, widest);
            var targets = torch.cat([real, torch.zeros([rows, 1], device: real.device)], 1).index_select(1, spanColumns).view(rows, spans, widest);
            reconstruction = reconstruction - (targets * logits.log_softmax(2)).sum();
        }
        var kl = -0.5 * (1 + logVariance - mean.square() - logVariance.exp()).sum();
        return (reconstruction * lossFactor, kl);
    }

    public void Dispose()
    {
        scalarColumns.Dispose();
        spanColumns.Dispose();
    }
}
