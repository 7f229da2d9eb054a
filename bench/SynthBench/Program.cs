using SynthBench;

// Benchmarks of SynthCore, one per subcommand: `dotnet run -c Release --project bench/SynthBench -- <name> [args]`.
var benchmarks = new Dictionary<string, (string Usage, Func<string[], int> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["gan"] = ("gan [steps=2000] [threads=1,2] [batch=128]: screen-time GAN training steps per second and peak memory", GanBenchmark.Run),
    ["copula"] = ("copula [rows=10000,100000,1000000] [columns=10] [model=copula|distributions|bootstrap] [marginals=empirical|parametric]: fit and sample time, peak memory", CopulaBenchmark.Run),
    ["privacy-risk"] = ("privacy-risk [rows=10000]: PrivacyRisk.Evaluate (exact nearest neighbours) on rows × 11 random mixed columns", PrivacyRiskBench.Run),
    ["timegan"] = ("timegan [model=timegan|ar1|arima|block-bootstrap] [iterations=1000] [sequences=10000] [variant=reference|paper] [hidden=24] [layers=3] [batch=128] [threads=1] [lr=0.001] [final-lr=lr] [ae=N] [sup=N] [joint=N] [ema=0] [init=tf|torch] [eval-every=0] [repeats=1] [metric-init=tf|torch] [seed=42] [csv=PATH]: TimeGAN on Sines (or a CSV's series), the paper's discriminative and predictive scores, wall time", TimeGanBenchmark.Run),
    ["gru"] = ("gru [batch=128] [time=24] [input=5] [hidden=24] [layers=3] [repeats=200] [threads=1] [which=both|fused|libtorch]: a stacked GRU's forward and backward, libtorch's nn.GRU against the C# FusedGru", GruBenchmark.Run),
    ["ctgan"] = ("ctgan [epochs=3] [threads=1,2] [batch=500] [seed=42] [rows=32561] [data=file.csv] [write=file.csv]: CTGAN on an Adult-shaped table: transformer fit, s/epoch, sampling, GFLOP/s, peak memory (write=: only write the table as CSV, for timing another implementation on it)", CtganBenchmark.Run),
    ["tsne"] = ("tsne [rows=10000] [dims=20] [iterations=1000]: Barnes-Hut t-SNE on seeded Gaussian clusters (wall and CPU time, KL, cluster purity)", TSneBench.Run),
    ["kde"] = ("kde [rows=10000] [sample=rows]: KDE fit and sample time, peak memory, on a seeded 10-column numeric table", StatisticalBenchmark.For("kde")),
    ["gmm"] = ("gmm [rows=10000] [sample=rows]: Gaussian mixture fit (BIC over 1..8) and sample time, peak memory, same table", StatisticalBenchmark.For("gmm")),
    ["smote"] = ("smote [rows=10000] [sample=rows]: SMOTE (exact neighbour search) fit and sample time, peak memory, same table", StatisticalBenchmark.For("smote")),
    ["cancel"] = ("cancel [after=1000]: for every registered model, seconds from Cancel() to the fit stopping", CancellationBenchmark.Run),
    ["fidelity"] = ("fidelity [data=data/penguins.csv] [models=copula,cart,bootstrap] [target=COLUMN] [epochs=N] [seed=42] [detection-rows=5000]: fit on a seeded half, then quality, detection (logistic and boosted-trees AUC, the columns that give rows away), privacy against the unseen half, utility of the target on the unseen half, wall times", FidelityBenchmark.Run),
    ["parquet"] = ("parquet [rows=1000000] [library=parquet.net|parquetsharp|ours|csv] [repeats=3]: write and read a seeded 10-column nullable table (row groups of 100,000), file size, peak memory", ParquetBenchmark.Run),
    ["csv-parse"] = ("csv-parse [rows=1000000] [repeats=3] [file=PATH [make=ROWS]]: our CSV readers against Sep on the parquet benchmark's table written as CSV (fields, and our whole typed read); file=: one read of PATH, time and peak memory (make=: write PATH first)", CsvParseBenchmark.Run),
    ["fit-rows"] = ("fit-rows file=PATH [rows=100000] [seed=42] [whole=false] [make=ROWS]: --fit-rows' seeded sample of a CSV or Parquet file drawn while it streams (or whole=true: the file read whole), time and peak memory; make=: write PATH first (the parquet benchmark's table, repeated)", FitRowsBenchmark.Run),
    ["shards"] = ("shards [rows=10000000,100000000] [data=data/penguins.csv] [model=copula] [format=parquet|csv]: sharded sampling (--shard 0/1) of each row count in one process: wall and CPU time, rows/s per core, resident memory along the run, peak", ShardBenchmark.Run),
    ["kmeans"] = ("kmeans [rows=100000] [k=10] [repeats=3]: the normaliser's one-column k-means (KMeans1D) against ML.NET's KMeansTrainer on ten seeded Gaussian modes: wall time, within-cluster sum of squares", KMeansBenchmark.Run),
    ["cart"] = ("cart [rows=10000] [sample=rows]: CART synthesis fit and sample time, peak memory, same table", StatisticalBenchmark.For("cart")),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: SynthBench <benchmark> [args]");
    foreach (var (_, (usage, _)) in benchmarks.OrderBy(b => b.Key)) Console.Error.WriteLine($"  {usage}");
    return 2;
}
return benchmark.Run(args[1..]);
