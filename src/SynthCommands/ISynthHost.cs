using System.Data.Common;
using SynthCore.Registry;

namespace SynthCommands;

/// <summary>
/// Where the <c>synth</c> commands run: the console (names are file paths, output is text) or a
/// notebook kernel (names are variables, output is formatted display). The executor talks to
/// nothing else, so the same commands work in both, and tests supply a third, in-memory host.
/// </summary>
public interface ISynthHost
{
    /// <summary>The table called <paramref name="name"/>: a CSV path on the console, a variable in a notebook.</summary>
    /// <exception cref="SynthException">No such table, or it cannot be read; the message names it.</exception>
    DataFrame ResolveTable(string name);

    /// <summary>
    /// The file or folder <paramref name="name"/> reads as a table (so <c>--fit-rows</c> can stream it instead of
    /// reading it whole), or null when the name is a table in memory (a notebook variable) or not a file at all.
    /// </summary>
    string? TablePath(string name) => File.Exists(name) || Directory.Exists(name) ? name : null;

    /// <summary>
    /// The database connection <c>--from NAME</c> names, when this host keeps connections (a notebook's variable), else
    /// null and <c>--from</c> is a <c>scheme:FILE</c> of the host's table sources.
    /// </summary>
    /// <exception cref="SynthException">NAME is something else than a connection; the message names it.</exception>
    DbConnection? ResolveConnection(string name) => null;

    /// <summary>The fitted model called <paramref name="name"/>: a model file on the console (loaded through <paramref name="registry"/>), a variable in a notebook.</summary>
    /// <exception cref="SynthException">No such model, or it cannot be loaded; the message names it.</exception>
    IFittedSynthesizer ResolveModel(string name, SynthesizerRegistry registry);

    /// <summary>
    /// Keeps a result (a fitted model or a sampled table) under a name. A notebook binds a variable;
    /// the console does nothing, because the commands have already written their files.
    /// </summary>
    void Store(string name, object value);

    /// <summary>Shows a value (a result object or a <see cref="SynthCore.Training.TrainingProgress"/>) and returns a handle to replace it.</summary>
    IDisplayHandle Show(object value);

    /// <summary>How the user types a command here ("synth" on the console, "#!synth" in a notebook), for help and error messages.</summary>
    string CommandName => "synth";

    /// <summary>Whether <see cref="Show"/> draws charts (a notebook); otherwise charts are written to HTML files.</summary>
    bool ShowsCharts => false;

    /// <summary>Writes one line of normal output.</summary>
    void WriteLine(string message);

    /// <summary>Writes one line to the error output.</summary>
    void WriteError(string message);
}

/// <summary>A shown value that can be replaced in place (a progress bar, a notebook display).</summary>
public interface IDisplayHandle
{
    void Update(object value);
}
