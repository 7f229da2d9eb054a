using System.Text;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCli.Tests;

/// <summary>A temp directory with small CSV files, and a way to run the CLI's entry point in-process.</summary>
public sealed class CliSandbox : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "synth-cli-" + Guid.NewGuid().ToString("N"));

    public CliSandbox() => System.IO.Directory.CreateDirectory(Directory);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    public string WriteCsv(string name, string content)
    {
        string path = PathOf(name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>A 40-row table: a whole-number, a real-valued (with gaps), a text and a boolean column.</summary>
    public string People()
    {
        var csv = new StringBuilder("age,income,city,member\n");
        var random = new Random(1);
        string[] cities = ["Oslo", "Rome", "Lima", "Pune"];
        for (int i = 0; i < 40; i++)
        {
            string income = i % 10 == 3 ? "" : (2000 + 37.5 * i + random.Next(100)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            csv.Append($"{20 + random.Next(50)},{income},{cities[i % 4]},{(i % 3 == 0 ? "true" : "false")}\n");
        }
        return WriteCsv("people.csv", csv.ToString());
    }

    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Runs <c>synth args</c> through <see cref="Program.Run"/> with redirected (non-terminal) output.</summary>
    public static Result Run(SynthesizerRegistry? registry, params string[] args) => Run(registry, interactive: false, CancellationToken.None, args);

    public static Result Run(SynthesizerRegistry? registry, bool interactive, CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new ConsoleHost(output, error, interactive, 100);
        int code = Program.Run(args, host, cancellation, registry ?? ResamplingTestSynthesizer.Registry());
        return new Result(code, output.ToString().Replace("\r\n", "\n"), error.ToString().Replace("\r\n", "\n"));
    }
}
