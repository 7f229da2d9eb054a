namespace SynthCommands;

/// <summary>
/// A command on a model's latent space (<c>encode</c>, <c>interpolate</c>): a vae or tvae model, or a clear refusal, and
/// one CSV file of rows written to <c>--out</c> (never replaced without <c>--force</c>) and kept in a notebook as <c>--into</c>.
/// </summary>
internal abstract class LatentCommand(string name, string description, string rowsWritten) : SynthCommand(name, description)
{
    internal Argument<string> Model { get; } = SharedOptions.LatentModelArgument();
    internal Option<string> Out { get; } = new("--out") { Description = $"The CSV file of {rowsWritten} to write (never replaced without --force).", Required = true };
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--out file");
    internal Option<string?> Into { get; } = SharedOptions.IntoOption($"DataFrame of {rowsWritten}", "the --out file's name");

    /// <summary>Declares the model argument, the command's own symbols, then the output's: the order <c>--help</c> lists.</summary>
    protected void DeclareLatent(params Symbol[] own) => Declare([Model, .. own, Out, Force, Into]);

    /// <summary>The output options, read and checked before anything is computed.</summary>
    protected LatentOutput ReadOutput(ParseResult parse) =>
        new(parse.GetValue(Out)!, parse.GetValue(Force), VariableName.Checked(parse.GetValue(Into)));

    protected ILatentSpace ResolveModel(CommandContext context, string modelName)
    {
        var fitted = context.Host.ResolveModel(modelName, context.Registry);
        return fitted as ILatentSpace
            ?? throw new SynthOptionException("model", $"'{modelName}' is a {fitted.ModelName} model, which has no latent space; {Name} needs a vae or tvae model (one with an encoder).");
    }

    /// <summary>Writes the rows as CSV through <see cref="SafeFile"/> (atomic) and keeps them in the notebook; returns the bytes written.</summary>
    protected static long Write(CommandContext context, LatentOutput output, DataFrame rows)
    {
        long bytes = SafeFile.Write(output.Path, output.Force, "--out", stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            CsvTable.Write(rows, writer);
        });
        context.Host.Store(output.Into ?? Path.GetFileNameWithoutExtension(output.Path), rows);
        return bytes;
    }

    protected sealed record LatentOutput(string Path, bool Force, string? Into);
}
