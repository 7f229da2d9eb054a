namespace SynthBench;

/// <summary>Benchmarks by name: <c>dotnet run -c Release --project bench/SynthBench -- &lt;name&gt; [args]</c>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "privacy-risk":
                PrivacyRiskBench.Run(args);
                return 0;
            default:
                Console.Error.WriteLine("usage: SynthBench privacy-risk [rows]");
                return 2;
        }
    }
}
