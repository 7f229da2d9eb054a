using System.Data.Common;
using Microsoft.Data.Analysis;
using SynthCommands;
using SynthCore;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Training;
using SynthKernelExtension.Formatters;

namespace SynthKernelExtension.Notebook;

/// <summary>
/// The notebook's side of the commands: a name is a variable of the notebook first and a file
/// path second; results are bound to variables; everything shown is HTML through the registered
/// formatters; a fit's progress is one display updated in place. One host serves one command.
/// </summary>
public sealed class NotebookHost(INotebookKernel kernel) : ISynthHost
{
    private const string Html = "text/html";

    private readonly List<(string Name, object Value)> stores = [];
    private readonly List<(TrainingView View, INotebookDisplay Display)> fits = [];

    public string CommandName => "#!synth";

    public bool ShowsCharts => true;

    public DataFrame ResolveTable(string name)
    {
        if (kernel.TryGetVariable(name, out var value))
            return value as DataFrame
                ?? throw new SynthException($"The variable '{name}' is a {TypeName(value)}, not a DataFrame.");
        if (File.Exists(name) || Directory.Exists(name)) return TableFile.Read(name);
        throw new SynthException($"There is no DataFrame variable, CSV or Parquet file, or folder called '{name}'.");
    }

    // A variable comes first, as in ResolveTable.
    public string? TablePath(string name) =>
        !kernel.TryGetVariable(name, out _) && (File.Exists(name) || Directory.Exists(name)) ? name : null;

    /// <summary>
    /// A connection the user opened in a C# cell (<c>var conn = new SqliteConnection(…)</c>), named by <c>--from conn</c>:
    /// the notebook package carries no database provider, any ADO.NET one the notebook loads will do. A name that is no
    /// variable is left to the table sources (none here), which say how to give a connection.
    /// </summary>
    public DbConnection? ResolveConnection(string name)
    {
        if (!kernel.TryGetVariable(name, out var value)) return null;
        return value as DbConnection
            ?? throw new SynthOptionException("--from", $"the variable '{name}' is a {TypeName(value)}, not a database connection (a System.Data.Common.DbConnection, e.g. new SqliteConnection(\"Data Source=people.db\") or new DuckDBConnection(\"Data Source=people.duckdb\")).");
    }

    public IFittedSynthesizer ResolveModel(string name, SynthesizerRegistry registry)
    {
        if (kernel.TryGetVariable(name, out var value))
            return value as IFittedSynthesizer
                ?? throw new SynthException($"The variable '{name}' is a {TypeName(value)}, not a fitted model.");
        if (!File.Exists(name)) throw new SynthException($"There is no fitted-model variable or model file called '{name}'.");
        try
        {
            using var stream = File.OpenRead(name);
            return registry.Load(stream);
        }
        catch (SynthException e) when (e is not SynthFileException)
        {
            throw new SynthFileException(name, e.Message, e);
        }
    }

    /// <summary>Kept until the command has finished (<see cref="FinishAsync"/>): a failed command binds nothing.</summary>
    public void Store(string name, object value) => stores.Add((VariableName.IsValid(name) ? name : VariableName.From(name), value));

    public IDisplayHandle Show(object value)
    {
        if (value is TrainingProgress progress)
        {
            var view = new TrainingView(progress);
            var display = kernel.Display(view, Html);
            // The first display brought plotly.js to the page; the frequent updates draw with it.
            view.CarriesPlotly = false;
            fits.Add((view, display));
            return new TrainingHandle(view, display);
        }
        return new Handle(kernel.Display(value, Html));
    }

    public void WriteLine(string message) => kernel.Display(new SynthMessage(message), Html);

    public void WriteError(string message)
    {
        const string prefix = "error: ";
        kernel.Display(new SynthError(message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message), Html);
    }

    /// <summary>Closes the progress displays with how the command ended and, if it succeeded, binds its results to variables.</summary>
    public async Task FinishAsync(int exitCode)
    {
        var status = exitCode switch
        {
            ExitCodes.Success => TrainingStatus.Completed,
            ExitCodes.Cancelled => TrainingStatus.Cancelled,
            _ => TrainingStatus.Failed,
        };
        foreach (var (view, display) in fits)
        {
            if (view.Status != TrainingStatus.Running) continue;
            // A fit that finished before a later step failed (e.g. the export) still completed.
            bool trained = view.Latest.Step >= view.Latest.TotalSteps;
            view.Finish(trained && status == TrainingStatus.Failed ? TrainingStatus.Completed : status);
            display.Update(view);
        }
        if (exitCode != ExitCodes.Success) return;
        foreach (var (name, value) in stores)
        {
            var declared = value switch
            {
                DataFrame => typeof(DataFrame),
                IFittedSynthesizer => typeof(IFittedSynthesizer),
                _ => value.GetType(),
            };
            await kernel.SetVariableAsync(name, value, declared);
            kernel.Display(new StoredVariable(name, declared.Name, HtmlSummaries.OneLine(value)), Html);
        }
    }

    private static string TypeName(object? value) => value?.GetType().Name ?? "null";

    private sealed class Handle(INotebookDisplay display) : IDisplayHandle
    {
        public void Update(object value) => display.Update(value);
    }

    private sealed class TrainingHandle(TrainingView view, INotebookDisplay display) : IDisplayHandle
    {
        public void Update(object value)
        {
            if (value is TrainingProgress progress)
            {
                view.Add(progress);
                display.Update(view);
            }
            else
            {
                display.Update(value);
            }
        }
    }
}
