using SynthCore.Synthesizers.Neural;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Synthesizers.Statistical.DpCopula;

namespace SynthCore.Registry;

/// <summary>The models SynthCore ships, in one list: add a model here to make it available everywhere.</summary>
internal static class BuiltIn
{
    public static SynthesizerRegistry Create()
    {
        var registry = new SynthesizerRegistry();
        registry.Register(GanRegistration.Descriptor);
        registry.Register(GanRegistration.WassersteinDescriptor);
        registry.Register(GanRegistration.ConditionalDescriptor);
        registry.Register(DpCopulaRegistration.Descriptor);
        registry.Register(GaussianCopulaSynthesizer.Descriptor);
        registry.Register(DistributionsSynthesizer.Descriptor);
        registry.Register(BootstrapSynthesizer.Descriptor);
        registry.Register(SequenceRegistration.TimeGan);
        registry.Register(SequenceRegistration.Arima);
        registry.Register(SequenceRegistration.Ar1);
        registry.Register(SequenceRegistration.BlockBootstrap);
        registry.Register(CtganRegistration.Descriptor);
        registry.Register(TvaeRegistration.TvaeDescriptor);
        registry.Register(TvaeRegistration.VaeDescriptor);
        registry.Register(StatisticalRegistration.Smote);
        registry.Register(StatisticalRegistration.Kde);
        registry.Register(StatisticalRegistration.Gmm);
        registry.Register(StatisticalRegistration.Cart);
        return registry;
    }
}
