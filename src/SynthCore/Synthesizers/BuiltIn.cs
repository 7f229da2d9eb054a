using SynthCore.Privacy;
using SynthCore.Synthesizers.Neural;
using SynthCore.Synthesizers.Statistical;

namespace SynthCore.Synthesizers;

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
        registry.Register(StatisticalRegistration.Smote);
        registry.Register(StatisticalRegistration.Kde);
        registry.Register(StatisticalRegistration.Gmm);
        registry.Register(StatisticalRegistration.Cart);
        return registry;
    }
}
