using SynthCore.Native;
using SynthCore.Torch;
using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// CTGAN's training loop (Xu et al. 2019, Algorithm 1 with the WGAN-GP loss): per step, the
/// critic sees real rows drawn to match a shuffled copy of the batch's conditional vectors and
/// generated rows for the originals, with the gradient penalty; then the generator is updated to
/// raise the critic's score plus the cross-entropy between its output for each row's chosen
/// column and the chosen category. Everything per step is torch ops on preallocated tables; each
/// step's temporaries are freed by a dispose scope.
/// </summary>
internal static class CtganTrainer
{
    /// <summary>Steps between returning freed native memory to the system (see <see cref="NativeHeap"/>).</summary>
    private const int TrimEvery = 10;

    /// <param name="data">Encoded rows (rows × layout width).</param>
    /// <param name="wrap">Makes a fitted model of a generator: the last good state when training diverges (null: none is kept).</param>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite; carries the model as of the last clean epoch.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked every step.</exception>
    public static CtganGenerator Train(float[] data, int rows, ModeSpecificNormalizer layout, ConditionalVectorSampler sampler, CtganOptions options,
        torch.Generator random, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, Stopwatch clock,
        Func<CtganGenerator, IFittedSynthesizer>? wrap = null)
    {
        TorchNativeLoader.EnsureLoaded();
        var device = TorchDevices.Resolve(options.Device);
        int width = layout.Width, batch = options.BatchSize;
        var categories = layout.Discrete.ToArray();
        var categorySoftmax = new SegmentedSoftmax(categories.Select(c => (c.Start, c.Width)).ToArray(), width);
        using var conditionSlots = torch.tensor(categories.SelectMany(c => Enumerable.Range(c.Start, c.Width)).Select(f => categorySoftmax.Slot[f]).ToArray(), device: device);

        var generator = new CtganGenerator(options.EmbeddingDim + sampler.Width, options.GeneratorDims, layout.Spans, options.GumbelTemperature, random) { Randomness = random };
        CtganGenerator? averaged = null;
        try
        {
            generator.to(device);
            WeightAverage? average = null;
            if (options.GeneratorAverageDecay > 0)
            {
                // Its initial weights are the generator's (copied by WeightAverage), so it draws from a
                // throwaway stream and leaves the fit's own draws as they are without averaging.
                using var init = new torch.Generator(0, torch.CPU);
                averaged = new CtganGenerator(options.EmbeddingDim + sampler.Width, options.GeneratorDims, layout.Spans, options.GumbelTemperature, init) { Randomness = random };
                averaged.to(device);
                average = new WeightAverage(averaged, generator, options.GeneratorAverageDecay);
            }
            var returned = averaged ?? generator;
            using var discriminator = new CtganDiscriminator(width + sampler.Width, options.DiscriminatorDims, options.Pac, options.Dropout, random) { Randomness = random };
            discriminator.to(device);
            using var generatorOptimizer = new FusedAdam(generator.parameters(), options.GeneratorLearningRate, options.Beta1, options.Beta2, options.WeightDecay);
            using var discriminatorOptimizer = new FusedAdam(discriminator.parameters(), options.DiscriminatorLearningRate, options.Beta1, options.Beta2, options.WeightDecay);

            using var table = torch.tensor(data, [rows, width], device: device);
            using var dp = options.DpNoiseMultiplier is null ? null : new CtganDpSgd(discriminator, options, table, layout, random);
            using var lastGood = new CtganSnapshot(returned);
            var noise = new UniformNoise(random);
            int stepsPerEpoch = Math.Max(rows / batch, 1);
            generator.train();
            discriminator.train();

            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                double generatorSum = 0, discriminatorSum = 0, penaltySum = 0;
                for (int step = 0; step < stepsPerEpoch; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = torch.NewDisposeScope();
                    for (int d = 0; d < options.DiscriminatorSteps; d++)
                    {
                        if (dp is not null)
                        {
                            if (dp.ComputeGradients(generator, discriminator, sampler, table, options) is var (dpLoss, dpPenalty))
                            {
                                discriminatorSum += dpLoss / options.DiscriminatorSteps;
                                penaltySum += dpPenalty / options.DiscriminatorSteps;
                            }
                            discriminatorOptimizer.Step();
                            continue;
                        }
                        var (fakeInput, fakeCondition, realRows, realCondition) = CriticBatch(sampler, batch, rows, options.EmbeddingDim, random, device);
                        Tensor fake;
                        using (torch.no_grad())
                        {
                            var fakeRaw = generator.forward(fakeInput);
                            fake = generator.Activate(fakeRaw, noise.Next(fakeRaw.shape, device));
                        }
                        var real = table.index_select(0, realRows);
                        var realJoined = realCondition is null ? real : torch.cat([real, realCondition], 1);
                        var fakeJoined = fakeCondition is null ? fake : torch.cat([fake, fakeCondition], 1);

                        var (loss, penalty) = CtganCriticGradients.CriticStep(discriminator, fakeJoined, realJoined, options.GradientPenalty, noise);
                        discriminatorOptimizer.Step();
                        discriminatorSum += loss.item<float>() / options.DiscriminatorSteps;
                        penaltySum += penalty.item<float>() / options.DiscriminatorSteps;
                    }

                    var latent = torch.randn([batch, options.EmbeddingDim], generator: random).to(device);
                    Tensor input = latent, condition = null!, conditionIndex = null!;
                    if (sampler.Columns > 0)
                    {
                        // DP: conditions at the released frequencies, as the real rows' own conditions are drawn.
                        (condition, conditionIndex) = dp is null ? sampler.SampleForTraining(batch) : sampler.SampleOriginal(batch);
                        input = torch.cat([latent, condition], 1);
                    }
                    var raw = generator.forward(input);
                    var generated = generator.Activate(raw, noise.Next(raw.shape, device));
                    // The critic's part of the loss, −mean score, enters autograd at the generated rows
                    // through its hand-derived gradient (the critic's weights need none here).
                    var (meanScore, scoreGradient) = CtganCriticGradients.ScoreGradient(discriminator,
                        condition is null ? generated.detach() : torch.cat([generated.detach(), condition], 1), noise);
                    var backpropagated = (generated * scoreGradient.narrow(1, 0, width)).sum();
                    var generatorLoss = -meanScore;
                    if (condition is not null)
                    {
                        var conditionLoss = ConditionLoss(raw, conditionIndex, categorySoftmax, conditionSlots);
                        backpropagated = backpropagated + conditionLoss;
                        generatorLoss = generatorLoss + conditionLoss.detach();
                    }
                    generatorOptimizer.ZeroGrad();
                    backpropagated.backward();
                    generatorOptimizer.Step();
                    average?.Update();
                    generatorSum += generatorLoss.item<float>();
                    if (step % TrimEvery == TrimEvery - 1) NativeHeap.Trim();
                }

                double g = generatorSum / stepsPerEpoch, dl = discriminatorSum / stepsPerEpoch, pen = penaltySum / stepsPerEpoch;
                if (!double.IsFinite(g) || !double.IsFinite(dl))
                    throw lastGood.Diverged(epoch, options, g, dl, sampler.Width, layout, wrap);
                lastGood.Keep();
                if (progress is not null)
                {
                    var elapsed = clock.Elapsed;
                    progress.Report(new TrainingProgress("train", epoch, options.Epochs,
                        new Dictionary<string, double> { ["generator"] = g, ["discriminator"] = dl, ["gradient_penalty"] = pen },
                        elapsed, TimeSpan.FromTicks(elapsed.Ticks / epoch * (options.Epochs - epoch))));
                }
            }
            returned.eval();
            if (averaged is not null) generator.Dispose();
            return returned;
        }
        catch
        {
            generator.Dispose();
            averaged?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The critic's batch: generator input for conditions c₁, and real rows for c₂ = a shuffle of
    /// c₁ (so real and generated rows carry the same conditions, in different orders).
    /// </summary>
    private static (Tensor FakeInput, Tensor? FakeCondition, Tensor RealRows, Tensor? RealCondition) CriticBatch(
        ConditionalVectorSampler sampler, int batch, int rows, int embedding, torch.Generator random, Device device)
    {
        var noise = torch.randn([batch, embedding], generator: random).to(device);
        if (sampler.Columns == 0)
            return (noise, null, torch.randint(0, rows, [batch], dtype: ScalarType.Int64, generator: random).to(device), null);
        var (condition, shuffled, realRows) = sampler.SampleForCritic(batch);
        return (torch.cat([noise, condition], 1), condition, realRows, shuffled);
    }

    /// <summary>
    /// Mean over rows of the cross-entropy between the generator's logits for the row's chosen
    /// column and the chosen category: the log-softmax of every categorical column at once, and
    /// of it only the chosen category's entry (what Σ one-hot condition · log-softmax picks).
    /// </summary>
    /// <param name="conditionIndex">Each row's conditional-vector index.</param>
    /// <param name="conditionSlots">Per conditional-vector index: its slot in <paramref name="categories"/>' padded output.</param>
    internal static Tensor ConditionLoss(Tensor raw, Tensor conditionIndex, SegmentedSoftmax categories, Tensor conditionSlots)
    {
        var logProbabilities = categories.PaddedLogSoftmax(raw);
        return -logProbabilities.gather(0, conditionSlots.index_select(0, conditionIndex).unsqueeze(0)).mean();
    }
}
