using SynthCore.Registry;

namespace SynthCommands;

/// <summary><c>synth models [NAME]</c>: the registry's models with their descriptions, or one model with its <c>--option</c> settings.</summary>
internal sealed class ModelsCommand : SynthCommand
{
    private const string Summary = "List the available models; with a model's name, the --option settings it takes (type, default, what each sets).";

    public ModelsCommand() : base("models", Summary)
    {
        Arguments.Add(Model);
    }

    /// <summary>
    /// Lets <c>synth models --help</c> name every model of <paramref name="registry"/> with its <c>--option</c> settings,
    /// read from the declarations <c>synth models NAME</c> shows in full.
    /// </summary>
    internal void ListModelsIn(SynthesizerRegistry registry) =>
        Description = Summary + "\n\nModels and their --option settings:\n" + string.Join("\n", registry.All.Select(d =>
            $"  {d.Name}: {(d.Options.Count == 0 ? "none" : string.Join(", ", d.Options.Select(o => o.Name)))}"));

    internal Argument<string?> Model { get; } = new("model") { Description = "A model's name: list its --option settings.", Arity = ArgumentArity.ZeroOrOne };

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string? name = parse.GetValue(Model);
        var descriptors = name is null ? context.Registry.All : [context.Registry.Get(name)];
        var list = new ModelList(descriptors.Select(d => new ModelListEntry(d.Name, d.Description, d.Options)).ToArray(), WithOptions: name is not null);
        context.Host.Show(list);
        return ExitCodes.Success;
    }
}
