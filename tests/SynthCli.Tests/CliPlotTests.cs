using System.Text.RegularExpressions;
using SynthReports.Charts;

namespace SynthCli.Tests;

/// <summary><c>synth plot</c> and <c>synth export</c> as their own process on CSV files.</summary>
public sealed class CliPlotTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Plot_writes_an_offline_page_under_outputs_and_export_a_timestamped_csv()
    {
        string real = sandbox.People();
        var lines = File.ReadAllLines(real);
        string synthetic = sandbox.WriteCsv("synthetic.csv", string.Join("\n", lines.Take(1).Concat(lines.Skip(1).Reverse().Take(25))) + "\n");

        var plot = CliProcess.Run(sandbox.Directory, "plot", real, synthetic, "--kind", "qq");
        Assert.Equal(0, plot.ExitCode);
        Assert.Equal("", plot.Err);
        var match = Regex.Match(plot.Out, @"^Wrote the qq plot \(2 charts\) to (outputs/qq_plot_\d{8}_\d{6}\.html) \([0-9,]+ bytes\)\.\s*$");
        Assert.True(match.Success, plot.Out);
        string page = File.ReadAllText(Path.Combine(sandbox.Directory, match.Groups[1].Value));
        int first = page.IndexOf(PlotlyScript.InlineScriptTag, StringComparison.Ordinal);
        Assert.True(first >= 0, "plotly.js is not inlined");
        Assert.Equal(first, page.LastIndexOf(PlotlyScript.InlineScriptTag, StringComparison.Ordinal));
        Assert.DoesNotContain("http", page.Replace(PlotlyScript.InlineScriptTag, ""));
        Assert.Contains("Q-Q plot: age", page);
        Assert.Contains("Q-Q plot: income", page);

        var export = CliProcess.Run(sandbox.Directory, "export", synthetic);
        Assert.Equal(0, export.ExitCode);
        var exported = Assert.Single(Directory.GetFiles(Path.Combine(sandbox.Directory, "outputs"), "*.csv"));
        Assert.Matches(@"^synthetic_synthetic_\d{8}_\d{6}\.csv$", Path.GetFileName(exported));
        Assert.Contains($"Wrote 25 rows x 4 columns to {exported}", export.Out);
        Assert.Equal(File.ReadAllLines(synthetic).Length, File.ReadAllLines(exported).Length);

        var bad = CliProcess.Run(sandbox.Directory, "plot", real, synthetic, "--kind", "pairs", "--columns", "city,age");
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("error: Option '--columns': 'city' is categorical; a pair plot needs numeric columns.", bad.Err.Trim());

        var help = CliProcess.Run(sandbox.Directory, "plot", "--help");
        Assert.Contains("  synth plot [<real> [<synthetic>]] [options]", help.Out); // the real table may be --from with --query instead
    }
}
