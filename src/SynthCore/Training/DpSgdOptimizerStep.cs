using SynthCore.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthCore.Training;

/// <summary>What one private gradient computation saw.</summary>
/// <param name="Examples">Examples in the batch.</param>
/// <param name="PerExampleNorms">Each example's gradient L2 norm (over all parameters) before clipping.</param>
/// <param name="Clipped">Examples whose gradient was scaled down to the clipping norm.</param>
public sealed record DpSgdStepResult(int Examples, IReadOnlyList<double> PerExampleNorms, int Clipped);

/// <summary>
/// The private gradient of DP-SGD (Abadi et al. 2016) for a TorchSharp module: each example's gradient
/// is computed on its own (a micro-batch of one: forward, backward, read .grad — simple and exact for any
/// module without batch statistics, at the cost of one backward per example; clarity over speed),
/// scaled to L2 norm at most C, summed, perturbed with N(0, σ²C²) per coordinate and divided by the
/// (expected) batch size. The result is left in each parameter's .grad, so any optimizer's step()
/// applies it. Account the privacy with <see cref="RdpAccountant"/> (q = expected batch / rows, σ, steps),
/// which assumes each step's batch was Poisson-sampled. Modules with batch normalisation mix examples
/// and cannot be trained this way.
/// </summary>
public sealed class DpSgdOptimizerStep
{
    private readonly Parameter[] parameters;
    private readonly torch.Generator noise;

    /// <param name="parameters">The parameters to privatise (e.g. module.parameters()).</param>
    /// <param name="maxGradNorm">C: the per-example L2 clipping norm.</param>
    /// <param name="noiseMultiplier">σ: the noise standard deviation in units of C.</param>
    /// <param name="noise">The seeded generator the noise is drawn from.</param>
    public DpSgdOptimizerStep(IEnumerable<Parameter> parameters, double maxGradNorm, double noiseMultiplier, torch.Generator noise)
    {
        TorchNativeLoader.EnsureLoaded();
        this.parameters = parameters.Where(p => p.requires_grad).ToArray();
        if (this.parameters.Length == 0) throw new ArgumentException("No trainable parameters.", nameof(parameters));
        if (!(maxGradNorm > 0) || double.IsInfinity(maxGradNorm)) throw new ArgumentOutOfRangeException(nameof(maxGradNorm), "The clipping norm must be positive.");
        if (!(noiseMultiplier >= 0) || double.IsInfinity(noiseMultiplier)) throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), "The noise multiplier must be non-negative.");
        MaxGradNorm = maxGradNorm;
        NoiseMultiplier = noiseMultiplier;
        this.noise = noise;
    }

    public double MaxGradNorm { get; }
    public double NoiseMultiplier { get; }

    /// <summary>Computes the private gradient of a batch into the parameters' .grad.</summary>
    /// <param name="examples">Examples in this batch (0 is allowed: an empty Poisson batch yields noise only).</param>
    /// <param name="exampleLoss">The scalar loss of example i (its forward pass); called once per example.</param>
    /// <param name="normaliser">What the noisy sum is divided by: the expected batch size for Poisson sampling; defaults to <paramref name="examples"/> (at least 1).</param>
    public DpSgdStepResult ComputeGradients(int examples, Func<int, Tensor> exampleLoss, double? normaliser = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(examples);
        double divide = normaliser ?? Math.Max(examples, 1);
        if (!(divide > 0)) throw new ArgumentOutOfRangeException(nameof(normaliser), "The normaliser must be positive.");

        var sums = parameters.Select(p => torch.zeros_like(p, requires_grad: false)).ToArray();
        var norms = new double[examples];
        int clipped = 0;
        try
        {
            for (int i = 0; i < examples; i++)
            {
                using var scope = torch.NewDisposeScope();
                foreach (var p in parameters) p.grad?.zero_();
                var loss = exampleLoss(i);
                if (loss.numel() != 1) throw new ArgumentException($"The loss of example {i} has {loss.numel()} elements; it must be a scalar.");
                loss.backward();
                var squares = parameters.Select(p => p.grad).OfType<Tensor>().Select(g => g.pow(2).sum()).ToArray();
                double norm = squares.Length == 0 ? 0 : Math.Sqrt(torch.stack(squares).sum().item<float>());
                norms[i] = norm;
                double scale = norm > MaxGradNorm ? MaxGradNorm / norm : 1;
                if (scale < 1) clipped++;
                using (torch.no_grad())
                    for (int k = 0; k < parameters.Length; k++)
                        if (parameters[k].grad is { } g) sums[k].add_(g, alpha: scale);
            }

            using (torch.no_grad())
                for (int k = 0; k < parameters.Length; k++)
                {
                    var p = parameters[k];
                    using var drawn = torch.randn(p.shape, dtype: p.dtype, generator: noise).to(p.device);
                    sums[k].add_(drawn, alpha: NoiseMultiplier * MaxGradNorm).div_(divide);
                    if (p.grad is { } g) g.copy_(sums[k]);
                    else p.grad = sums[k].clone();
                }
        }
        finally
        {
            foreach (var s in sums) s.Dispose();
        }
        return new DpSgdStepResult(examples, norms, clipped);
    }
}
