using SynthCore.Native;
using SynthCore.Torch;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// TimeGAN's three training phases, as in the paper and its reference code:
/// I the embedder and recovery as an autoencoder (loss 10·√MSE);
/// II the supervisor on next-step prediction in the latent space of real sequences;
/// III joint training: per iteration, twice the generator (+ supervisor) on adversarial +
/// γ·adversarial-on-the-embedded-path + 100·√supervised + 100·moments (mean and std) and the
/// embedder (+ recovery) on reconstruction + 0.1·supervised, then the discriminator once, only
/// while its loss exceeds the threshold.
/// </summary>
internal static class TimeGanTrainer
{
    /// <param name="windows">Scaled windows, [window][step][feature], all the same shape.</param>
    /// <param name="wrap">Makes a fitted model of trained networks: the last good state when training diverges.</param>
    /// <param name="afterIteration">Called after each iteration's checks (phase, iteration, networks); for benchmarks' checkpoints and tests.</param>
    /// <exception cref="SynthException">Too few windows.</exception>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite; carries the model as of the last sound joint iteration.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked every iteration.</exception>
    public static TimeGanNetworks Train(float[][][] windows, TimeGanOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken,
        Func<TimeGanNetworks, IFittedSynthesizer>? wrap = null, Action<string, int, TimeGanNetworks>? afterIteration = null, float[][]? staticCodes = null)
    {
        TorchNativeLoader.EnsureLoaded();
        options.Validate();
        if (windows.Length < 2) throw new SynthException($"TimeGAN needs at least 2 windows to learn from (got {windows.Length}).");
        var device = TorchDevices.Resolve(options.Device);
        int count = windows.Length, length = windows[0].Length, features = windows[0][0].Length;
        int batch = Math.Min(options.BatchSize, count);
        int staticWidth = staticCodes?[0].Length ?? 0;
        if (staticCodes is not null && (staticCodes.Length != count || staticWidth == 0))
            throw new ArgumentException("One non-empty static vector per window expected.", nameof(staticCodes));

        using var threads = TorchThreads.Use(options.Threads);
        var streams = new RandomStreams(options.Seed);
        using var torchRandom = streams.Torch("training");
        var batchRandom = streams.Stream("batches");
        var nets = new TimeGanNetworks(features, options, torchRandom, staticWidth);
        // The sampling networks as of the last joint iteration whose losses and weights were all finite.
        TimeGanNetworks? kept = null;
        // The running averages of the sampling networks over the joint phase (EmaDecay > 0).
        TimeGanNetworks? averaged = null;
        int keptStep = 0;
        try
        {
            nets.To(device);
            var flat = new float[(long)count * length * features];
            for (int w = 0, i = 0; w < count; w++)
                for (int t = 0; t < length; t++)
                    for (int f = 0; f < features; f++) flat[i++] = windows[w][t][f];
            using var data = torch.tensor(flat, [count, length, features], device: device);
            using var staticData = staticCodes is null ? null
                : torch.tensor(staticCodes.SelectMany(c => c).ToArray(), [count, 1, staticWidth], device: device);

            var order = Enumerable.Range(0, count).ToArray();
            var indices = new long[batch];
            (Tensor X, Tensor? S) Batch()
            {
                // A fresh random subset each time (the reference's permutation[:batch]): a partial Fisher–Yates shuffle.
                for (int i = 0; i < batch; i++)
                {
                    int j = batchRandom.Next(i, count);
                    (order[i], order[j]) = (order[j], order[i]);
                    indices[i] = order[i];
                }
                var chosen = torch.tensor(indices, device: device);
                return (data.index_select(0, chosen), staticData?.index_select(0, chosen));
            }
            Tensor Noise() => torch.rand([batch, length, features], generator: torchRandom).to(device);
            // Drawn after the sequence noise, and only with static features, so a fit without them draws what it always did.
            Tensor? StaticNoise() => staticWidth == 0 ? null : torch.rand([batch, 1, staticWidth], generator: torchRandom).to(device);

            // FusedAdam: PyTorch's Adam in one allocation-free pass per tensor on CPU float32
            // (TorchSharp's Adam elsewhere). TorchSharp's is a dozen small tensor ops per parameter.
            var parameters = (params RecurrentNet?[] modules) => modules.OfType<RecurrentNet>().SelectMany(m => m.parameters());
            double lr = options.LearningRate;
            using var autoencoderOptimizer = new FusedAdam(parameters(nets.Embedder, nets.Recovery, nets.StaticEmbedder, nets.StaticRecovery), lr);
            using var supervisorOptimizer = new FusedAdam(parameters(nets.Generator, nets.Supervisor), lr);
            using var generatorOptimizer = new FusedAdam(parameters(nets.Generator, nets.Supervisor, nets.StaticGenerator), lr);
            using var embedderOptimizer = new FusedAdam(parameters(nets.Embedder, nets.Recovery, nets.StaticEmbedder, nets.StaticRecovery), lr);
            using var discriminatorOptimizer = new FusedAdam(parameters(nets.Discriminator, nets.StaticDiscriminator), lr);
            var allOptimizers = new[] { autoencoderOptimizer, supervisorOptimizer, generatorOptimizer, embedderOptimizer, discriminatorOptimizer };
            void ZeroAll() { foreach (var o in allOptimizers) o.ZeroGrad(); }

            foreach (var net in nets.All) net.train();
            var clock = Stopwatch.StartNew();
            int total = options.AutoencoderSteps + options.SupervisorSteps + options.JointSteps;
            int done = 0;

            void Report(string phase, int step, int steps, Dictionary<string, double> losses)
            {
                done++;
                foreach (var (name, value) in losses)
                    if (!double.IsFinite(value)) throw Diverged(phase, step, name, value);
                if (phase == "joint") Keep(step);
                afterIteration?.Invoke(phase, step, nets);
                if (progress is null || (step % options.ProgressEvery != 0 && step != steps)) return;
                var elapsed = clock.Elapsed;
                progress.Report(new TrainingProgress(phase, step, steps, losses, elapsed,
                    TimeSpan.FromTicks(elapsed.Ticks / done * (total - done))));
            }

            // Snapshots the sampling networks (generator, supervisor, recovery) when their weights are all finite.
            // With averaging, what is kept is the average (what the model would sample from).
            void Keep(int step)
            {
                var source = averaged ?? nets;
                if (kept is null || !source.Sampling.All(IsFinite)) return;
                CopySampling(source, kept);
                keptStep = step;
            }

            TrainingDivergedException Diverged(string phase, int step, string loss, double value)
            {
                // Before the first joint iteration the generator has had no training (phase II trains
                // only the supervisor), so a model from phases I–II would sample noise: nothing is kept.
                string message = $"TimeGAN training diverged in the {phase} phase at iteration {step}: {loss} loss is {value}. "
                    + $"Try a lower learning rate (now {options.LearningRate})";
                if (kept is null || keptStep == 0 || wrap is null)
                    return new TrainingDivergedException(message + "; nothing is kept, as the generator is trained only in the joint phase and no joint iteration ended sound.", step, lastGood: null);
                foreach (var net in kept.All) net.eval();
                var lastGood = wrap(kept);
                kept = null; // Now owned by the last-good model.
                return new TrainingDivergedException(message + $"; the model as of joint iteration {keptStep} is kept.", step, lastGood);
            }

            // The supervisor predicts the next latent step from the steps so far and the static code (the paper's g_X(h_S, h_t−1, z_t)).
            Tensor SupervisedLoss(Tensor h, Tensor? hStatic) =>
                F.mse_loss(h[.., 1..], nets.Supervisor.forward(TimeGanNetworks.Condition(h, hStatic))[.., ..^1]);
            Tensor? EmbedStatic(Tensor? s) => s is null ? null : nets.StaticEmbedder!.forward(s);
            Tensor Embed(Tensor x, Tensor? hStatic) => nets.Embedder.forward(TimeGanNetworks.Condition(x, hStatic));
            (Tensor H, Tensor? HStatic) EmbedDetached(Tensor x, Tensor? s)
            {
                if (s is null) return (Detached(nets.Embedder, x), null);
                var hStatic = Detached(nets.StaticEmbedder!, s);
                return (Detached(nets.Embedder, TimeGanNetworks.Condition(x, hStatic)), hStatic);
            }
            // Static reconstruction, as the sequences': 10·√MSE.
            Tensor StaticReconstruction(Tensor? hStatic, Tensor? s) => F.mse_loss(nets.StaticRecovery!.forward(hStatic!), s!);

            // Phase I: autoencoder.
            for (int step = 1; step <= options.AutoencoderSteps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var (x, s) = Batch();
                var hStatic = EmbedStatic(s);
                var reconstruction = F.mse_loss(nets.Recovery.forward(Embed(x, hStatic)), x);
                var loss = 10 * reconstruction.sqrt();
                var staticReconstruction = s is null ? null : StaticReconstruction(hStatic, s);
                if (staticReconstruction is not null) loss = loss + 10 * staticReconstruction.sqrt();
                ZeroAll();
                loss.backward();
                autoencoderOptimizer.Step();
                var losses = new Dictionary<string, double> { ["reconstruction_rmse"] = Math.Sqrt(reconstruction.item<float>()) };
                if (staticReconstruction is not null) losses["static_reconstruction_rmse"] = Math.Sqrt(staticReconstruction.item<float>());
                Report("autoencoder", step, options.AutoencoderSteps, losses);
            }

            // Phase II: supervisor on the (fixed) embeddings of real sequences.
            for (int step = 1; step <= options.SupervisorSteps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var (x, s) = Batch();
                var (h, hStatic) = EmbedDetached(x, s);
                var supervised = SupervisedLoss(h, hStatic);
                ZeroAll();
                supervised.backward();
                supervisorOptimizer.Step();
                Report("supervisor", step, options.SupervisorSteps, new() { ["supervised_rmse"] = Math.Sqrt(supervised.item<float>()) });
            }

            // Phase III: joint training. The copy's initial weights are overwritten before use (see Keep);
            // it is made here, outside any dispose scope, because it outlives the iterations.
            using (var init = new torch.Generator(0, torch.CPU))
            {
                kept = new TimeGanNetworks(features, options, init, staticWidth);
                kept.To(device);
                if (options.EmaDecay > 0)
                {
                    // Starts from the weights phases I–II left; allocated once, updated in place.
                    averaged = new TimeGanNetworks(features, options, init, staticWidth);
                    averaged.To(device);
                    CopySampling(nets, averaged);
                    nets.Averaged = averaged;
                }
            }
            var ones = (Tensor like) => torch.ones_like(like);
            var zeros = (Tensor like) => torch.zeros_like(like);
            double dLoss = double.NaN;
            var jointOptimizers = new[] { generatorOptimizer, embedderOptimizer, discriminatorOptimizer };
            for (int step = 1; step <= options.JointSteps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                if (options.FinalLearningRate is { } final)
                    foreach (var optimizer in jointOptimizers)
                        optimizer.LearningRate = JointLearningRate(options.LearningRate, final, step, options.JointSteps);
                double gAdv = 0, gSup = 0, gMoments = 0, eRec = 0;
                for (int k = 0; k < 2; k++)
                {
                    var (x, s) = Batch();
                    var z = Noise();
                    var zStatic = StaticNoise();

                    // Generator and supervisor. Only their weights are stepped, so the embedder's output is
                    // detached and the recovery's and discriminator's weights need no gradients: the same
                    // update as the reference's, with less backward work.
                    var (h, hStatic) = EmbedDetached(x, s);
                    var hStaticHat = zStatic is null ? null : nets.StaticGenerator!.forward(zStatic);
                    var eHat = nets.Generator.forward(TimeGanNetworks.Condition(z, hStaticHat));
                    var hHat = nets.Supervisor.forward(TimeGanNetworks.Condition(eHat, hStaticHat));
                    Freeze(true, nets.Recovery, nets.Discriminator, nets.StaticRecovery, nets.StaticDiscriminator);
                    var xHat = nets.Recovery.forward(hHat);
                    var yFake = nets.Discriminator.forward(TimeGanNetworks.Condition(hHat, hStaticHat));
                    var yFakeE = nets.Discriminator.forward(TimeGanNetworks.Condition(eHat, hStaticHat));
                    var adversarial = F.binary_cross_entropy_with_logits(yFake, ones(yFake));
                    var adversarialE = F.binary_cross_entropy_with_logits(yFakeE, ones(yFakeE));
                    var supervised = SupervisedLoss(h, hStatic);
                    var moments = Moments(xHat, x);
                    var generatorLoss = adversarial + options.Gamma * adversarialE + 100 * supervised.sqrt() + 100 * moments;
                    if (hStaticHat is not null)
                    {
                        // The static branch: fooling the static discriminator, and the static features' moments.
                        var yFakeS = nets.StaticDiscriminator!.forward(hStaticHat);
                        generatorLoss = generatorLoss + F.binary_cross_entropy_with_logits(yFakeS, ones(yFakeS))
                            + 100 * Moments(nets.StaticRecovery!.forward(hStaticHat), s!);
                    }
                    ZeroAll();
                    generatorLoss.backward();
                    Freeze(false, nets.Recovery, nets.Discriminator, nets.StaticRecovery, nets.StaticDiscriminator);
                    generatorOptimizer.Step();

                    // Embedder and recovery, on the same batch through the updated supervisor.
                    var hStatic2 = EmbedStatic(s);
                    var h2 = Embed(x, hStatic2);
                    var reconstruction = F.mse_loss(nets.Recovery.forward(h2), x);
                    var embedderLoss = 10 * reconstruction.sqrt() + 0.1 * SupervisedLoss(h2, hStatic2);
                    if (s is not null) embedderLoss = embedderLoss + 10 * StaticReconstruction(hStatic2, s).sqrt();
                    ZeroAll();
                    embedderLoss.backward();
                    embedderOptimizer.Step();

                    gAdv = adversarial.item<float>();
                    gSup = Math.Sqrt(supervised.item<float>());
                    gMoments = moments.item<float>();
                    eRec = Math.Sqrt(reconstruction.item<float>());
                }

                {
                    var (x, s) = Batch();
                    var z = Noise();
                    var zStatic = StaticNoise();
                    var (h, hStatic) = EmbedDetached(x, s);
                    var hStaticHat = zStatic is null ? null : Detached(nets.StaticGenerator!, zStatic);
                    var eHat = Detached(nets.Generator, TimeGanNetworks.Condition(z, hStaticHat));
                    var hHat = Detached(nets.Supervisor, TimeGanNetworks.Condition(eHat, hStaticHat));
                    var yReal = nets.Discriminator.forward(TimeGanNetworks.Condition(h, hStatic));
                    var yFake = nets.Discriminator.forward(TimeGanNetworks.Condition(hHat, hStaticHat));
                    var yFakeE = nets.Discriminator.forward(TimeGanNetworks.Condition(eHat, hStaticHat));
                    var discriminatorLoss = F.binary_cross_entropy_with_logits(yReal, ones(yReal))
                        + F.binary_cross_entropy_with_logits(yFake, zeros(yFake))
                        + options.Gamma * F.binary_cross_entropy_with_logits(yFakeE, zeros(yFakeE));
                    if (hStatic is not null)
                    {
                        var yRealS = nets.StaticDiscriminator!.forward(hStatic);
                        var yFakeS = nets.StaticDiscriminator.forward(hStaticHat!);
                        discriminatorLoss = discriminatorLoss + F.binary_cross_entropy_with_logits(yRealS, ones(yRealS))
                            + F.binary_cross_entropy_with_logits(yFakeS, zeros(yFakeS));
                    }
                    dLoss = discriminatorLoss.item<float>();
                    // Only a discriminator that is not already winning is trained (reference code: 0.15).
                    if (dLoss > options.DiscriminatorThreshold)
                    {
                        ZeroAll();
                        discriminatorLoss.backward();
                        discriminatorOptimizer.Step();
                    }
                }
                if (averaged is not null) Average(nets, averaged, options.EmaDecay);
                Report("joint", step, options.JointSteps, new()
                {
                    ["discriminator"] = dLoss, ["generator_adversarial"] = gAdv, ["supervised_rmse"] = gSup,
                    ["moments"] = gMoments, ["reconstruction_rmse"] = eRec,
                });
            }
            if (averaged is not null)
            {
                CopySampling(averaged, nets);
                nets.Averaged = null;
            }
            foreach (var net in nets.All) net.eval();
            return nets;
        }
        catch
        {
            nets.Dispose();
            throw;
        }
        finally
        {
            kept?.Dispose();
            averaged?.Dispose();
        }
    }

    /// <summary>
    /// A forward pass whose result is used as a constant (the reference's stop-gradient): run without
    /// recording it, which also spares the fused GRU keeping its activations for a backward that never comes.
    /// </summary>
    private static Tensor Detached(RecurrentNet net, Tensor input)
    {
        using var _ = torch.no_grad();
        return net.forward(input);
    }

    /// <summary>The joint phase's learning rate at <paramref name="step"/> (1-based): linear from <paramref name="start"/> to <paramref name="end"/> at the last step.</summary>
    internal static double JointLearningRate(double start, double end, int step, int steps) =>
        steps <= 1 ? end : start + (end - start) * (step - 1) / (steps - 1);

    private static bool IsFinite(RecurrentNet net) => net.parameters().All(p =>
    {
        using var finite = p.isfinite().all();
        return finite.item<bool>();
    });

    private static void CopySampling(TimeGanNetworks from, TimeGanNetworks to)
    {
        using var _ = torch.no_grad();
        foreach (var (source, target) in from.Sampling.Zip(to.Sampling))
            foreach (var (p, q) in source.parameters().Zip(target.parameters())) q.copy_(p);
    }

    /// <summary>average ← decay · average + (1 − decay) · weights, in place, for the sampling networks.</summary>
    private static void Average(TimeGanNetworks nets, TimeGanNetworks averaged, double decay)
    {
        using var _ = torch.no_grad();
        foreach (var (source, target) in nets.Sampling.Zip(averaged.Sampling))
            foreach (var (p, q) in source.parameters().Zip(target.parameters())) q.mul_(decay).add_(p, alpha: 1 - decay);
    }

    /// <summary>Turns weight gradients of <paramref name="nets"/> off (or back on); gradients still flow through them to their inputs.</summary>
    private static void Freeze(bool frozen, params RecurrentNet?[] nets)
    {
        foreach (var net in nets.OfType<RecurrentNet>())
            foreach (var parameter in net.parameters()) parameter.requires_grad = !frozen;
    }

    /// <summary>Mean absolute gap of the per-step, per-feature standard deviations and means over the batch (population moments).</summary>
    private static Tensor Moments(Tensor synthetic, Tensor real)
    {
        var std = (torch.var(synthetic, 0, unbiased: false) + 1e-6).sqrt() - (torch.var(real, 0, unbiased: false) + 1e-6).sqrt();
        var mean = synthetic.mean([0]) - real.mean([0]);
        return std.abs().mean() + mean.abs().mean();
    }
}
