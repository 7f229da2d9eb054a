namespace SynthCommands;

/// <summary><c>synth models [NAME]</c>: the registry's models with their descriptions, or one model with its <c>--option</c> settings.</summary>
internal static class ModelsCommand
{
    public static int Execute(string? name, CommandContext context)
    {
        var descriptors = name is null ? context.Registry.All : [context.Registry.Get(name)];
        var list = new ModelList(descriptors.Select(d => new ModelListEntry(d.Name, d.Description, d.Options)).ToArray(), WithOptions: name is not null);
        context.Host.Show(list);
        return ExitCodes.Success;
    }
}
