using SynthTests.Support;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthCommands.Tests;

/// <summary><c>synth models NAME</c>: a model's --option settings come from the declaration the model applies them with.</summary>
public sealed class ModelsCommandTests
{
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void One_model_lists_its_options_with_types_and_the_defaults_it_fits_with()
    {
        Assert.Equal(0, Run("models", "ctgan"));
        var list = Assert.IsType<ModelList>(Assert.Single(host.Shown));
        Assert.True(list.WithOptions);
        var options = Assert.Single(list.Models).Options;
        Assert.Equal(options.Select(o => o.Name).Order(StringComparer.Ordinal), options.Select(o => o.Name));
        var pac = Assert.Single(options, o => o.Name == "pac");
        Assert.Equal(("whole number", "10"), (pac.Type, pac.Default));
        Assert.Equal("(none)", Assert.Single(options, o => o.Name == "dp-noise-multiplier").Default);
        string text = TextRendering.Render(list);
        Assert.Contains("generator-dims", text);
        Assert.Contains("256,256", text);
    }

    [Fact]
    public void Models_help_names_every_model_with_the_options_it_declares()
    {
        Assert.Equal(0, Run("models", "--help"));
        string help = string.Join("\n", host.Lines);
        foreach (var model in SynthesizerRegistry.Default.All)
            Assert.Contains($"  {model.Name}: {(model.Options.Count == 0 ? "none" : string.Join(", ", model.Options.Select(o => o.Name)))}\n", help + "\n");
        Assert.Contains("  ctgan: beta1, beta2, discriminator-dims,", help);
    }

    [Fact]
    public void Every_declared_option_is_one_the_model_accepts_at_its_listed_default()
    {
        foreach (var model in SynthesizerRegistry.Default.All)
        {
            Assert.NotEmpty(model.Description);
            foreach (var option in model.Options.Where(o => o.Default != "(none)"))
            {
                var extra = new Dictionary<string, string> { [option.Name] = option.Default };
                if (model.Name == "cgan") extra.TryAdd("condition", "x");
                var error = Record.Exception(() => model.Create(new SynthesizerSettings { Extra = extra }));
                Assert.True(error is null, $"{model.Name} --option {option.Name}={option.Default}: {error?.Message}");
            }
        }
    }

    [Fact]
    public void The_list_points_to_the_options_and_an_unknown_name_lists_the_known_ones()
    {
        Assert.Equal(0, Run("models"));
        Assert.Contains("synth models NAME", TextRendering.Render(Assert.IsType<ModelList>(Assert.Single(host.Shown))));
        Assert.Equal(1, Run("models", "nope"));
        Assert.Contains(host.Errors, e => e.Contains("unknown model 'nope'") && e.Contains("ctgan"));
    }
}
