using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;
using SynthKernelExtension.Notebook;

namespace SynthNotebooks.Tests;

/// <summary>
/// The notebook runner's kernel: C# submissions run with Roslyn scripting one after another on one
/// script state (as the .NET Interactive C# kernel does), variables are that state's variables, and
/// displays are outputs of the current cell, updated in place as a notebook front end shows them.
/// Cells see the kernel's <c>display</c> and <c>HTML</c> helpers (<see cref="KernelGlobals"/>).
/// </summary>
internal sealed class ScriptKernel : INotebookKernel
{
    private static readonly string[] Imports =
    [
        // The C# kernel's default usings.
        "System", "System.Text", "System.Threading.Tasks", "System.Linq", "System.Collections.Generic", "System.IO",
    ];

    private readonly ScriptOptions options = ScriptOptions.Default
        .WithReferences(TrustedAssemblies())
        .WithImports(Imports)
        .WithEmitDebugInformation(false);

    private ScriptState<object>? state;

    public ScriptKernel() => globals = new KernelGlobals(this);

    private readonly KernelGlobals globals;

    /// <summary>The outputs of the cell being run (nbformat output objects).</summary>
    public List<JsonObject> Outputs { get; set; } = [];

    /// <summary>Runs C# code; a trailing expression's value is displayed, as in a notebook.</summary>
    public async Task RunAsync(string code)
    {
        state = state is null
            ? await CSharpScript.RunAsync(code, options, globals, typeof(KernelGlobals))
            : await state.ContinueWithAsync(code, options);
        if (state.ReturnValue is { } value) Display(value, "text/html");
    }

    public bool TryGetVariable(string name, out object? value)
    {
        var variable = state?.Variables.LastOrDefault(v => v.Name == name);
        value = variable?.Value;
        return variable is not null;
    }

    /// <summary>Declares the variable in a submission of its own, then binds the value (what CSharpKernel.SetValueAsync does).</summary>
    public async Task SetVariableAsync(string name, object value, Type declaredType)
    {
        string declaration = $"{declaredType.FullName!.Replace('+', '.')} {name} = default;";
        state = state is null ? await CSharpScript.RunAsync(declaration, options, globals, typeof(KernelGlobals)) : await state.ContinueWithAsync(declaration, options);
        state.GetVariable(name).Value = value;
    }

    public INotebookDisplay Display(object value, string mimeType)
    {
        var output = new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = new JsonObject { [mimeType] = Formatter.ToDisplayString(value, mimeType) },
            ["metadata"] = new JsonObject(),
        };
        Outputs.Add(output);
        return new Shown(output, mimeType);
    }

    private static IEnumerable<MetadataReference> TrustedAssemblies() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path));

    private sealed class Shown(JsonObject output, string mimeType) : INotebookDisplay
    {
        public void Update(object value) => output["data"] = new JsonObject { [mimeType] = Formatter.ToDisplayString(value, mimeType) };
    }
}
