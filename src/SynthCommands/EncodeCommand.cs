namespace SynthCommands;

/// <summary>
/// <c>synth encode &lt;model&gt; &lt;data&gt; --out FILE [--force] [--into NAME]</c>: each row's latent code under a vae or
/// tvae model (the encoder's posterior mean, as the latent plot uses), written as columns z0 … z(k−1), one row per input row.
/// </summary>
internal sealed class EncodeCommand : LatentCommand
{
    public EncodeCommand() : base("encode", "Write each row's latent code under a vae or tvae model (the encoder's posterior mean) as a CSV of columns z0, z1, ….",
        rowsWritten: "latent codes")
    {
        DeclareLatent(Data);
    }

    internal Argument<string> Data { get; } = new("data") { Description = "The rows to encode, with the model's columns: a CSV file (console) or a DataFrame variable (notebook)." };

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string modelName = parse.GetValue(Model)!;
        string data = parse.GetValue(Data)!;
        var output = ReadOutput(parse);
        SafeFile.EnsureCanWrite(output.Path, output.Force, "--out", data, modelName);

        var model = ResolveModel(context, modelName);
        var table = context.ResolveTable(data);
        if (table.Rows.Count == 0) throw new SynthException($"{data}: the table has no rows to encode.");
        context.Cancellation.ThrowIfCancellationRequested();
        var codes = model.Encode(table);
        var frame = Codes(codes);
        context.Cancellation.ThrowIfCancellationRequested();

        long bytes = Write(context, output, frame);
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote the {model.ModelName} latent codes of {frame.Rows.Count:N0} rows ({model.LatentDim} dimensions, z0..z{model.LatentDim - 1}) to {output.Path} ({bytes:N0} bytes)."));
        return ExitCodes.Success;
    }

    /// <summary>Codes (rows × dimensions) as a table of columns z0, z1, ….</summary>
    internal static DataFrame Codes(float[,] codes)
    {
        int rows = codes.GetLength(0), dimensions = codes.GetLength(1);
        var columns = new DataFrameColumn[dimensions];
        for (int j = 0; j < dimensions; j++)
        {
            var column = new SingleDataFrameColumn($"z{j}", rows);
            for (int i = 0; i < rows; i++) column[i] = codes[i, j];
            columns[j] = column;
        }
        return new DataFrame(columns);
    }
}
