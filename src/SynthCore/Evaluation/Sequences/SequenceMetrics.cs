using SynthCore.Native;
using SynthCore.Torch;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SynthCore.Evaluation.Sequences;

/// <summary>Settings of the post-hoc networks of the TimeGAN paper's scores.</summary>
public sealed record SequenceMetricOptions
{
    /// <summary>Training iterations (reference code: 2,000 for the discriminative, 5,000 for the predictive score).</summary>
    public int? Iterations { get; init; }

    /// <summary>GRU units; null for half the features (the reference's choice), at least 2.</summary>
    public int? HiddenDim { get; init; }

    /// <summary>
    /// GRU layers of the classifier and of the predictor; null for 1, the reference code's for both
    /// (the paper's scores were computed so; the 2-layer classifier is <c>Layers = 2</c>).
    /// </summary>
    public int? Layers { get; init; }

    /// <summary>Sequences per batch; the classifier takes this many real and this many synthetic ones per step, as the reference does.</summary>
    public int BatchSize { get; init; } = 128;
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; } = 42;
    public int Threads { get; init; } = 1;

    /// <summary>Share of each set held out for testing (the reference's 80/20 split).</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>
    /// How the classifier's and the predictor's GRUs and output layers are initialised: as TensorFlow 1's
    /// GRUCell and dense layer (the reference code's, so scores compare with the paper's table) or as PyTorch's.
    /// </summary>
    public RecurrentInitialization Initialization { get; init; } = RecurrentInitialization.TensorFlow;

    /// <summary>Stops the networks' training between iterations (Ctrl+C in <c>synth run</c> and <c>evaluate</c>).</summary>
    public CancellationToken Cancellation { get; init; }

    internal void Validate()
    {
        if (Iterations is < 1) throw new SynthOptionException("iterations", $"must be at least 1 (got {Iterations}).");
        if (HiddenDim is < 1) throw new SynthOptionException("hidden-dim", $"must be at least 1 (got {HiddenDim}).");
        if (Layers is < 1) throw new SynthOptionException("layers", $"must be at least 1 (got {Layers}).");
        if (BatchSize < 1) throw new SynthOptionException("batch-size", $"must be at least 1 (got {BatchSize}).");
        if (!(TestFraction > 0 && TestFraction < 1)) throw new SynthOptionException("test-fraction", $"must be in (0, 1) (got {TestFraction}).");
        SynthCore.Resources.ResourceGuard.EnsureThreads("threads", Threads);
    }
}

/// <summary>The discriminative score: a classifier's held-out accuracy telling real from synthetic, and |accuracy − 0.5|.</summary>
public sealed record DiscriminativeScore(double Accuracy, double Score);

/// <summary>The predictive score: next-step MAE on real sequences of a predictor trained on synthetic ones (and of one trained on real, for reference).</summary>
public sealed record PredictiveScore(double TrainOnSyntheticMae, double TrainOnRealMae);

/// <summary>
/// The TimeGAN paper's post-hoc scores, on sequences in the same scaled units (usually [0, 1]):
/// a GRU classifier of real vs synthetic (discriminative) and a GRU next-step predictor trained on
/// synthetic and tested on real (predictive), as laid out in the authors' reference code.
/// </summary>
public static class SequenceMetrics
{
    /// <summary>
    /// Trains a GRU classifier on 80% of each set (real = 1, synthetic = 0) and reports its accuracy
    /// on the other 20%; the score is |accuracy − 0.5| (0 is indistinguishable, 0.5 is trivially told apart).
    /// </summary>
    public static DiscriminativeScore Discriminative(float[][][] real, float[][][] synthetic, SequenceMetricOptions? options = null)
    {
        options ??= new SequenceMetricOptions();
        options.Validate();
        var (length, features) = Shape(real, synthetic);
        TorchNativeLoader.EnsureLoaded();
        using var threads = TorchThreads.Use(options.Threads);
        var streams = new RandomStreams(options.Seed).Child("discriminative");
        using var torchRandom = streams.Torch("network");
        var random = streams.Stream("splits and batches");

        var (realTrain, realTest) = Split(real, options.TestFraction, random);
        var (synthTrain, synthTest) = Split(synthetic, options.TestFraction, random);
        using var realX = ToTensor(realTrain, length, features);
        using var synthX = ToTensor(synthTrain, length, features);
        using var testX = ToTensor(realTest.Concat(synthTest).ToArray(), length, features);
        using var testY = torch.cat([torch.ones(realTest.Length, 1), torch.zeros(synthTest.Length, 1)]);

        using var net = Train("classifier", features, features, sigmoid: false, defaultIterations: 2000, torchRandom, options, net =>
        {
            // Each step sees a batch of each class (distinct sequences within a batch), and the two
            // losses are summed, as the reference's d_loss_real + d_loss_fake.
            var realLogits = net.ForwardLast(realX.index_select(0, DistinctIndices(realTrain.Length, options.BatchSize, random)));
            var synthLogits = net.ForwardLast(synthX.index_select(0, DistinctIndices(synthTrain.Length, options.BatchSize, random)));
            return F.binary_cross_entropy_with_logits(realLogits, torch.ones_like(realLogits))
                + F.binary_cross_entropy_with_logits(synthLogits, torch.zeros_like(synthLogits));
        });
        using var _ = torch.no_grad();
        using var logits = net.ForwardLast(testX);
        using var predicted = logits.gt(0).to(ScalarType.Float32);
        double accuracy = predicted.eq(testY).to(ScalarType.Float32).mean().item<float>();
        return new DiscriminativeScore(accuracy, Math.Abs(accuracy - 0.5));
    }

    /// <summary>
    /// Trains a GRU (on <paramref name="synthetic"/>, then separately on 80% of <paramref name="real"/>)
    /// to predict the last feature at step t+1 from the other features up to t (every feature of
    /// its own past when there is one feature), and reports each model's mean absolute error on
    /// real sequences (all of them for the synthetic-trained model, the held-out 20% for the real-trained one).
    /// </summary>
    public static PredictiveScore Predictive(float[][][] real, float[][][] synthetic, SequenceMetricOptions? options = null)
    {
        options ??= new SequenceMetricOptions();
        options.Validate();
        Shape(real, synthetic);
        TorchNativeLoader.EnsureLoaded();
        using var threads = TorchThreads.Use(options.Threads);
        var (realTrain, realTest) = Split(real, options.TestFraction, new RandomStreams(options.Seed).Child("predictive").Stream("split"));
        double onSynthetic = TrainPredictor(synthetic, real, options);
        double onReal = TrainPredictor(realTrain, realTest, options);
        return new PredictiveScore(onSynthetic, onReal);
    }

    private static double TrainPredictor(float[][][] train, float[][][] test, SequenceMetricOptions options)
    {
        int features = train[0][0].Length;
        var streams = new RandomStreams(options.Seed).Child("predictive");
        using var torchRandom = streams.Torch("network");
        var random = streams.Stream("batches");
        var (trainX, trainY) = PredictionPairs(train);
        var (testX, testY) = PredictionPairs(test);
        using var disposeX = trainX; using var disposeY = trainY; using var disposeTX = testX; using var disposeTY = testY;
        int inputs = (int)trainX.shape[2];
        using var net = Train("predictor", inputs, features, sigmoid: true, defaultIterations: 5000, torchRandom, options, net =>
        {
            var idx = BatchIndices(trainX.shape[0], options.BatchSize, random);
            return F.l1_loss(net.forward(trainX.index_select(0, idx)), trainY.index_select(0, idx));
        });
        using var _ = torch.no_grad();
        using var prediction = net.forward(testX);
        return (prediction - testY).abs().mean().item<float>();
    }

    /// <summary>
    /// A one-output GRU (hidden size: half of <paramref name="features"/>, at least 2, unless the options give it) trained with
    /// Adam for the options' iterations (<paramref name="defaultIterations"/> unless given), each step on the loss
    /// <paramref name="loss"/> computes inside the step's dispose scope. The caller disposes the network.
    /// </summary>
    private static RecurrentNet Train(string name, int inputs, int features, bool sigmoid, int defaultIterations, torch.Generator init,
        SequenceMetricOptions options, Func<RecurrentNet, Tensor> loss)
    {
        int hidden = options.HiddenDim ?? Math.Max(2, features / 2);
        var net = new RecurrentNet(name, inputs, hidden, options.Layers ?? 1, 1, sigmoid, init, options.Initialization);
        try
        {
            using var optimizer = optim.Adam(net.parameters(), options.LearningRate);
            int iterations = options.Iterations ?? defaultIterations;
            for (int i = 0; i < iterations; i++)
            {
                options.Cancellation.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var step = loss(net);
                optimizer.zero_grad();
                step.backward();
                optimizer.step();
            }
            return net;
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    /// <summary>Inputs: steps 0..T−2 of the other features (or all, for one feature); targets: steps 1..T−1 of the last feature.</summary>
    private static (Tensor X, Tensor Y) PredictionPairs(float[][][] sequences)
    {
        int length = sequences[0].Length, features = sequences[0][0].Length;
        int inputs = features > 1 ? features - 1 : 1;
        var x = new float[sequences.Length * (length - 1) * inputs];
        var y = new float[sequences.Length * (length - 1)];
        int xi = 0, yi = 0;
        foreach (var s in sequences)
            for (int t = 0; t < length - 1; t++)
            {
                for (int f = 0; f < inputs; f++) x[xi++] = s[t][f];
                y[yi++] = s[t + 1][features - 1];
            }
        return (torch.tensor(x, [sequences.Length, length - 1, inputs]), torch.tensor(y, [sequences.Length, length - 1, 1]));
    }

    private static (int Length, int Features) Shape(float[][][] real, float[][][] synthetic)
    {
        if (real.Length < 2 || synthetic.Length < 2) throw new SynthException("The scores need at least 2 real and 2 synthetic sequences.");
        int length = real[0].Length, features = real[0][0].Length;
        if (length < 2) throw new SynthException("The scores need sequences of at least 2 steps.");
        foreach (var s in real.Concat(synthetic))
            if (s.Length != length || s.Any(step => step.Length != features))
                throw new SynthException($"Every sequence must have {length} steps of {features} features, as the first real one.");
        return (length, features);
    }

    private static (float[][][] Train, float[][][] Test) Split(float[][][] data, double testFraction, Random random)
    {
        var shuffled = (float[][][])data.Clone();
        random.Shuffle(shuffled);
        int test = Math.Clamp((int)Math.Round(data.Length * testFraction), 1, data.Length - 1);
        return (shuffled[test..], shuffled[..test]);
    }

    private static Tensor ToTensor(float[][][] sequences, int length, int features)
    {
        var flat = new float[sequences.Length * length * features];
        int i = 0;
        foreach (var s in sequences)
            foreach (var step in s)
                foreach (var v in step) flat[i++] = v;
        return torch.tensor(flat, [sequences.Length, length, features]);
    }

    /// <summary>min(batch, count) distinct indices below <paramref name="count"/> (the reference's permutation[:batch]), by a partial Fisher–Yates shuffle.</summary>
    private static Tensor DistinctIndices(int count, int batch, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var idx = new long[Math.Min(batch, count)];
        for (int i = 0; i < idx.Length; i++)
        {
            int j = random.Next(i, count);
            (order[i], order[j]) = (order[j], order[i]);
            idx[i] = order[i];
        }
        return torch.tensor(idx);
    }

    private static Tensor BatchIndices(long count, int batch, Random random)
    {
        var idx = new long[Math.Min(batch, count)];
        for (int i = 0; i < idx.Length; i++) idx[i] = random.NextInt64(count);
        return torch.tensor(idx);
    }
}
