using SynthKernelExtension.Notebook;

namespace SynthKernelExtension.Tests.Notebook;

public sealed class DirectiveTests
{
    [Fact]
    public void The_directive_syntax_mirrors_the_grammar()
    {
        var fit = Assert.Single(SynthDirectiveSyntax.Subcommands, c => c.Name == "fit");
        var data = Assert.Single(fit.Parameters, p => p.Implicit);
        Assert.Equal("data", data.Name);
        Assert.True(Assert.Single(fit.Parameters, p => p.Name == "--force").Flag);
        Assert.False(Assert.Single(fit.Parameters, p => p.Name == "--into").Flag);
        Assert.True(Assert.Single(fit.Parameters, p => p.Name == "--option").MaxOccurrences > 1);
        Assert.Equal(1, Assert.Single(fit.Parameters, p => p.Name == "--model").MaxOccurrences);
        foreach (var name in new[] { "sample", "run" })
            Assert.True(Assert.Single(Assert.Single(SynthDirectiveSyntax.Subcommands, c => c.Name == name).Parameters, p => p.Name == "--where").MaxOccurrences > 1);
        Assert.Equal(new SynthCommands.SynthGrammar().Root.Subcommands.Select(c => c.Name), SynthDirectiveSyntax.Subcommands.Select(c => c.Name));
        Assert.Contains("evaluate", SynthDirectiveSyntax.Subcommands.Select(c => c.Name));
        var model = Assert.Single(Assert.Single(SynthDirectiveSyntax.Subcommands, c => c.Name == "models").Parameters);
        Assert.True(model.Implicit);
        Assert.Equal("model", model.Name);
    }

    [Fact]
    public void Each_call_for_a_cell_gets_that_cells_next_synth_line_as_typed()
    {
        var lines = new MagicLines();
        var cell = new object();
        string code = "#!synth models\nvar x = 1;\n  #!synth describe df --categorical a,b\n#!synth models";
        // The kernel's parsed directive can lose a trailing subcommand ("#!synth models" -> "#!synth").
        Assert.Equal("#!synth models", lines.Next(cell, code, "Directive: #!synth"));
        Assert.Equal("#!synth describe df --categorical a,b", lines.Next(cell, code, "Directive: #!synth describe df --categorical a,b"));
        Assert.Equal("#!synth models", lines.Next(cell, code, "Directive: #!synth"));
        // Another cell starts again at its first line.
        Assert.Equal("#!synth models", lines.Next(new object(), code, "Directive: #!synth"));
    }

    [Fact]
    public void Without_a_matching_cell_line_the_parsed_directive_is_used()
    {
        var lines = new MagicLines();
        Assert.Equal("#!synth describe df", lines.Next(new object(), null, "Directive: #!synth describe df"));
        Assert.Equal("#!synth describe df", lines.Next(new object(), "var y = 2;", "Directive: #!synth describe df"));
    }
}
