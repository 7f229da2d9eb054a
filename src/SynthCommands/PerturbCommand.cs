using SynthCore.Anonymization;

namespace SynthCommands;

/// <summary>
/// <c>synth perturb &lt;data&gt; --out FILE [--scale 0.1] [--columns a,b] [--clip] [--swap-rate P] [--seed S] [--force]</c>: the
/// original toolkit's noise injection (<see cref="Perturbation"/>) on a whole table, written to one CSV file.
/// </summary>
internal sealed class PerturbCommand : TableCommand
{
    public PerturbCommand() : base("perturb", "Add Gaussian noise to numeric columns (a fraction of each column's std) and optionally swap categories; write the perturbed table to a CSV file.")
    {
        DeclareOnTable(Out, Force, Scale, Columns, Clip, SwapRate, Seed,
            Categorical, Into);
    }

    internal Option<string> Out { get; } = new("--out") { Description = "The CSV file to write.", Required = true };
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--out file");
    internal Option<double?> Scale { get; } = new("--scale")
    {
        Description = "Noise standard deviation as a fraction of each numeric column's standard deviation (default 0.1).",
        CustomParser = result => OptionValues.ParseNumber(result, "--scale"),
    };
    internal Option<string?> Columns { get; } = new("--columns")
    {
        Description = "Comma-separated columns to perturb (default: every numeric column, and every categorical one with --swap-rate).",
    };
    internal Option<bool> Clip { get; } = new("--clip") { Description = "Keep noisy values within each column's observed range (clipped)." };
    internal Option<double?> SwapRate { get; } = new("--swap-rate")
    {
        Description = "Probability that a categorical value is redrawn from its column's marginal (default 0: categories untouched).",
        CustomParser = result => OptionValues.ParseNumber(result, "--swap-rate"),
    };
    internal Option<int?> Seed { get; } = SharedOptions.NullableInt("--seed", "Seed of the noise and the swaps (default 42).");
    internal Option<string?> Categorical { get; } = SharedOptions.CategoricalOption();
    internal Option<string?> Into { get; } = SharedOptions.IntoOption("perturbed DataFrame", "<name>_perturbed");

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableName(parse, context);
        string output = parse.GetValue(Out)!;
        bool force = parse.GetValue(Force);
        double scale = parse.GetValue(Scale) ?? 0.1;
        if (scale < 0) throw new SynthOptionException("--scale", $"must be 0 or more, got {scale.ToString(CultureInfo.InvariantCulture)}.");
        double swapRate = parse.GetValue(SwapRate) ?? 0;
        if (swapRate is < 0 or > 1) throw new SynthOptionException("--swap-rate", $"must be between 0 and 1, got {swapRate.ToString(CultureInfo.InvariantCulture)}.");
        int seed = parse.GetValue(Seed) ?? 42;
        bool clip = parse.GetValue(Clip);
        SafeFile.EnsureCanWrite(output, force, "--out", data);

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(Categorical));
        string[]? columns = null;
        if (parse.GetValue(Columns) is { } list)
        {
            columns = ColumnList.Parse(list, "--columns", metadata);
            foreach (var name in columns)
                switch (metadata[name].Kind)
                {
                    case ColumnKind.Continuous or ColumnKind.Integer:
                        break;
                    case ColumnKind.Categorical or ColumnKind.Boolean when swapRate == 0:
                        throw new SynthOptionException("--columns", $"'{name}' is categorical: add --swap-rate P to swap its categories, or leave it out.");
                    case ColumnKind.Categorical or ColumnKind.Boolean:
                        break;
                    case var kind:
                        throw new SynthOptionException("--columns", $"'{name}' is a {kind.ToString().ToLowerInvariant()} column: numeric columns get noise and categorical ones swaps, nothing else is perturbed.");
                }
        }

        var result = Perturbation.Apply(table, metadata, new PerturbationOptions { Scale = scale, Columns = columns, Clip = clip, SwapRate = swapRate, Seed = seed });
        context.Cancellation.ThrowIfCancellationRequested();
        // An --out file ending .parquet is written as Parquet; any other as CSV.
        long bytes = SafeFile.Write(output, force, "--out", stream =>
        {
            if (TableFormats.IsParquetPath(output))
            {
                ParquetTable.Write(result.Table, stream);
                return;
            }
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
            CsvTable.Write(result.Table, writer);
        });

        context.Host.Show(new PerturbationSummary(data, (int)table.Rows.Count, scale, clip, swapRate, seed, result.Columns, output));
        context.Host.Store(parse.GetValue(Into) ?? Path.GetFileNameWithoutExtension(data) + "_perturbed", result.Table);
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {result.Table.Rows.Count:N0} rows x {result.Table.Columns.Count} columns to {output} ({bytes:N0} bytes)."));
        return ExitCodes.Success;
    }
}
