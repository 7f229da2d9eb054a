using SynthCore.Privacy;
using SynthCore.Synthesizers.Neural;

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
        return registry;
    }
}
