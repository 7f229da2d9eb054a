using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Torch;

/// <summary>
/// A stacked GRU — PyTorch's equations and weight layout, batch-first, zero initial state — whose
/// forward and backward over every layer and time step run as one autograd node, in C#, on CPU
/// float32 tensors:
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
/// </summary>
/// <remarks>
/// Written by hand because libtorch runs a GRU on the CPU as a dozen small tensor operations per
/// layer and time step, each recorded for autograd: TimeGAN's networks (hidden 24, batch 128,
/// 24 steps) spent most of their time in allocation, dispatch and the autograd engine, not in
/// arithmetic (perf: matrix products and activations about a tenth of the samples; 16–18 ms for a
/// 3-layer GRU's forward and backward). Here each layer is a handful of passes over pooled arrays:
/// the input projections of all steps in one product per gate, then the recurrence, then the weight
/// gradients of all steps in one product per gate. The products use the SIMD kernels below (no
/// library offers a small-matrix GEMM over spans); the activations use System.Numerics.Tensors.
/// The results equal nn.GRU's to float rounding (tests compare outputs and every gradient).
/// </remarks>
internal sealed class FusedGru : autograd.SingleTensorFunction<FusedGru>
{
    public override string Name => "FusedGru";

    /// <summary>
    /// The top layer's outputs, batch × time × hidden, recorded for autograd when gradients are on and
    /// anything needs one; null when the input or a weight is not a CPU float32 tensor (use nn.GRU then).
    /// </summary>
    public static Tensor? TryRun(Tensor input, TorchSharp.Modules.GRU gru, int layers)
    {
        static bool Fits(Tensor t) => t.device_type == DeviceType.CPU && t.dtype == ScalarType.Float32;
        if (!Fits(input) || input.dim() != 3) return null;
        var weights = new Tensor[4 * layers];
        var named = gru.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        for (int l = 0; l < layers; l++)
        {
            weights[4 * l] = named[$"weight_ih_l{l}"];
            weights[4 * l + 1] = named[$"weight_hh_l{l}"];
            weights[4 * l + 2] = named[$"bias_ih_l{l}"];
            weights[4 * l + 3] = named[$"bias_hh_l{l}"];
        }
        if (!weights.All(Fits)) return null;
        bool record = torch.is_grad_enabled() && (input.requires_grad || weights.Any(w => w.requires_grad));
        if (!record)
        {
            using var _ = torch.no_grad();
            return Forward(input, weights, keep: false).Output;
        }
        var vars = new object[1 + weights.Length];
        vars[0] = input;
        weights.CopyTo(vars, 1);
        return apply(vars);
    }

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var input = (Tensor)vars[0];
        var weights = vars.Skip(1).Cast<Tensor>().ToArray();
        var (output, state) = Forward(input, weights, keep: true);
        state.InputNeedsGrad = input.requires_grad;
        state.WeightNeedsGrad = weights.Select(w => w.requires_grad).ToArray();
        ctx.save_data("state", state);
        return output;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
    {
        var state = (State)ctx.get_data("state");
        var grads = Backward(state, gradOutput);
        ctx.save_data("state", null!); // the saved activations are not needed again
        return grads;
    }

    // Layout. Inside, every sequence-by-step array is time-major, rows (t, b), so that one step of
    // the whole batch is one contiguous block; gate quantities are planar, one block per gate
    // (r, z, n), so that each activation is one pass over B·H contiguous floats. Only the input,
    // the output and their gradients are batch-first, as nn.GRU's with batch_first.

    private static (Tensor Output, State State) Forward(Tensor input, Tensor[] weights, bool keep)
    {
        int batch = (int)input.shape[0], time = (int)input.shape[1], inputSize = (int)input.shape[2];
        int layers = weights.Length / 4, hidden = (int)weights[1].shape[1];
        var state = new State(batch, time, hidden, layers) { Input = TimeMajor(input, batch, time, inputSize) };
        float[] x = state.Input;
        int size = inputSize;
        try
        {
            for (int l = 0; l < layers; l++)
            {
                var layer = new Layer
                {
                    InputSize = size,
                    Wih = Copy(weights[4 * l]), Whh = Copy(weights[4 * l + 1]),
                    Bih = Copy(weights[4 * l + 2]), Bhh = Copy(weights[4 * l + 3]),
                };
                state.Layers[l] = layer;
                ForwardLayer(state, layer, x, keep);
                x = layer.Output;
                size = hidden;
            }
            var output = BatchFirst(x, batch, time, hidden);
            if (!keep) state.Return();
            return (output, state);
        }
        catch
        {
            state.Return();
            throw;
        }
    }

    private static void ForwardLayer(State s, Layer layer, float[] x, bool keep)
    {
        int B = s.Batch, T = s.Time, H = s.Hidden, G = 3 * H, I = layer.InputSize, block = B * H, rows = T * B;
        // Input projections of every (step, sequence) row at once, per gate: gi_g = x W_igᵀ + b_ig.
        var gi = Rent(3 * rows * H);
        var wihT = Transpose(layer.Wih, G, I);
        var whhT = Transpose(layer.Whh, G, H);
        var gh = Rent(3 * block);
        try
        {
            for (int g = 0; g < 3; g++)
            {
                FillRows(gi.AsSpan(g * rows * H, rows * H), layer.Bih.AsSpan(g * H, H));
                Gemm.Add(x, 0, I, wihT, g * H, G, gi, g * rows * H, H, rows, I, H);
            }

            var h = layer.Output = Rent(rows * H);
            int steps = keep ? T : 1;
            layer.R = Rent(steps * block);
            layer.Z = Rent(steps * block);
            layer.N = Rent(steps * block);
            layer.HiddenN = Rent(steps * block);
            for (int t = 0; t < T; t++)
            {
                // Hidden projections per gate: gh_g = h_{t−1} W_hgᵀ + b_hg (h_{−1} = 0).
                for (int g = 0; g < 3; g++)
                {
                    FillRows(gh.AsSpan(g * block, block), layer.Bhh.AsSpan(g * H, H));
                    if (t > 0) Gemm.Add(h, (t - 1) * block, H, whhT, g * H, G, gh, g * block, H, B, H, H);
                }
                int at = keep ? t * block : 0;
                var r = layer.R.AsSpan(at, block);
                var z = layer.Z.AsSpan(at, block);
                var n = layer.N.AsSpan(at, block);
                var hn = layer.HiddenN.AsSpan(at, block);
                TensorPrimitives.Add(gi.AsSpan(t * block, block), gh.AsSpan(0, block), r);
                TensorPrimitives.Sigmoid(r, r);
                TensorPrimitives.Add(gi.AsSpan((rows + t * B) * H, block), gh.AsSpan(block, block), z);
                TensorPrimitives.Sigmoid(z, z);
                gh.AsSpan(2 * block, block).CopyTo(hn);
                TensorPrimitives.MultiplyAdd(r, hn, gi.AsSpan((2 * rows + t * B) * H, block), n);
                TensorPrimitives.Tanh(n, n);
                // h_t = n + z ⊙ (h_{t−1} − n)
                var ht = h.AsSpan(t * block, block);
                if (t == 0)
                {
                    TensorPrimitives.Multiply(z, n, ht);
                    TensorPrimitives.Subtract(n, ht, ht);
                }
                else
                {
                    TensorPrimitives.Subtract(h.AsSpan((t - 1) * block, block), n, ht);
                    TensorPrimitives.MultiplyAdd(z, ht, n, ht);
                }
            }
        }
        finally
        {
            Pool.Return(gi);
            Pool.Return(gh);
            Pool.Return(wihT);
            Pool.Return(whhT);
        }
    }

    /// <summary>
    /// One step's gate gradients from ∂L/∂h_t (the output's plus the carried part): the pre-activation
    /// gradients dr, dz, dn (input side; the hidden side has the same dr, dz and dn ⊙ r), and the part
    /// of ∂L/∂h_{t−1} that bypasses the weights, ∂L/∂h_t ⊙ z, which overwrites <paramref name="carried"/>.
    /// </summary>
    private static void BackwardStep(ReadOnlySpan<float> dOut, Span<float> carried, ReadOnlySpan<float> previous,
        ReadOnlySpan<float> r, ReadOnlySpan<float> z, ReadOnlySpan<float> n, ReadOnlySpan<float> hn,
        Span<float> dr, Span<float> dz, Span<float> dn, Span<float> dHiddenN)
    {
        int length = carried.Length, j = 0, width = Vector<float>.Count;
        bool first = previous.IsEmpty;
        var one = Vector<float>.One;
        for (; j <= length - width; j += width)
        {
            var d = new Vector<float>(dOut[j..]) + new Vector<float>(carried[j..]);
            var rj = new Vector<float>(r[j..]);
            var zj = new Vector<float>(z[j..]);
            var nj = new Vector<float>(n[j..]);
            var p = first ? Vector<float>.Zero : new Vector<float>(previous[j..]);
            var dnj = d * (one - zj) * (one - nj * nj);
            (dnj * new Vector<float>(hn[j..]) * rj * (one - rj)).CopyTo(dr[j..]);
            (d * (p - nj) * zj * (one - zj)).CopyTo(dz[j..]);
            dnj.CopyTo(dn[j..]);
            (dnj * rj).CopyTo(dHiddenN[j..]);
            (d * zj).CopyTo(carried[j..]);
        }
        for (; j < length; j++)
        {
            float d = dOut[j] + carried[j];
            float rj = r[j], zj = z[j], nj = n[j];
            float dnj = d * (1 - zj) * (1 - nj * nj);
            dr[j] = dnj * hn[j] * rj * (1 - rj);
            dz[j] = d * ((first ? 0f : previous[j]) - nj) * zj * (1 - zj);
            dn[j] = dnj;
            dHiddenN[j] = dnj * rj;
            carried[j] = d * zj;
        }
    }

    private static List<Tensor> Backward(State s, Tensor gradOutput)
    {
        if (s.Returned) throw new InvalidOperationException("FusedGru's saved activations were already used by one backward pass (retain_graph is not supported).");
        int B = s.Batch, T = s.Time, H = s.Hidden, G = 3 * H, layers = s.Layers.Length, block = B * H, rows = T * B;
        var grads = new Tensor[1 + 4 * layers]; // null where no gradient is wanted
        float[] dOut = TimeMajor(gradOutput, B, T, H);
        var dGi = Rent(3 * rows * H);   // pre-activation gradients, per gate, rows (t, b); the hidden side's r and z are the same
        var dGhN = Rent(rows * H);      // the hidden side's n: dn ⊙ r
        var dh = Rent(block);           // ∂L/∂h_t flowing back from step t + 1
        try
        {
            for (int l = layers - 1; l >= 0; l--)
            {
                var layer = s.Layers[l];
                int I = layer.InputSize;
                float[] x = l == 0 ? s.Input : s.Layers[l - 1].Output;
                var h = layer.Output;
                Array.Clear(dh, 0, block);
                for (int t = T - 1; t >= 0; t--)
                {
                    int at = t * block;
                    BackwardStep(dOut.AsSpan(at, block), dh.AsSpan(0, block), t > 0 ? h.AsSpan(at - block, block) : default,
                        layer.R.AsSpan(at, block), layer.Z.AsSpan(at, block), layer.N.AsSpan(at, block), layer.HiddenN.AsSpan(at, block),
                        dGi.AsSpan(at, block), dGi.AsSpan(rows * H + at, block), dGi.AsSpan(2 * rows * H + at, block), dGhN.AsSpan(at, block));
                    // ∂L/∂h_{t−1} += Σ_g dGh_g,t W_hg
                    if (t > 0)
                    {
                        Gemm.Add(dGi, at, H, layer.Whh, 0, H, dh, 0, H, B, H, H);
                        Gemm.Add(dGi, rows * H + at, H, layer.Whh, H * H, H, dh, 0, H, B, H, H);
                        Gemm.Add(dGhN, at, H, layer.Whh, 2 * H * H, H, dh, 0, H, B, H, H);
                    }
                }

                if (s.WeightNeedsGrad.Skip(4 * l).Take(4).Any(w => w))
                {
                    // dW_hgᵀ = Σ_{t ≥ 1} h_{t−1}ᵀ dGh_g,t and dW_igᵀ = xᵀ dGi_g per gate; biases: column sums.
                    var dWih = new float[G * I];
                    var dWhh = new float[G * H];
                    var dBih = new float[G];
                    var dBhh = new float[G];
                    var product = Rent(Math.Max(H, I) * H);
                    for (int g = 0; g < 3; g++)
                    {
                        var dGate = g < 2 ? dGi : dGhN;
                        int offset = g < 2 ? g * rows * H : 0;
                        Array.Clear(product, 0, H * H);
                        Gemm.AddTransposedA(h, 0, H, dGate, offset + block, H, product, rows - B, H, H);
                        for (int j = 0; j < H; j++)
                            for (int k = 0; k < H; k++) dWhh[(g * H + k) * H + j] = product[j * H + k];
                        Array.Clear(product, 0, I * H);
                        Gemm.AddTransposedA(x, 0, I, dGi, g * rows * H, H, product, rows, I, H);
                        for (int i = 0; i < I; i++)
                            for (int k = 0; k < H; k++) dWih[(g * H + k) * I + i] = product[i * H + k];
                        ColumnSums(dGi, g * rows * H, rows, H, dBih.AsSpan(g * H, H));
                        if (g < 2) dBih.AsSpan(g * H, H).CopyTo(dBhh.AsSpan(g * H, H)); // the same pre-activation gradients
                        else ColumnSums(dGate, offset, rows, H, dBhh.AsSpan(g * H, H));
                    }
                    Pool.Return(product);
                    grads[1 + 4 * l] = torch.tensor(dWih, [G, I]);
                    grads[2 + 4 * l] = torch.tensor(dWhh, [G, H]);
                    grads[3 + 4 * l] = torch.tensor(dBih, [G]);
                    grads[4 + 4 * l] = torch.tensor(dBhh, [G]);
                }

                if (l > 0 || s.InputNeedsGrad)
                {
                    // ∂L/∂x = Σ_g dGi_g W_ig
                    var dx = Rent(rows * I);
                    Array.Clear(dx, 0, rows * I);
                    for (int g = 0; g < 3; g++) Gemm.Add(dGi, g * rows * H, H, layer.Wih, g * H * I, I, dx, 0, I, rows, H, I);
                    Pool.Return(dOut);
                    dOut = dx;
                    if (l == 0) grads[0] = BatchFirst(dx, B, T, I);
                }
            }
        }
        finally
        {
            Pool.Return(dOut);
            Pool.Return(dGi);
            Pool.Return(dGhN);
            Pool.Return(dh);
            s.Return();
        }
        return grads.ToList();
    }

    /// <summary>Every row of <paramref name="destination"/> (a whole number of rows) set to <paramref name="row"/>, by doubling copies.</summary>
    private static void FillRows(Span<float> destination, ReadOnlySpan<float> row)
    {
        row.CopyTo(destination);
        for (int filled = row.Length; filled < destination.Length; filled *= 2)
            destination[..Math.Min(filled, destination.Length - filled)].CopyTo(destination[filled..]);
    }

    /// <summary>sums[j] = Σ_row source[offset + row·width + j], the rows added in order.</summary>
    private static void ColumnSums(float[] source, int offset, int rows, int width, Span<float> sums)
    {
        var values = source.AsSpan(offset, rows * width);
        int w = Vector<float>.Count, j = 0;
        for (; j + w <= width; j += w)
        {
            var sum = Vector<float>.Zero;
            for (int row = 0; row < rows; row++) sum += new Vector<float>(values.Slice(row * width + j, w));
            sum.CopyTo(sums[j..]);
        }
        for (; j < width; j++)
        {
            float sum = 0;
            for (int row = 0; row < rows; row++) sum += values[row * width + j];
            sums[j] = sum;
        }
    }

    private static readonly BufferPool Pool = new();

    /// <summary>A pooled buffer of at least <paramref name="length"/> floats, contents undefined.</summary>
    private static float[] Rent(int length) => Pool.Rent(length);

    /// <summary>
    /// Float arrays kept by exact length for reuse. Not ArrayPool&lt;float&gt;.Shared: a training step
    /// holds dozens of same-sized activation buffers at once (a few hundred kilobytes each, so on the
    /// large-object heap), more than its per-size stacks keep, and every array it dropped came back
    /// as a fresh large-object allocation — page faults and frequent gen-2 collections. Arrays over
    /// 16 MB (sampling many sequences at once) are not kept.
    /// </summary>
    private sealed class BufferPool
    {
        private const int LargestKept = 1 << 22, KeptPerLength = 256;
        private readonly Dictionary<int, Stack<float[]>> free = [];

        public float[] Rent(int length)
        {
            lock (free)
                if (free.TryGetValue(length, out var stack) && stack.Count > 0) return stack.Pop();
            return GC.AllocateUninitializedArray<float>(length);
        }

        public void Return(float[] buffer)
        {
            if (buffer.Length == 0 || buffer.Length > LargestKept) return;
            lock (free)
            {
                if (!free.TryGetValue(buffer.Length, out var stack)) free[buffer.Length] = stack = new Stack<float[]>();
                if (stack.Count < KeptPerLength) stack.Push(buffer);
            }
        }
    }

    /// <summary>A tensor's values (CPU float32) in a pooled buffer.</summary>
    private static float[] Copy(Tensor tensor)
    {
        using var contiguous = tensor.contiguous();
        var values = MemoryMarshal.Cast<byte, float>(contiguous.bytes);
        var buffer = Rent(values.Length);
        values.CopyTo(buffer);
        return buffer;
    }

    /// <summary>A batch × time × width tensor's values with rows in (t, b) order, in a pooled buffer.</summary>
    private static float[] TimeMajor(Tensor tensor, int batch, int time, int width)
    {
        using var contiguous = tensor.contiguous();
        var values = MemoryMarshal.Cast<byte, float>(contiguous.bytes);
        var buffer = Rent(batch * time * width);
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < time; t++) values.Slice((b * time + t) * width, width).CopyTo(buffer.AsSpan((t * batch + b) * width, width));
        return buffer;
    }

    /// <summary>A new batch × time × width CPU float32 tensor from rows in (t, b) order.</summary>
    private static Tensor BatchFirst(float[] values, int batch, int time, int width)
    {
        var tensor = torch.empty([batch, time, width], ScalarType.Float32);
        var destination = MemoryMarshal.Cast<byte, float>(tensor.bytes);
        for (int t = 0; t < time; t++)
            for (int b = 0; b < batch; b++) values.AsSpan((t * batch + b) * width, width).CopyTo(destination.Slice((b * time + t) * width, width));
        return tensor;
    }

    /// <summary>The transpose of a rows × columns matrix, in a pooled buffer.</summary>
    private static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var result = Rent(rows * columns);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) result[j * rows + i] = matrix[i * columns + j];
        return result;
    }

    /// <summary>What the backward pass needs: the inputs, every layer's weights and activations, and which gradients are wanted.</summary>
    private sealed class State(int batch, int time, int hidden, int layers)
    {
        public int Batch { get; } = batch;
        public int Time { get; } = time;
        public int Hidden { get; } = hidden;
        public float[] Input { get; init; } = [];
        public Layer[] Layers { get; } = new Layer[layers];
        public bool InputNeedsGrad { get; set; }
        public bool[] WeightNeedsGrad { get; set; } = [];
        public bool Returned { get; private set; }

        /// <summary>Gives every pooled buffer back (once; the state is unusable afterwards).</summary>
        public void Return()
        {
            if (Returned) return;
            Returned = true;
            Pool.Return(Input);
            foreach (var layer in Layers)
                if (layer is not null)
                    foreach (var buffer in new[] { layer.Wih, layer.Whh, layer.Bih, layer.Bhh, layer.Output, layer.R, layer.Z, layer.N, layer.HiddenN })
                        if (buffer.Length > 0) Pool.Return(buffer);
        }
    }

    /// <summary>One layer's weights (PyTorch's layout: gate rows r, z, n), outputs and per-step gates (rows (t, b), time-major), in pooled buffers.</summary>
    private sealed class Layer
    {
        public int InputSize;
        public float[] Wih = [], Whh = [], Bih = [], Bhh = [];
        public float[] Output = [], R = [], Z = [], N = [], HiddenN = [];
    }

    /// <summary>
    /// Row-major single-precision products over array slices with SIMD accumulators held in
    /// registers (blocks of four rows by three vectors, then by one). Small-matrix GEMM over spans is not in the BCL
    /// or System.Numerics.Tensors, and libtorch's would cost a tensor and a dispatch per time step.
    /// The extents are checked once per call; the loops then read without bounds checks.
    /// </summary>
    internal static class Gemm
    {
        /// <summary>C[m, :n] += Σ_k A[m, k] · B[k, :n] for m &lt; rows, k &lt; inner; A, B and C start at their offsets and have row strides lda, ldb and ldc.</summary>
        public static void Add(float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc, int rows, int inner, int n)
        {
            if (rows == 0 || inner == 0 || n == 0) return;
            Check(a, aOffset, lda, rows, inner);
            Check(b, bOffset, ldb, inner, n);
            Check(c, cOffset, ldc, rows, n);
            ref float a0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), aOffset);
            ref float b0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b), bOffset);
            ref float c0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c), cOffset);
            int m = 0;
            for (; m + 4 <= rows; m += 4)
            {
                // Four rows of C; along k, A's four scalars are lda apart and advance by 1.
                int j = Blocks(ref Unsafe.Add(ref a0, m * lda), lda, 1, ref b0, ldb, ref Unsafe.Add(ref c0, m * ldc), ldc, inner, n);
                for (int r = 0; r < 4; r++) Tail(ref Unsafe.Add(ref a0, (m + r) * lda), 1, ref b0, ldb, ref Unsafe.Add(ref c0, (m + r) * ldc), inner, j, n);
            }
            for (; m < rows; m++) Tail(ref Unsafe.Add(ref a0, m * lda), 1, ref b0, ldb, ref Unsafe.Add(ref c0, m * ldc), inner, 0, n);
        }

        /// <summary>C[k, :] += Σ_m A[m, k] · B[m, :] over m &lt; rows (C is inner × n contiguous); A has row stride lda, B row stride ldb.</summary>
        public static void AddTransposedA(float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float[] c, int rows, int inner, int n)
        {
            if (rows == 0 || inner == 0 || n == 0) return;
            Check(a, aOffset, lda, rows, inner);
            Check(b, bOffset, ldb, rows, n);
            Check(c, 0, n, inner, n);
            ref float a0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), aOffset);
            ref float b0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b), bOffset);
            ref float c0 = ref MemoryMarshal.GetArrayDataReference(c);
            int k = 0;
            for (; k + 4 <= inner; k += 4)
            {
                // Four rows of C; along m, A's four scalars are adjacent and advance by lda.
                int j = Blocks(ref Unsafe.Add(ref a0, k), 1, lda, ref b0, ldb, ref Unsafe.Add(ref c0, k * n), n, rows, n);
                for (int r = 0; r < 4; r++) Tail(ref Unsafe.Add(ref a0, k + r), lda, ref b0, ldb, ref Unsafe.Add(ref c0, (k + r) * n), rows, j, n);
            }
            for (; k < inner; k++) Tail(ref Unsafe.Add(ref a0, k), lda, ref b0, ldb, ref Unsafe.Add(ref c0, k * n), rows, 0, n);
        }

        /// <summary>
        /// Four rows of C, three vectors at a time and then one: C[r, j..] += Σ_i a[r·rowStep + i·step] · B[i, j..]
        /// for i &lt; count. Returns the first column left for <see cref="Tail"/> (fewer than a vector).
        /// Three vectors cover a hidden size of 24 with 12 independent accumulators (enough to keep the
        /// FMA units busy, and with the loads and broadcast within 16 registers); a row-at-a-time
        /// remainder would be one latency-bound chain.
        /// </summary>
        private static int Blocks(ref float a, int rowStep, int step, ref float b, int ldb, ref float c, int ldc, int count, int n)
        {
            int w = Vector<float>.Count, j = 0;
            for (; j + 3 * w <= n; j += 3 * w)
            {
                var c00 = Load(ref c, j); var c01 = Load(ref c, j + w); var c02 = Load(ref c, j + 2 * w);
                var c10 = Load(ref c, ldc + j); var c11 = Load(ref c, ldc + j + w); var c12 = Load(ref c, ldc + j + 2 * w);
                var c20 = Load(ref c, 2 * ldc + j); var c21 = Load(ref c, 2 * ldc + j + w); var c22 = Load(ref c, 2 * ldc + j + 2 * w);
                var c30 = Load(ref c, 3 * ldc + j); var c31 = Load(ref c, 3 * ldc + j + w); var c32 = Load(ref c, 3 * ldc + j + 2 * w);
                for (int i = 0; i < count; i++)
                {
                    var b0 = Load(ref b, i * ldb + j);
                    var b1 = Load(ref b, i * ldb + j + w);
                    var b2 = Load(ref b, i * ldb + j + 2 * w);
                    ref float ai = ref Unsafe.Add(ref a, i * step);
                    var x = new Vector<float>(ai);
                    c00 = MulAdd(x, b0, c00); c01 = MulAdd(x, b1, c01); c02 = MulAdd(x, b2, c02);
                    x = new Vector<float>(Unsafe.Add(ref ai, rowStep));
                    c10 = MulAdd(x, b0, c10); c11 = MulAdd(x, b1, c11); c12 = MulAdd(x, b2, c12);
                    x = new Vector<float>(Unsafe.Add(ref ai, 2 * rowStep));
                    c20 = MulAdd(x, b0, c20); c21 = MulAdd(x, b1, c21); c22 = MulAdd(x, b2, c22);
                    x = new Vector<float>(Unsafe.Add(ref ai, 3 * rowStep));
                    c30 = MulAdd(x, b0, c30); c31 = MulAdd(x, b1, c31); c32 = MulAdd(x, b2, c32);
                }
                Store(c00, ref c, j); Store(c01, ref c, j + w); Store(c02, ref c, j + 2 * w);
                Store(c10, ref c, ldc + j); Store(c11, ref c, ldc + j + w); Store(c12, ref c, ldc + j + 2 * w);
                Store(c20, ref c, 2 * ldc + j); Store(c21, ref c, 2 * ldc + j + w); Store(c22, ref c, 2 * ldc + j + 2 * w);
                Store(c30, ref c, 3 * ldc + j); Store(c31, ref c, 3 * ldc + j + w); Store(c32, ref c, 3 * ldc + j + 2 * w);
            }
            for (; j + w <= n; j += w)
            {
                var c0 = Load(ref c, j);
                var c1 = Load(ref c, ldc + j);
                var c2 = Load(ref c, 2 * ldc + j);
                var c3 = Load(ref c, 3 * ldc + j);
                for (int i = 0; i < count; i++)
                {
                    var bi = Load(ref b, i * ldb + j);
                    ref float ai = ref Unsafe.Add(ref a, i * step);
                    c0 = MulAdd(new Vector<float>(ai), bi, c0);
                    c1 = MulAdd(new Vector<float>(Unsafe.Add(ref ai, rowStep)), bi, c1);
                    c2 = MulAdd(new Vector<float>(Unsafe.Add(ref ai, 2 * rowStep)), bi, c2);
                    c3 = MulAdd(new Vector<float>(Unsafe.Add(ref ai, 3 * rowStep)), bi, c3);
                }
                Store(c0, ref c, j);
                Store(c1, ref c, ldc + j);
                Store(c2, ref c, 2 * ldc + j);
                Store(c3, ref c, 3 * ldc + j);
            }
            return j;
        }

        /// <summary>One row of C from column <paramref name="from"/>: C[j] += Σ_i a[i·step] · B[i, j], single vectors, then scalars.</summary>
        private static void Tail(ref float a, int step, ref float b, int ldb, ref float c, int count, int from, int n)
        {
            int w = Vector<float>.Count, j = from;
            for (; j + w <= n; j += w)
            {
                var acc = Load(ref c, j);
                for (int i = 0; i < count; i++) acc = MulAdd(new Vector<float>(Unsafe.Add(ref a, i * step)), Load(ref b, i * ldb + j), acc);
                Store(acc, ref c, j);
            }
            for (; j < n; j++)
            {
                float sum = Unsafe.Add(ref c, j);
                for (int i = 0; i < count; i++) sum += Unsafe.Add(ref a, i * step) * Unsafe.Add(ref b, i * ldb + j);
                Unsafe.Add(ref c, j) = sum;
            }
        }

        /// <summary>a · b + c, fused (one rounding) where the CPU has FMA and vectors are 256 bits; otherwise a multiply and an add.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> MulAdd(Vector<float> a, Vector<float> b, Vector<float> c) =>
            Fma.IsSupported && Vector<float>.Count == 8
                ? Fma.MultiplyAdd(a.AsVector256(), b.AsVector256(), c.AsVector256()).AsVector()
                : a * b + c;

        private static Vector<float> Load(ref float origin, int offset) => Vector.LoadUnsafe(ref origin, (nuint)offset);

        private static void Store(Vector<float> value, ref float origin, int offset) => value.StoreUnsafe(ref origin, (nuint)offset);

        /// <summary>The last element a rows × columns slice with this offset and row stride touches lies inside the array.</summary>
        private static void Check(float[] array, int offset, int stride, int rows, int columns)
        {
            if (offset < 0 || stride < columns || (long)offset + (long)(rows - 1) * stride + columns > array.Length)
                throw new ArgumentOutOfRangeException(nameof(array), $"A {rows} × {columns} slice at {offset} with row stride {stride} exceeds the array ({array.Length}).");
        }
    }
}
