namespace SynthCommands;

/// <summary>
/// <c>synth interpolate &lt;model&gt; --data CSV --from-row I --to-row J [--steps N] --out FILE [--force] [--into NAME]</c>:
/// the straight line in a vae or tvae model's latent space from row I's code to row J's (rows counted from 1), decoded
/// without sampling noise into N rows of the table's columns, the first from row I's code and the last from row J's.
/// </summary>
internal sealed class InterpolateCommand : LatentCommand
{
    public InterpolateCommand() : base("interpolate", "Decode the straight line in a vae or tvae model's latent space from one row's code to another's, as a CSV of --steps rows.",
        rowsWritten: "decoded rows")
    {
        DeclareLatent(Data, From, To, Steps);
    }

    internal Option<string> Data { get; } = new("--data") { Description = "The table the two rows come from, with the model's columns.", Required = true };
    internal Option<int> From { get; } = new("--from-row")
    {
        Description = "The row whose code starts the line, counted from 1 (the first row after the header).",
        Required = true,
        CustomParser = result => OptionValues.ParseWhole(result, "--from-row") ?? 0,
    };
    internal Option<int> To { get; } = new("--to-row")
    {
        Description = "The row whose code ends the line, counted from 1.",
        Required = true,
        CustomParser = result => OptionValues.ParseWhole(result, "--to-row") ?? 0,
    };
    internal Option<int?> Steps { get; } = SharedOptions.NullableInt("--steps", "Rows on the line, both ends included (default 10, at least 2).");

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string modelName = parse.GetValue(Model)!;
        string data = parse.GetValue(Data)!;
        int from = parse.GetValue(From);
        int to = parse.GetValue(To);
        int steps = parse.GetValue(Steps) ?? 10;
        var output = ReadOutput(parse);
        if (steps < 2) throw new SynthOptionException("--steps", $"must be at least 2 (the two rows' own codes), got {steps}.");
        SafeFile.EnsureCanWrite(output.Path, output.Force, "--out", data, modelName);

        var model = ResolveModel(context, modelName);
        SynthCore.Resources.ResourceGuard.Current.EnsureRowsFitMemory("--steps", steps, model.Metadata.Columns.Count);
        var table = context.ResolveTable(data);
        foreach (var (option, row) in new[] { ("--from-row", from), ("--to-row", to) })
            if (row < 1 || row > table.Rows.Count)
                throw new SynthOptionException(option, $"row {row} is outside '{data}', whose rows are 1 to {table.Rows.Count:N0} (counted from 1, the first row after the header).");
        context.Cancellation.ThrowIfCancellationRequested();
        // Only the two rows are encoded; the decoder needs nothing else of the table.
        var ends = table.Filter(new PrimitiveDataFrameColumn<long>("rows", [from - 1L, to - 1L]));
        var path = ColumnSpellings.Apply(model.Interpolate(ends, 0, 1, steps), model.Metadata);
        context.Cancellation.ThrowIfCancellationRequested();

        long bytes = Write(context, output, path);
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {steps} rows on the {model.ModelName}'s latent line from row {from} to row {to} of {data} to {output.Path} ({bytes:N0} bytes)."));
        return ExitCodes.Success;
    }
}
