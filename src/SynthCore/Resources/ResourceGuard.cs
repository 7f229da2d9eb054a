namespace SynthCore.Resources;

/// <summary>
/// The one place that checks, before work starts, that a request fits this machine: rows to
/// sample (memory and disk), rows × columns of a fit or a comparison, a file to read, thread
/// counts and batch sizes. Errors name the option and say what does fit, so a too-large request
/// is a clear error instead of an out-of-memory crash, a full disk or a process that stops
/// answering Ctrl+C. The estimates are deliberately generous: refusing a request that would just
/// have fitted is a clear message; accepting one that does not is a crash.
/// </summary>
public sealed class ResourceGuard
{
    /// <summary>Share of the free memory one step may plan to use; the rest is for the runtime, libtorch and the tables already loaded.</summary>
    public const double UsableShare = 0.6;

    /// <summary>Memory per sampled cell: the DataFrame value, the sampler's working arrays, and strings for categories.</summary>
    public const long SampleBytesPerCell = 64;

    /// <summary>Memory per cell of a fit: the table's encodings and the model's working copies of it.</summary>
    public const long FitBytesPerCell = 64;

    /// <summary>Memory per column pair of a model with a full correlation or covariance: the matrix and its repair and factor copies.</summary>
    public const long FitBytesPerPair = 32;

    /// <summary>Memory per cell of a comparison: aligned nullable numbers or labels of both tables.</summary>
    public const long CompareBytesPerCell = 48;

    /// <summary>Memory per column pair of a comparison or report: three nullable correlation matrices and a pair score.</summary>
    public const long CompareBytesPerPair = 128;

    /// <summary>Memory per byte of a CSV file being read: its bytes, the decoded text, the field strings and the columns built from them.</summary>
    public const long ReadBytesPerFileByte = 8;

    /// <summary>Memory per byte of a model file being loaded: the file, its payload, and the model decoded from it.</summary>
    public const long ModelBytesPerFileByte = 4;

    /// <summary>Free disk that must remain after a file is written, for everything else on the disk.</summary>
    public const long DiskReserveBytes = 64L << 20;

    private static readonly AsyncLocal<ResourceGuard?> Scoped = new();
    private static readonly ResourceGuard Machine = new(null, null);

    private readonly long? memoryBytes;
    private readonly long? diskBytes;

    private ResourceGuard(long? memoryBytes, long? diskBytes)
    {
        this.memoryBytes = memoryBytes;
        this.diskBytes = diskBytes;
    }

    /// <summary>The guard in force: the machine's, unless <see cref="Use"/> set other figures for this flow of work.</summary>
    public static ResourceGuard Current => Scoped.Value ?? Machine;

    /// <summary>
    /// Plans against the given free memory and disk instead of the machine's until disposed (tests, or a
    /// host with its own budget). It follows the async flow, so parallel work elsewhere is unaffected.
    /// </summary>
    public static IDisposable Use(long? memoryBytes = null, long? diskBytes = null)
    {
        var previous = Scoped.Value;
        Scoped.Value = new ResourceGuard(memoryBytes, diskBytes);
        return new Restore(previous);
    }

    /// <summary>
    /// Memory the GC may still use: its limit (physical memory, the container's, or DOTNET_GCHeapHardLimit)
    /// less what this process's heap holds now.
    /// </summary>
    public long FreeMemoryBytes =>
        memoryBytes ?? Math.Max(0, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - GC.GetTotalMemory(forceFullCollection: false));

    /// <summary>What one step may plan to use.</summary>
    public long MemoryBudget => (long)(FreeMemoryBytes * UsableShare);

    /// <summary>Free space for this user on the disk holding <paramref name="directory"/> (or its nearest existing parent).</summary>
    public long FreeDiskBytes(string directory)
    {
        if (diskBytes is long injected) return injected;
        string? path = Path.GetFullPath(directory);
        while (path is not null && !Directory.Exists(path)) path = Path.GetDirectoryName(path);
        try { return new DriveInfo(path ?? Path.GetPathRoot(Path.GetFullPath(directory))!).AvailableFreeSpace; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A disk that cannot be asked is checked by the write itself, as before.
            return long.MaxValue;
        }
    }

    /// <summary>Sampled rows held in memory: <paramref name="rows"/> × <paramref name="columns"/> must fit the budget.</summary>
    /// <exception cref="SynthOptionException">Too many rows; says how many fit.</exception>
    public void EnsureRowsFitMemory(string option, long rows, int columns) =>
        EnsureItemsFitMemory(option, rows, columns, $"rows of {columns:N0} columns");

    /// <summary>Sampled sequences held in memory as a long table: a row of <paramref name="columns"/> per step.</summary>
    /// <exception cref="SynthOptionException">Too many sequences; says how many fit.</exception>
    public void EnsureSequencesFitMemory(string option, long sequences, int steps, int columns) =>
        EnsureItemsFitMemory(option, sequences, Product(steps, columns), $"sequences of {steps:N0} steps × {columns:N0} columns");

    private void EnsureItemsFitMemory(string option, long count, long cellsPerItem, string items)
    {
        long perItem = Product(Math.Max(1, cellsPerItem), SampleBytesPerCell);
        long budget = MemoryBudget;
        if (Product(count, perItem) <= budget) return;
        throw new SynthOptionException(option,
            $"{count:N0} is too large: at most {budget / perItem:N0} {items} fit in the free memory ({Size(FreeMemoryBytes)}).");
    }

    /// <summary>Rows written to a file in <paramref name="directory"/>: <paramref name="rows"/> × <paramref name="bytesPerRow"/> must fit the free disk.</summary>
    /// <exception cref="SynthOptionException">Too many rows; says how many fit.</exception>
    public void EnsureRowsFitDisk(string option, long rows, long bytesPerRow, string directory)
    {
        bytesPerRow = Math.Max(1, bytesPerRow);
        long free = FreeDiskBytes(directory);
        long usable = Math.Max(0, free - DiskReserveBytes);
        if (Product(rows, bytesPerRow) <= usable) return;
        throw new SynthOptionException(option,
            $"{rows:N0} is too large: at most {usable / bytesPerRow:N0} rows of about {bytesPerRow:N0} bytes fit on the free disk in '{directory}' ({Size(free)}).");
    }

    /// <summary>
    /// A fit of <paramref name="rows"/> × <paramref name="columns"/>; <paramref name="pairwise"/> for models that
    /// hold a full correlation or covariance matrix (columns² memory).
    /// </summary>
    /// <exception cref="SynthException">Too large; names the model and the sizes.</exception>
    public void EnsureFitFits(string model, long rows, int columns, bool pairwise) =>
        EnsureTableFits($"Fitting '{model}' to", rows, columns, FitBytesPerCell, pairwise ? FitBytesPerPair : 0,
            "The model correlates every pair of columns: leave out columns, choose a model without a full correlation (e.g. bootstrap, cart, ctgan), or use a machine with more memory.");

    /// <summary>A comparison or report of two tables of <paramref name="rows"/> (the larger) × <paramref name="columns"/>, which looks at every column pair.</summary>
    /// <exception cref="SynthException">Too large; names the step and the sizes.</exception>
    public void EnsureComparisonFits(string step, long rows, int columns) =>
        EnsureTableFits(step, rows, columns, CompareBytesPerCell, CompareBytesPerPair,
            "Every pair of columns is compared: leave out columns, or use a machine with more memory.");

    private void EnsureTableFits(string step, long rows, int columns, long perCell, long perPair, string pairHint)
    {
        long needed = Sum(Product(Product(rows, columns), perCell), Product(Product(columns, columns), perPair));
        long budget = MemoryBudget;
        if (needed <= budget) return;
        throw new SynthException(
            $"{step} {rows:N0} rows × {columns:N0} columns would need about {Size(needed)}; {Size(budget)} of the free memory ({Size(FreeMemoryBytes)}) is available for it. "
            + (Product(Product(columns, columns), perPair) > budget / 2 ? pairHint : "Use a sample of the rows, or a machine with more memory."));
    }

    /// <summary>Training a neural model: the encoded table (rows × width float32) plus the trained parameters (weight, gradient, two Adam moments).</summary>
    public static long TrainingEstimate(long rows, long width, long parameters) =>
        Sum(Product(Product(rows, width), 4), Product(parameters, 4 * 4));

    /// <summary>Throws when training would not fit; a dominant one-hot column is named as the cause.</summary>
    /// <param name="model">The model's name, for the message.</param>
    /// <param name="rows">Rows that will be encoded.</param>
    /// <param name="encodedColumns">
    /// How many encoded features each table column becomes, in order (<see cref="Transforms.TableTransform.ColumnWidths"/>
    /// of the fitted table transform, known before anything is encoded). The guard takes the widths, not the
    /// transform, so that reading a table (which the guard also checks) does not depend on the transforms.
    /// </param>
    /// <param name="parameters">Trained parameters of the model's networks for this width.</param>
    /// <exception cref="SynthColumnException">The widest encoded column, with its width and a suggestion.</exception>
    /// <exception cref="SynthException">Too large without one dominant column: the row count is the problem.</exception>
    public void EnsureTrainingFits(string model, long rows, IReadOnlyList<(string Column, int Width)> encodedColumns, long parameters)
    {
        long width = encodedColumns.Sum(c => (long)c.Width);
        long needed = TrainingEstimate(rows, width, parameters);
        long budget = MemoryBudget;
        if (needed <= budget) return;

        var widest = encodedColumns.MaxBy(c => c.Width);
        string what = $"Training '{model}' would need about {Size(needed)}; {Size(budget)} is available for it";
        if (widest.Width >= width / 2 && widest.Width > 100)
            throw new SynthColumnException(widest.Column,
                $"is encoded as {widest.Width:N0} columns (one per category). {what}. "
                + "Declare it an identifier, group its rare categories, or leave it out.");
        throw new SynthException($"{what} for {rows:N0} rows × {width:N0} encoded features. Fit on a sample of the rows.");
    }

    /// <summary>A CSV file of <paramref name="bytes"/> (or, from a pipe or device, at least that many so far) about to be read into a table.</summary>
    /// <exception cref="SynthFileException">Too large for the free memory; says how large a file fits.</exception>
    public void EnsureReadFits(string path, long bytes, bool sizeKnown = true)
    {
        long budget = MemoryBudget;
        if (Product(bytes, ReadBytesPerFileByte) <= budget) return;
        throw new SynthFileException(path,
            $"is too large to read: {(sizeKnown ? "" : "more than ")}{Size(bytes)}, and at most {Size(budget / ReadBytesPerFileByte)} of CSV fits in the free memory ({Size(FreeMemoryBytes)}). Use a sample of its rows.");
    }

    /// <summary>A model file of <paramref name="bytes"/> about to be loaded (read, checked and decoded: a few copies of it).</summary>
    /// <exception cref="SynthException">Too large for the free memory.</exception>
    public void EnsureModelFileFits(long bytes)
    {
        long budget = MemoryBudget;
        if (Product(bytes, ModelBytesPerFileByte) <= budget) return;
        throw new SynthException(
            $"The model file is {Size(bytes)}; loading it needs about {Size(Product(bytes, ModelBytesPerFileByte))}, and {Size(budget)} of the free memory ({Size(FreeMemoryBytes)}) is available for it.");
    }

    /// <summary>Threads for a model: 1 to this machine's processor count, so a typo cannot start thousands of threads.</summary>
    /// <exception cref="SynthOptionException">Out of range.</exception>
    public static int EnsureThreads(string option, int threads) =>
        threads >= 1 && threads <= Environment.ProcessorCount
            ? threads
            : throw new SynthOptionException(option, $"must be 1 to {Environment.ProcessorCount} (the processors of this machine), got {threads:N0}.");

    /// <summary>
    /// A batch is rows held in memory, so it must fit like sampled rows. A batch larger than the table is kept, with a
    /// note: the default batch sizes (128, 500) already exceed small tables, and clamping would break a model's own rules
    /// (gan's batch must be a multiple of pac 4), so an explicit value is treated no differently.
    /// </summary>
    /// <returns>The note to show when the batch is larger than the table; null otherwise.</returns>
    /// <exception cref="SynthOptionException">Too large for the free memory.</exception>
    public string? EnsureBatchSize(string option, int batchSize, long rows, int columns)
    {
        EnsureRowsFitMemory(option, batchSize, columns);
        return batchSize > rows
            ? $"Note: {option} {batchSize:N0} is more than the table's {rows:N0} rows; each batch repeats rows (or holds the whole table)."
            : null;
    }

    /// <summary>Bytes as a reader would say them: MiB, GiB or TiB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        long.MaxValue => "more than can be counted",
        >= 1L << 40 => $"{bytes / (double)(1L << 40):F1} TiB",
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F1} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F0} MiB",
        _ => $"{bytes / 1024.0:F0} KiB",
    };

    // Sizes saturate instead of overflowing: anything past long.MaxValue is simply too large.
    private static long Product(long a, long b) =>
        a <= 0 || b <= 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;

    private static long Sum(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private sealed class Restore(ResourceGuard? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
