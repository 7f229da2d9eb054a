using SynthCore.Synthesizers.Neural;
using SynthCore.TimeSeries;

namespace SynthCore.Synthesizers;

/// <summary>The models SynthCore ships, in one list: add a model here to make it available everywhere.</summary>
internal static class BuiltIn
{
    public static SynthesizerRegistry Create()
    {
        var registry = new SynthesizerRegistry();
        registry.Register(GanRegistration.Descriptor);
        registry.Register(SequenceRegistration.TimeGan);
        registry.Register(SequenceRegistration.Arima);
        registry.Register(SequenceRegistration.Ar1);
        registry.Register(SequenceRegistration.BlockBootstrap);
        return registry;
    }
}
