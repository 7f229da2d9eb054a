using System.CommandLine;
using System.Globalization;
using SynthCore;
using SynthCore.Data;

namespace SynthCommands;

/// <summary>
/// <c>synth interpolate &lt;model&gt; --data CSV --from-row I --to-row J [--steps N] --out FILE [--force] [--into NAME]</c>:
/// the straight line in a vae or tvae model's latent space from row I's code to row J's (rows counted from 1), decoded
/// without sampling noise into N rows of the table's columns, the first from row I's code and the last from row J's.
/// </summary>
internal static class InterpolateCommand
{
    public static int Execute(ParseResult parse, SynthGrammar grammar, CommandContext context)
    {
        string modelName = parse.GetValue(grammar.InterpolateModel)!;
        string data = parse.GetValue(grammar.InterpolateData)!;
        int from = parse.GetValue(grammar.InterpolateFrom);
        int to = parse.GetValue(grammar.InterpolateTo);
        int steps = parse.GetValue(grammar.InterpolateSteps) ?? 10;
        string output = parse.GetValue(grammar.InterpolateOut)!;
        bool force = parse.GetValue(grammar.InterpolateForce);
        string? into = VariableName.Checked(parse.GetValue(grammar.InterpolateInto));
        if (steps < 2) throw new SynthOptionException("--steps", $"must be at least 2 (the two rows' own codes), got {steps}.");
        SafeFile.EnsureCanWrite(output, force, "--out", data, modelName);

        var model = LatentModel.Resolve(context, modelName, "interpolate");
        SynthCore.Resources.ResourceGuard.Current.EnsureRowsFitMemory("--steps", steps, model.Metadata.Columns.Count);
        var table = context.ResolveTable(data);
        foreach (var (option, row) in new[] { ("--from-row", from), ("--to-row", to) })
            if (row < 1 || row > table.Rows.Count)
                throw new SynthOptionException(option, $"row {row} is outside '{data}', whose rows are 1 to {table.Rows.Count:N0} (counted from 1, the first row after the header).");
        context.Cancellation.ThrowIfCancellationRequested();
        // Only the two rows are encoded; the decoder needs nothing else of the table.
        var ends = table.Filter(new Microsoft.Data.Analysis.PrimitiveDataFrameColumn<long>("rows", [from - 1L, to - 1L]));
        var path = ColumnSpellings.Apply(model.Interpolate(ends, 0, 1, steps), model.Metadata);
        context.Cancellation.ThrowIfCancellationRequested();

        long bytes = LatentModel.WriteCsv(path, output, force);
        context.Host.Store(into ?? Path.GetFileNameWithoutExtension(output), path);
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {steps} rows on the {model.ModelName}'s latent line from row {from} to row {to} of {data} to {output} ({bytes:N0} bytes)."));
        return ExitCodes.Success;
    }
}
