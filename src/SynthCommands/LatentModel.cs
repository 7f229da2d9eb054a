namespace SynthCommands;

/// <summary>The model of <c>encode</c> and <c>interpolate</c>: one with a latent space (vae, tvae), or a clear refusal.</summary>
internal static class LatentModel
{
    public static ILatentSpace Resolve(CommandContext context, string name, string command)
    {
        var fitted = context.Host.ResolveModel(name, context.Registry);
        return fitted as ILatentSpace
            ?? throw new SynthOptionException("model", $"'{name}' is a {fitted.ModelName} model, which has no latent space; {command} needs a vae or tvae model (one with an encoder).");
    }

    /// <summary>Writes <paramref name="table"/> as CSV to <paramref name="path"/> through <see cref="SafeFile"/>: atomic, never replacing a file without --force.</summary>
    public static long WriteCsv(Microsoft.Data.Analysis.DataFrame table, string path, bool force) =>
        SafeFile.Write(path, force, "--out", stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            SynthCore.Data.CsvTable.Write(table, writer);
        });
}
