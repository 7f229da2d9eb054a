using Microsoft.AspNetCore.Html;
using SynthKernelExtension.Notebook;

namespace SynthNotebooks.Tests;

/// <summary>
/// What the .NET Interactive C# kernel puts in scope of every cell besides the usings
/// (<c>using static Microsoft.DotNet.Interactive.Kernel</c>): <c>display(…)</c> and <c>HTML(…)</c>,
/// so notebooks that call them run here as they do in Polyglot. Public: Roslyn scripting binds a
/// submission's free names to the members of this globals object.
/// </summary>
public sealed class KernelGlobals
{
    private readonly INotebookKernel kernel;

    internal KernelGlobals(INotebookKernel kernel) => this.kernel = kernel;

    /// <summary>Shows the value as the first of <paramref name="mimeTypes"/> (HTML if none), like Kernel.display; the result updates it in place.</summary>
    public DisplayedValue display(object value, params string[] mimeTypes) =>
        new(kernel.Display(value, mimeTypes.Length > 0 ? mimeTypes[0] : "text/html"));

    /// <summary>Marks a string as HTML to be shown as is, like Kernel.HTML.</summary>
    public IHtmlContent HTML(string content) => new HtmlString(content);

    /// <summary>The handle <see cref="display"/> returns (Microsoft.DotNet.Interactive.DisplayedValue's Update).</summary>
    public sealed class DisplayedValue
    {
        private readonly INotebookDisplay shown;

        internal DisplayedValue(INotebookDisplay shown) => this.shown = shown;

        public void Update(object value) => shown.Update(value);
    }
}
