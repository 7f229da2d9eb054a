// Benchmarks: dotnet run -c Release --project bench/SynthBench -- <name> [args]
// Run under /usr/bin/time -v for peak memory (Maximum resident set size).
using SynthBench;

string name = args.Length > 0 ? args[0] : "";
switch (name)
{
    case "tsne":
        return TSneBench.Run(args.Skip(1).ToArray());
    default:
        Console.Error.WriteLine("usage: SynthBench <benchmark> [args]; benchmarks: tsne [rows] [dims] [iterations]");
        return 2;
}
