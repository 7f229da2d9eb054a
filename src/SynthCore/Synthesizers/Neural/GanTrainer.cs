using SynthCore.Native;
using SynthCore.Torch;
using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// The GAN loop on a transformed table (rows × width floats): each step updates the
/// discriminator (critic) <see cref="GanOptions.CriticSteps"/> times on real rows and detached
/// generated rows, then the generator through the updated discriminator: the non-saturating BCE
/// loss, or the Wasserstein loss with a gradient penalty (WGAN-GP).
/// </summary>
internal static class GanTrainer
{
    /// <summary>Trains a generator for <paramref name="data"/> and returns the average of its recent weights, in eval mode.</summary>
    /// <param name="data">Row-major transformed rows.</param>
    /// <param name="rows">Rows in <paramref name="data"/>.</param>
    /// <param name="spans">The transform's output spans; their total width is the row width.</param>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite; carries the model before that step.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked every step.</exception>
    /// <param name="conditionSpan">The one-hot span of the condition column for a conditional GAN, else null.</param>
    /// <param name="wrap">Makes a fitted model of a generator: used for the last good state when training diverges.</param>
    /// <param name="conditionShares">With DP-SGD and a condition: the released (noisy) category shares the generated rows' conditions are drawn from.</param>
    public static GanGenerator Train(float[] data, int rows, IReadOnlyList<OutputSpan> spans, GanOptions options, OutputSpan? conditionSpan,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, Func<GanGenerator, IFittedSynthesizer> wrap, float[]? conditionShares = null)
    {
        TorchNativeLoader.EnsureLoaded();
        options.Validate();
        var device = TorchDevices.Resolve(options.Device);
        int width = spans.Sum(s => s.Width);
        if (rows < 1) throw new SynthException("The table has no rows to learn from.");
        if (data.Length != (long)rows * width)
            throw new ArgumentException($"Expected {rows} × {width} values, got {data.Length}.", nameof(data));

        using var threads = TorchThreads.Use(options.Threads);
        // One torch generator (weights, noise, Gumbel draws) and one System.Random (batch rows), both from the seed.
        var streams = new RandomStreams(options.Seed);
        using var torchRandom = streams.Torch("training");
        var batchRandom = streams.Stream("batches");

        using var generator = new GanGenerator(options.LatentDim, spans, options.GumbelTemperature, torchRandom, conditionSpan) { Randomness = torchRandom };
        generator.to(device);
        var averaged = new GanGenerator(options.LatentDim, spans, options.GumbelTemperature, torchRandom, conditionSpan);
        averaged.to(device);
        try
        {
            var average = new WeightAverage(averaged, generator, options.GeneratorAverageDecay);
            using var discriminator = new GanDiscriminator(width, options.Pac, torchRandom);
            discriminator.to(device);
            using var generatorOptimizer = optim.Adam(generator.parameters(), options.LearningRate, options.Beta1, options.Beta2);
            using var discriminatorOptimizer = optim.Adam(discriminator.parameters(), options.LearningRate, options.Beta1, options.Beta2);
            // DP-SGD draws its Poisson batches from its own seeded stream, so the non-private path is unchanged.
            var dp = options.DpNoiseMultiplier is null ? null : new GanDpSgd(discriminator, options, rows, torchRandom, streams.Stream("dp batches"));
            double dpLoss = 0;
            if (dp is not null && conditionSpan is not null && conditionShares?.Length != conditionSpan.Width)
                throw new ArgumentException("DP-SGD for the conditional GAN needs the released share of each condition category.", nameof(conditionShares));
            using var dpShares = dp is null || conditionShares is null ? null : torch.tensor(conditionShares);

            // Uploaded once; each step only gathers its rows.
            using var table = torch.tensor(data, [rows, width], device: device);
            int packs = options.BatchSize / options.Pac;
            using var realTarget = torch.full(packs, 1, options.RealLabel, device: device);
            using var fakeTarget = torch.zeros(packs, 1, device: device);
            using var generatorTarget = torch.ones(packs, 1, device: device);
            var batchRows = new long[options.BatchSize];

            generator.train();
            discriminator.train();
            bool wasserstein = options.Loss == GanLoss.WganGp;
            var clock = Stopwatch.StartNew();
            for (int step = 1; step <= options.Steps; step++)
            {
                using var scope = torch.NewDisposeScope();
                Tensor fake = null!, condition = null!, discriminatorLoss = null!, penalty = null!;
                double penaltyValue = 0;
                for (int critic = 1; critic <= options.CriticSteps; critic++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (dp is not null)
                    {
                        // Poisson batch of real rows (its size varies); as many fakes, and at least a full batch for the generator.
                        var chosen = dp.SampleRows();
                        var realRows = table.index_select(0, torch.tensor(chosen, device: device));
                        int generated = Math.Max(options.BatchSize, chosen.Length);
                        var dpNoise = torch.randn([generated, options.LatentDim], generator: torchRandom).to(device);
                        // The conditional GAN's fakes take conditions from the released shares, never from the real batch:
                        // the generator's batch normalisation would otherwise mix one row's category into every fake.
                        var dpInput = conditionSpan is { } cs
                            ? torch.cat([dpNoise, nn.functional.one_hot(torch.multinomial(dpShares!, generated, replacement: true, generator: torchRandom), cs.Width).to(ScalarType.Float32).to(device)], 1)
                            : dpNoise;
                        Tensor all;
                        using (critic == options.CriticSteps ? null : torch.no_grad()) all = generator.forward(dpInput);
                        fake = all.narrow(0, 0, options.BatchSize);
                        if (dp.ComputeGradients(discriminator, realRows, all.narrow(0, 0, chosen.Length).detach(), options, torchRandom) is var (loss, dpPenalty))
                        {
                            dpLoss = loss;
                            penaltyValue = dpPenalty;
                            CheckFinite(dpLoss + dpPenalty, wasserstein ? "critic" : "discriminator");
                        }
                        discriminatorOptimizer.step();
                        continue;
                    }
                    for (int i = 0; i < batchRows.Length; i++) batchRows[i] = batchRandom.Next(rows);
                    var real = table.index_select(0, torch.tensor(batchRows, device: device));
                    var noise = torch.randn([options.BatchSize, options.LatentDim], generator: torchRandom).to(device);
                    // The conditional GAN generates for the real rows' own categories, so both sides share the condition's distribution.
                    condition = conditionSpan is { } c ? real.narrow(1, c.Start, c.Width) : null!;
                    var input = conditionSpan is null ? noise : torch.cat([noise, condition], 1);
                    // Only the last critic step's rows train the generator; earlier ones need no graph.
                    bool last = critic == options.CriticSteps;
                    using (last ? null : torch.no_grad()) fake = generator.forward(input);

                    // Each loss is checked before its update is applied, so a divergence never reaches the weights.
                    discriminatorOptimizer.zero_grad();
                    if (wasserstein)
                    {
                        penalty = WassersteinPenalty.Compute(discriminator, real, fake.detach(), options.Pac, options.GradientPenalty, torchRandom);
                        discriminatorLoss = discriminator.forward(fake.detach()).mean() - discriminator.forward(real).mean();
                        var total = discriminatorLoss + penalty;
                        CheckFinite(total.item<float>(), "critic");
                        total.backward();
                    }
                    else
                    {
                        discriminatorLoss =
                            nn.functional.binary_cross_entropy_with_logits(discriminator.forward(real), realTarget)
                            + nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake.detach()), fakeTarget);
                        CheckFinite(discriminatorLoss.item<float>(), "discriminator");
                        discriminatorLoss.backward();
                    }
                    discriminatorOptimizer.step();
                }

                // Non-saturating generator loss: maximise log D(G(z)) rather than minimise log(1 − D(G(z))).
                // WGAN: maximise the critic's score of the generated rows.
                generatorOptimizer.zero_grad();
                var generatorLoss = wasserstein
                    ? -discriminator.forward(fake).mean()
                    : nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake), generatorTarget);
                double gLoss = generatorLoss.item<float>();
                CheckFinite(gLoss, "generator");
                generatorLoss.backward();
                generatorOptimizer.step();
                average.Update();
                double dLoss = dp is null ? discriminatorLoss.item<float>() : dpLoss;

                void CheckFinite(double loss, string network)
                {
                    if (!double.IsFinite(loss)) throw Diverged(step, network, loss);
                }

                if (progress is not null && (step % options.ProgressEvery == 0 || step == options.Steps))
                {
                    var elapsed = clock.Elapsed;
                    var remaining = TimeSpan.FromTicks(elapsed.Ticks / step * (options.Steps - step));
                    var losses = new Dictionary<string, double> { ["generator"] = gLoss, ["discriminator"] = dLoss };
                    if (wasserstein) losses["gradient_penalty"] = dp is null ? penalty.item<float>() : penaltyValue;
                    progress.Report(new TrainingProgress("train", step, options.Steps, losses, elapsed, remaining));
                }
            }
            averaged.eval();
            return averaged;

            TrainingDivergedException Diverged(int step, string network, double loss)
            {
                bool sound = averaged.parameters().All(p => p.isfinite().all().item<bool>());
                averaged.eval();
                return new TrainingDivergedException(
                    $"GAN training diverged at step {step} of {options.Steps}: the {network} loss became {loss}. "
                    + $"Try a lower --learning-rate (now {options.LearningRate})"
                    + (sound && step > 1 ? $"; the model as of step {step - 1} is kept." : "."),
                    step, sound && step > 1 ? wrap(averaged) : null);
            }
        }
        catch (TrainingDivergedException e) when (e.LastGood is not null)
        {
            throw; // The generator now belongs to the last-good model.
        }
        catch
        {
            averaged.Dispose();
            throw;
        }
    }
}
