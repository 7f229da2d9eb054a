using System.Diagnostics;
using SynthCore.Evaluation.Conditions;
using SynthCore.Export;

namespace SynthCommands;

/// <summary>
/// <c>synth sample &lt;model&gt; --rows N [--seed S] [--where COND]… [--out DIR] [--name NAME] [--format csv|parquet] [--shard i/K] [--json FILE]</c>.
/// With <c>--shard</c>, writes shard i of K as <c>DIR/part-i-of-K.&lt;format&gt;</c> (<see cref="ShardedSampling"/>).
/// </summary>
internal sealed class SampleCommand : SynthCommand
{
    public SampleCommand() : base("sample", "Sample rows from a saved model and write them as a timestamped CSV.")
    {
        Declare(Model, Rows, Seed, Where, Out, OutputName, Format, Shard, Json, Force, Into);
    }

    internal Argument<string> Model { get; } = new("model") { Description = "The fitted model: a model file (console) or a variable (notebook)." };
    internal Option<long> Rows { get; } = new("--rows")
    {
        Description = "Rows to generate (with --shard, up to about 21 trillion over all shards; without, up to 2,147,483,647).",
        Required = true,
        CustomParser = result => OptionValues.ParseLong(result, "--rows") ?? 0,
    };
    internal Option<int?> Seed { get; } = SharedOptions.NullableInt("--seed", "Seed for sampling (default: the seed the model was fitted with).");
    internal Option<string[]> Where { get; } = SharedOptions.WhereOption();
    internal Option<string> Out { get; } = SharedOptions.OutDirOption();
    internal Option<string?> OutputName { get; } = SharedOptions.NameOption("the model's name");
    internal Option<string?> Format { get; } = SharedOptions.FormatOption();
    internal Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Write shard i of K (i from 0) as DIR/part-i-of-K.<format>: rows come in blocks of 10,000 seeded by (seed, block), shard i takes blocks i, i+K, i+2K, …, so the K shards together hold the same rows for any K.",
    };
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json file");
    internal Option<string?> Into { get; } = SharedOptions.IntoOption("sampled DataFrame", "--name");

    /// <summary>Above this many rows, rows are sampled and written a chunk at a time.</summary>
    internal const int ChunkRows = 100_000;

    /// <summary>
    /// Before sampling: a chunk (or all the rows, when fewer) must fit in memory, and all the rows' CSV on the disk, measured
    /// on a few sampled rows (sampled under the --where conditions, so the model refuses a value it never saw here).
    /// </summary>
    private static void EnsureFits(IFittedSynthesizer model, long rows, int? seed, string outDir, SampleConditions? conditions)
    {
        var guard = SynthCore.Resources.ResourceGuard.Current;
        guard.EnsureRowsFitMemory("--rows", Math.Min(rows, ChunkRows), model.Metadata.Columns.Count);
        var probe = WhereParser.Sample(model, (int)Math.Min(rows, 100), conditions, seed);
        guard.EnsureRowsFitDisk("--rows", rows, CsvTableWriter.BytesPerRow(probe), outDir);
    }

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string modelName = parse.GetValue(Model)!;
        long rows = parse.GetValue(Rows);
        if (rows <= 0) throw new SynthOptionException("--rows", $"must be greater than 0, got {rows}.");
        int? seed = parse.GetValue(Seed);
        if (seed < 0) throw new SynthOptionException("--seed", $"must be 0 or more, got {seed}.");
        string outDir = parse.GetValue(Out)!;
        string name = parse.GetValue(OutputName) ?? Path.GetFileNameWithoutExtension(modelName);
        string? json = parse.GetValue(Json);
        bool force = parse.GetValue(Force);
        string? into = VariableName.Checked(parse.GetValue(Into));
        var format = OutputFormat.Read(parse.GetValue(Format));
        string? shardText = parse.GetValue(Shard);
        ShardOption? shard = shardText is null ? null : ShardOption.Parse(shardText);
        // One file's rows are counted in ints (a DataFrame, a chunked CSV); only shards, streamed by blocks, go beyond.
        if (shard is null && rows > int.MaxValue)
            throw new SynthOptionException("--rows", string.Create(CultureInfo.InvariantCulture,
                $"{rows:N0} rows need --shard: without it a run writes at most {int.MaxValue:N0} rows (give --shard 0/1 for one part file of them all, or --shard i/K to share them out)."));
        if (rows > ShardedSampling.MaxRows)
            throw new SynthOptionException("--rows", string.Create(CultureInfo.InvariantCulture,
                $"{rows:N0} is more than the {ShardedSampling.MaxRows:N0} rows a run can have ({int.MaxValue:N0} blocks of {ShardedSampling.BlockRows:N0})."));
        if (shard is not null && parse.GetValue(OutputName) is not null)
            throw new SynthOptionException("--name", "does not go with --shard: shards are named part-i-of-K so that engines read the folder as one table.");
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", modelName);
        OutputFormat.EnsureFolder(outDir);
        OutputTarget.CheckFolder(outDir, "--out");
        CsvExporter.ValidateName(name);
        string? partPath = shard is { } s ? Path.Combine(outDir, s.FileName(format)) : null;
        if (partPath is not null && FileKinds.Of(Path.GetFullPath(partPath)) is not FileKind.Missing)
            throw new SynthFileException(partPath, "already exists; refusing to overwrite it (remove it, or write the shards to another --out folder).");

        var model = context.Host.ResolveModel(modelName, context.Registry);
        string[] clauses = parse.GetValue(Where) ?? [];
        var conditions = WhereParser.Parse(clauses, model.Metadata);
        EnsureFits(model, shard is { } p ? Math.Max(1, ShardedSampling.RowsOf(rows, p.Index, p.Count)) : rows, seed, outDir, conditions);
        context.Cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        ExportResult export;
        ConditionReport? report = null;
        if (shard is { } part)
        {
            long meeting = 0;
            long blockCount = ShardedSampling.BlockCount(rows);
            long mine = ShardedSampling.BlocksOf(rows, part.Index, part.Count);
            var sampled = ShardedSampling.Blocks(model, rows, part.Index, part.Count, seed, context.Cancellation, conditions);
            var blocks = SamplingProgress.Report(sampled, mine, ShardedSampling.RowsOf(rows, part.Index, part.Count), context.Host)
                .Select(block =>
                {
                    if (conditions is not null) meeting += ConditionReport.CountMeeting(block, conditions, model.Metadata);
                    return ColumnSpellings.Apply(block, model.Metadata);
                });
            export = WritePart(blocks, partPath!, format, () => WhereParser.Sample(model, 1, conditions, seed).Head(0));
            context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Shard {part.Index} of {part.Count}: {mine:N0} of the {blockCount:N0} blocks of {ShardedSampling.BlockRows:N0} rows (blocks {part.Index}, {part.Index + part.Count}, {part.Index + 2 * part.Count}, …)."));
            if (conditions is not null) report = new ConditionReport(export.Rows, meeting, null, null, []);
        }
        else if (rows <= ChunkRows)
        {
            var table = ColumnSpellings.Apply(WhereParser.Sample(model, (int)rows, conditions, seed), model.Metadata);
            context.Cancellation.ThrowIfCancellationRequested();
            export = CsvExporter.ExportTimestamped(table, outDir, name, format: format);
            context.Host.Store(into ?? name, table);
            if (conditions is not null) report = ConditionReport.Measure(table, conditions, model.Metadata);
        }
        else
        {
            int meeting = 0;
            var sampled = ChunkedSampling.Chunks(model, (int)rows, ChunkRows, seed, context.Cancellation, conditions);
            var chunks = SamplingProgress.Report(sampled, (rows + ChunkRows - 1) / ChunkRows, rows, context.Host)
                .Select(chunk =>
                {
                    if (conditions is not null) meeting += ConditionReport.CountMeeting(chunk, conditions, model.Metadata);
                    return ColumnSpellings.Apply(chunk, model.Metadata);
                });
            export = CsvExporter.ExportTimestamped(chunks, outDir, name, format: format);
            context.Host.WriteLine($"Streamed {rows:N0} rows to the file in chunks of {ChunkRows:N0}; they are not kept in memory.");
            if (conditions is not null) report = new ConditionReport(rows, meeting, null, null, []);
        }
        double sampleSeconds = clock.Elapsed.TotalSeconds;
        context.Host.WriteLine(Messages.Exported(export));
        // No real table here: the share of rows meeting the conditions; run --where also compares them with the real rows that do.
        if (report is not null) context.Host.WriteLine(ConditionRendering.Text(report, clauses));

        if (json is not null)
        {
            var summary = JsonSummary.OfExport(export, new JsonObject
            {
                ["model"] = model.ModelName,
                ["seed"] = seed,
                ["format"] = format.ToString().ToLowerInvariant(),
                ["shard"] = shard is { } sh ? new JsonObject { ["index"] = sh.Index, ["count"] = sh.Count, ["block_rows"] = ShardedSampling.BlockRows } : null,
                ["timings"] = new JsonObject { ["sample_seconds"] = sampleSeconds },
                ["conditions"] = report is null ? null : ConditionRendering.Json(report, clauses),
            });
            JsonSummary.Write(json, summary, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }

    /// <summary>Writes a shard's blocks to its part file (a file of no rows, with the columns, when the shard has no block).</summary>
    private static ExportResult WritePart(IEnumerable<DataFrame> blocks, string path, TableFormat format, Func<DataFrame> empty)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = TableFormats.CreateWriter(format, path);
        foreach (var block in blocks) writer.Append(block);
        if (writer.Columns == 0) writer.Append(empty());
        writer.Commit();
        return new ExportResult(path, writer.Rows, writer.Columns, new FileInfo(path).Length);
    }
}
