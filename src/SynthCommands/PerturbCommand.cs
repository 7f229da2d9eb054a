using System.CommandLine;
using System.Globalization;
using System.Text;
using SynthCore;
using SynthCore.Anonymization;
using SynthCore.Data;

namespace SynthCommands;

/// <summary>
/// <c>synth perturb &lt;data&gt; --out FILE [--scale 0.1] [--columns a,b] [--clip] [--swap-rate P] [--seed S] [--force]</c>: the
/// original toolkit's noise injection (<see cref="Perturbation"/>) on a whole table, written to one CSV file.
/// </summary>
internal static class PerturbCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string data = TableInput.DataName(context, parse, grammar.PerturbData, grammar.PerturbDataOption);
        string output = parse.GetValue(grammar.PerturbOut)!;
        bool force = parse.GetValue(grammar.PerturbForce);
        double scale = parse.GetValue(grammar.PerturbScale) ?? 0.1;
        if (scale < 0) throw new SynthOptionException("--scale", $"must be 0 or more, got {scale.ToString(CultureInfo.InvariantCulture)}.");
        double swapRate = parse.GetValue(grammar.PerturbSwapRate) ?? 0;
        if (swapRate is < 0 or > 1) throw new SynthOptionException("--swap-rate", $"must be between 0 and 1, got {swapRate.ToString(CultureInfo.InvariantCulture)}.");
        int seed = parse.GetValue(grammar.PerturbSeed) ?? 42;
        bool clip = parse.GetValue(grammar.PerturbClip);
        SafeFile.EnsureCanWrite(output, force, "--out", data);

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(grammar.PerturbCategorical));
        string[]? columns = null;
        if (parse.GetValue(grammar.PerturbColumns) is { } list)
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
        context.Host.Store(parse.GetValue(grammar.PerturbInto) ?? Path.GetFileNameWithoutExtension(data) + "_perturbed", result.Table);
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {result.Table.Rows.Count:N0} rows x {result.Table.Columns.Count} columns to {output} ({bytes:N0} bytes)."));
        return ExitCodes.Success;
    }
}
