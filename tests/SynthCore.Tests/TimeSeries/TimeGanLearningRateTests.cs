using SynthCore.Data.Sequences;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;

namespace SynthCore.Tests.TimeSeries;

/// <summary>TimeGAN's joint-phase learning-rate decay (<see cref="TimeGanOptions.FinalLearningRate"/>).</summary>
public class TimeGanLearningRateTests
{
    private static readonly SequenceData Sines = SequenceData.FromSequences(SinesData.Generate(120, 10, 2, seed: 9, SinesVariant.ReferenceCode));

    private static float[] Weights(TimeGanNetworks nets) =>
        nets.All.SelectMany(n => n.parameters()).SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    /// <summary>Every network's weights after each joint iteration of a 3-iteration joint phase.</summary>
    private static List<float[]> JointIterates(double? final)
    {
        var options = new TimeGanOptions
        {
            HiddenDim = 5, Layers = 2, Iterations = 4, JointIterations = 3, BatchSize = 16, Seed = 3, LearningRate = 5e-3,
            FinalLearningRate = final, DiscriminatorThreshold = 0,
        };
        var iterates = new List<float[]>();
        using var model = new TimeGanSynthesizer(options).Fit(Sines, null, default, (phase, _, nets) =>
        {
            if (phase == "joint") iterates.Add(Weights(nets));
        });
        return iterates;
    }

    [Fact]
    public void The_rate_falls_linearly_to_the_final_one_at_the_last_iteration()
    {
        Assert.Equal(0.005, TimeGanTrainer.JointLearningRate(0.005, 0.001, 1, 5), 12);
        Assert.Equal(0.004, TimeGanTrainer.JointLearningRate(0.005, 0.001, 2, 5), 12);
        Assert.Equal(0.001, TimeGanTrainer.JointLearningRate(0.005, 0.001, 5, 5), 12);
        Assert.Equal(0.001, TimeGanTrainer.JointLearningRate(0.005, 0.001, 1, 1), 12);
    }

    [Fact]
    public void A_final_rate_of_zero_leaves_the_last_iteration_without_effect()
    {
        var decayed = JointIterates(0);
        Assert.Equal(3, decayed.Count);
        Assert.NotEqual(decayed[0], decayed[1]);   // halfway: half the rate, still moving
        Assert.Equal(decayed[1], decayed[2]);      // last: rate 0, every optimizer stands still
        var constant = JointIterates(null);
        Assert.NotEqual(constant[1], constant[2]);
        Assert.Equal(constant[0], decayed[0]);     // the first iteration runs at the full rate either way
    }

    [Theory]
    [InlineData("-0.001")]
    [InlineData("0.01")]
    [InlineData("nan")]
    public void A_final_rate_outside_0_to_the_rate_is_refused_by_name(string value)
    {
        var e = Assert.Throws<SynthOptionException>(() =>
            SynthesizerRegistry.Default.Create("timegan", new SynthesizerSettings { Extra = new Dictionary<string, string> { ["final-learning-rate"] = value } }));
        Assert.Contains("final-learning-rate", e.Message);
    }
}
