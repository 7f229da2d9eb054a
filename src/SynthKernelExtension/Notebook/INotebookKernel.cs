namespace SynthKernelExtension.Notebook;

/// <summary>
/// Everything the <c>#!synth</c> magics need from a notebook kernel: read a variable, bind one,
/// show a value. The kernel glue (<c>extension.dib</c>) supplies it from the live kernel's API
/// (<see cref="DelegateNotebookKernel"/>); the notebook runner in the tests supplies it from Roslyn
/// scripting. Nothing else in this library touches the kernel.
/// </summary>
public interface INotebookKernel
{
    /// <summary>The value of the variable called <paramref name="name"/>, if the notebook has one.</summary>
    bool TryGetVariable(string name, out object? value);

    /// <summary>Declares (or re-declares) the variable <paramref name="name"/> of type <paramref name="declaredType"/> and binds it.</summary>
    Task SetVariableAsync(string name, object value, Type declaredType);

    /// <summary>Shows <paramref name="value"/> formatted as <paramref name="mimeType"/>; the handle replaces it in place.</summary>
    INotebookDisplay Display(object value, string mimeType);
}

/// <summary>One shown output that can be replaced in place.</summary>
public interface INotebookDisplay
{
    void Update(object value);
}
