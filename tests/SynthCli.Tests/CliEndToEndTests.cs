using System.Text.Json.Nodes;
using SynthCore.Data;
using SynthTests.Support;

namespace SynthCli.Tests;

/// <summary>The CLI's entry point on small temp CSV files, with the test-only resampling model.</summary>
public sealed class CliEndToEndTests : IDisposable
{
    private readonly CliSandbox sandbox = new();
    private const string Model = ResamplingTestSynthesizer.Name;

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Describe_prints_kinds_and_counts()
    {
        var result = CliSandbox.Run(null, "describe", sandbox.People());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Err);
        Assert.Contains("people.csv: 40 rows, 4 columns", result.Out);
        Assert.Matches(@"age\s+integer\s+0\s+0\.0%", result.Out);
        Assert.Matches(@"income\s+continuous\s+4\s+10\.0%\s+36", result.Out);
        Assert.Matches(@"city\s+categorical\s+0\s+0\.0%\s+4", result.Out);
        Assert.Matches(@"member\s+boolean", result.Out);
    }

    [Fact]
    public void Describe_json_and_categorical_override()
    {
        string json = sandbox.PathOf("d.json");
        var result = CliSandbox.Run(null, "describe", sandbox.People(), "--categorical", "age", "--json", json);
        Assert.Equal(0, result.ExitCode);
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(40, (int)node["rows"]!);
        Assert.Equal("categorical", (string)node["columns"]![0]!["kind"]!);
        Assert.True((bool)node["columns"]![0]!["overridden"]!);
        Assert.Equal(10.0, (double)node["columns"]![1]!["missing_percent"]!, 10);
    }

    [Fact]
    public void Fit_then_sample_writes_model_and_timestamped_csv()
    {
        string model = sandbox.PathOf("people.synth");
        var fit = CliSandbox.Run(null, "fit", sandbox.People(), "--model", Model, "--out", model, "--epochs", "50", "--seed", "9");
        Assert.Equal(0, fit.ExitCode);
        Assert.True(File.Exists(model));
        Assert.Contains($"Saved the {Model} model to {model}", fit.Out);
        // Redirected output: plain progress lines, at most one per 5% of the phase (+ the first).
        int progressLines = fit.Out.Split('\n').Count(l => l.StartsWith("train ["));
        Assert.InRange(progressLines, 2, ConsoleHost.PlainLineSteps + 1);
        Assert.DoesNotContain("\r", fit.Out);
        Assert.Contains("50/50", fit.Out);

        string outDir = sandbox.PathOf("out");
        var sample = CliSandbox.Run(null, "sample", model, "--rows", "15", "--out", outDir);
        Assert.Equal(0, sample.ExitCode);
        string csv = Assert.Single(Directory.GetFiles(outDir));
        Assert.Matches(@"people_synthetic_\d{8}_\d{6}\.csv$", csv);
        var table = CsvTable.Read(csv);
        Assert.Equal(15, table.Rows.Count);
        Assert.Equal(["age", "income", "city", "member"], table.Columns.Select(c => c.Name));
        Assert.Contains("Wrote 15 rows x 4 columns to " + csv, sample.Out);

        // Same second, same name: a second file, never a replaced one.
        byte[] first = File.ReadAllBytes(csv);
        Assert.Equal(0, CliSandbox.Run(null, "sample", model, "--rows", "15", "--out", outDir).ExitCode);
        Assert.Equal(2, Directory.GetFiles(outDir).Length);
        Assert.Equal(first, File.ReadAllBytes(csv));
    }

    [Fact]
    public void Run_prints_the_comparison_and_writes_csv_and_json()
    {
        string outDir = sandbox.PathOf("out");
        string json = sandbox.PathOf("run.json");
        var result = CliSandbox.Run(null, "run", sandbox.People(), "--model", Model, "--rows", "30", "--out", outDir, "--json", json, "--seed", "5", "--epochs", "4");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Err);
        Assert.Contains("Real rows: 40; synthetic rows: 30", result.Out);
        Assert.Matches(@"column\s+kind\s+mean real\s+mean synth\s+std real\s+std synth\s+similarity %\s+KS D\s+KS p", result.Out);
        Assert.Matches(@"\nage\s+integer\s", result.Out);
        Assert.Contains("total variation distance", result.Out);
        Assert.Contains("Pearson correlations, synthetic", result.Out);
        Assert.Contains("Frobenius norm of the difference", result.Out);

        string csv = Assert.Single(Directory.GetFiles(outDir));
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(csv, (string)node["output_csv"]!);
        Assert.Equal(30, (int)node["rows"]!);
        Assert.Equal(4, (int)node["columns"]!);
        Assert.Equal(new FileInfo(csv).Length, (long)node["bytes"]!);
        Assert.Equal(Model, (string)node["model"]!);
        Assert.Equal(5, (int)node["seed"]!);
        Assert.Equal(4, node["timings"]!["epoch_seconds"]!.AsArray().Count);
        Assert.Equal(["age", "income"], node["comparison"]!["numeric"]!.AsArray().Select(c => (string)c!["column"]!));
        Assert.Equal(["city", "member"], node["comparison"]!["categorical"]!.AsArray().Select(c => (string)c!["column"]!));
    }

    [Fact]
    public void On_a_terminal_progress_is_drawn_live_by_Spectre_and_closed_before_the_next_message()
    {
        string model = sandbox.PathOf("m.synth");
        var result = CliSandbox.Run(null, interactive: true, CancellationToken.None, "fit", sandbox.People(), "--model", Model, "--out", model, "--epochs", "3");
        Assert.Equal(0, result.ExitCode);
        // Spectre hides the cursor while it draws (ESC[?25l) and shows it again when the display ends (ESC[?25h).
        int hidden = result.Out.IndexOf("\u001b[?25l", StringComparison.Ordinal);
        int shown = result.Out.LastIndexOf("\u001b[?25h", StringComparison.Ordinal);
        Assert.True(hidden >= 0 && shown > hidden, result.Out);
        string display = result.Out[hidden..shown];
        // Spectre's bar (box-drawing characters), then the figures the plain lines show: step/total, elapsed, ETA.
        Assert.Matches(@"train \S*━+\S* 3/3  .*elapsed \d\d:\d\d", display);
        Assert.DoesNotContain("train [", result.Out);
        // The next message starts on its own line, after the display.
        Assert.Matches(@"\u001b\[\?25h\n?Saved the " + Model, result.Out);
    }

    [Fact]
    public void On_a_terminal_tables_are_Spectres_and_redirected_ones_stay_plain()
    {
        var terminal = CliSandbox.Run(null, interactive: true, CancellationToken.None, "describe", sandbox.People());
        Assert.Equal(0, terminal.ExitCode);
        Assert.Contains("people.csv: 40 rows, 4 columns", terminal.Out);
        // Spectre's rounded box, the numeric columns right-aligned inside it.
        Assert.Contains("╭", terminal.Out);
        Assert.Matches(@"│ column +│ kind +│ missing │ missing % │ distinct │", terminal.Out);
        Assert.Matches(@"│ income +│ continuous +│ +4 │ +10\.0% │ +36 │", terminal.Out);

        var redirected = CliSandbox.Run(null, "describe", sandbox.People());
        Assert.DoesNotContain("│", redirected.Out);
        Assert.Matches(@"\ncolumn +kind +missing +missing % +distinct\n-+  -+", redirected.Out);
    }

    [Fact]
    public void On_a_terminal_tables_a_command_writes_as_text_are_Spectres_too()
    {
        // The --where report is written as finished text, not shown as a value; its table is drawn all the same.
        string[] args = ["run", sandbox.People(), "--model", Model, "--rows", "40", "--where", "age >= 30", "--seed", "3"];
        var terminal = CliSandbox.Run(null, interactive: true, CancellationToken.None, [.. args, "--out", sandbox.PathOf("terminal")]);
        Assert.Equal(0, terminal.ExitCode);
        Assert.Matches(@"│ column +│ +KS │ p-value │ real rows │ synthetic rows │", terminal.Out);

        var redirected = CliSandbox.Run(null, [.. args, "--out", sandbox.PathOf("redirected")]);
        Assert.Equal(0, redirected.ExitCode);
        Assert.DoesNotContain("│", redirected.Out);
        Assert.Matches(@"\ncolumn +KS +p-value +real rows +synthetic rows\n", redirected.Out);
    }

    [Fact]
    public void Cancelling_leaves_no_files()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var result = CliSandbox.Run(null, false, cancellation.Token, "run", sandbox.People(), "--model", Model, "--out", sandbox.PathOf("out"), "--json", sandbox.PathOf("r.json"));
        Assert.Equal(130, result.ExitCode);
        Assert.Equal(["people.csv"], Directory.GetFileSystemEntries(sandbox.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Models_lists_names_and_descriptions()
    {
        var result = CliSandbox.Run(null, "models");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"{Model}\s+Test only: resamples", result.Out);
    }

    [Theory]
    [InlineData("missing", "no such file")]
    [InlineData("malformed", "line 3: expected 2 fields")]
    [InlineData("text-in-numbers", "Column 'x'")]
    [InlineData("empty", "empty")]
    [InlineData("header-only", "no data rows")]
    [InlineData("all-missing", "Column 'gone'")]
    public void Bad_csv_gives_one_error_line_and_exit_1(string which, string fragment)
    {
        string path = which switch
        {
            "missing" => sandbox.PathOf("nope.csv"),
            "malformed" => sandbox.WriteCsv("m.csv", "a,b\n1,2\n3\n"),
            "text-in-numbers" => sandbox.WriteCsv("t.csv", "x,y\n" + string.Concat(Enumerable.Range(0, 19).Select(i => $"{i},a\n")) + "oops,b\n"),
            "empty" => sandbox.WriteCsv("e.csv", ""),
            "header-only" => sandbox.WriteCsv("h.csv", "a,b\n"),
            _ => sandbox.WriteCsv("g.csv", "x,gone\n1,\n2,\n"),
        };
        foreach (var args in new[]
        {
            new[] { "describe", path },
            new[] { "run", path, "--model", Model, "--out", sandbox.PathOf("out") },
        })
        {
            var result = CliSandbox.Run(null, args);
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.ErrLines);
            Assert.StartsWith("error: ", line);
            Assert.Contains(fragment, line);
            Assert.DoesNotContain("Exception", line); // no stack trace or exception type for user mistakes
        }
        Assert.False(Directory.Exists(sandbox.PathOf("out")));
    }

    [Fact]
    public void Fit_never_overwrites_a_model_file_without_force()
    {
        string model = sandbox.PathOf("keep.synth");
        File.WriteAllText(model, "precious");
        var result = CliSandbox.Run(null, "fit", sandbox.People(), "--model", Model, "--out", model);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already exists", Assert.Single(result.ErrLines));
        Assert.Equal("precious", File.ReadAllText(model));
        Assert.Equal("", result.Out); // refused before fitting
    }

    [Fact]
    public void Sampling_a_file_that_is_not_a_model_names_it()
    {
        string bogus = sandbox.WriteCsv("bogus.synth", "not a model");
        var result = CliSandbox.Run(null, "sample", bogus, "--rows", "3", "--out", sandbox.PathOf("out"));
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains("bogus.synth", line);
        Assert.Contains("not a SynthNotebooks model file", line);
    }
}
