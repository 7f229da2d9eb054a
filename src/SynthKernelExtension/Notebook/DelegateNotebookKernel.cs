namespace SynthKernelExtension.Notebook;

/// <summary>
/// An <see cref="INotebookKernel"/> made of delegates, so that the kernel glue stays a few lambdas
/// over the live kernel's API and compiles nothing of its own.
/// </summary>
/// <param name="tryGetVariable">Returns (found, value) for a variable name.</param>
/// <param name="setVariable">Declares and binds a variable (name, value, declared type).</param>
/// <param name="display">Shows a value as a MIME type and returns what replaces it later.</param>
public sealed class DelegateNotebookKernel(
    Func<string, (bool Found, object? Value)> tryGetVariable,
    Func<string, object, Type, Task> setVariable,
    Func<object, string, Action<object>> display) : INotebookKernel
{
    public bool TryGetVariable(string name, out object? value)
    {
        (bool found, value) = tryGetVariable(name);
        return found;
    }

    public Task SetVariableAsync(string name, object value, Type declaredType) => setVariable(name, value, declaredType);

    public INotebookDisplay Display(object value, string mimeType) => new Handle(display(value, mimeType));

    private sealed class Handle(Action<object> update) : INotebookDisplay
    {
        public void Update(object value) => update(value);
    }
}
