namespace SynthCommands;

/// <summary><c>synth models</c>: the registry's models with their descriptions.</summary>
internal static class ModelsCommand
{
    public static int Execute(CommandContext context)
    {
        var list = new ModelList(context.Registry.All.Select(d => new ModelListEntry(d.Name, d.Description)).ToArray());
        context.Host.Show(list);
        return ExitCodes.Success;
    }
}
