using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// Softmax over many column segments of a rows × features tensor in one op: the segments are
/// gathered into a rows × segments × widest block padded with −∞ (which softmax maps to 0), so
/// a layout with dozens of one-hot spans costs one softmax and two gathers instead of a narrow,
/// softmax and cat per span. Same values as per-segment softmax up to float rounding.
/// </summary>
internal sealed class SegmentedSoftmax
{
    private readonly long[] gather;  // per padded slot: the source feature, or `features` for padding
    private readonly long[] back;    // per source feature: its padded slot (0 for features outside every segment)
    private readonly int features, segments, widest;
    private readonly bool[] inside;  // per source feature: whether some segment covers it
    private (DeviceType Type, int Index)? device;
    private Tensor? gatherIndex, backIndex, insideMask;

    /// <param name="segments">(first feature, width) of each segment; they must not overlap.</param>
    /// <param name="features">Width of the tensors it is applied to.</param>
    public SegmentedSoftmax(IReadOnlyList<(int Start, int Width)> segments, int features)
    {
        this.features = features;
        this.segments = segments.Count;
        widest = segments.Count == 0 ? 1 : segments.Max(s => s.Width);
        gather = Enumerable.Repeat((long)features, this.segments * widest).ToArray();
        back = new long[features];
        inside = new bool[features];
        for (int s = 0; s < segments.Count; s++)
            for (int j = 0; j < segments[s].Width; j++)
            {
                gather[s * widest + j] = segments[s].Start + j;
                back[segments[s].Start + j] = s * widest + j;
                inside[segments[s].Start + j] = true;
            }
    }

    /// <summary>Position in the flattened padded block (rows × segments·widest) of each feature.</summary>
    public IReadOnlyList<long> Slot => back;

    /// <summary>log-softmax per segment, flattened padded (rows × segments·widest; padding is −∞).</summary>
    public Tensor PaddedLogSoftmax(Tensor x) => Padded(x).log_softmax(2).reshape(x.shape[0], -1);

    /// <summary>softmax per segment at each feature's own position; features outside every segment take <paramref name="outside"/>'s value.</summary>
    public Tensor Softmax(Tensor x, Tensor outside)
    {
        var padded = Padded(x).softmax(2).reshape(x.shape[0], -1);
        return torch.where(insideMask!, padded.index_select(1, backIndex!), outside);
    }

    private Tensor Padded(Tensor x)
    {
        if (device != (x.device_type, x.device_index))
        {
            // Built once per device and kept out of the caller's dispose scope: they are constant.
            gatherIndex?.Dispose();
            backIndex?.Dispose();
            insideMask?.Dispose();
            gatherIndex = torch.tensor(gather, device: x.device).DetachFromDisposeScope();
            backIndex = torch.tensor(back, device: x.device).DetachFromDisposeScope();
            insideMask = torch.tensor(inside, device: x.device).DetachFromDisposeScope();
            device = (x.device_type, x.device_index);
        }
        var pad = torch.full([x.shape[0], 1], double.NegativeInfinity, dtype: x.dtype, device: x.device);
        return torch.cat([x, pad], 1).index_select(1, gatherIndex!).view(x.shape[0], segments, widest);
    }
}
