using SynthCore.Training;

namespace SynthCli.Tests;

/// <summary>
/// The console host's two ways of showing progress: Spectre.Console's live bar on a terminal, and a few plain lines
/// (unchanged, what CI logs and scripts read) when output is redirected.
/// </summary>
public sealed class ConsoleHostTests
{
    private static TrainingProgress Sampling(int block, int rows, double rate, int secondsLeft) =>
        new("sample", block, 4, new Dictionary<string, double> { ["rows"] = rows, ["rows/s"] = rate },
            TimeSpan.FromSeconds(2 * block), TimeSpan.FromSeconds(secondsLeft));

    private static string ShowSampling(bool interactive)
    {
        var output = new StringWriter();
        var host = new ConsoleHost(output, new StringWriter(), interactive, 100);
        var display = host.Show(Sampling(1, 10_000, 5_000, 6));
        display.Update(Sampling(2, 20_000, 5_000, 4));
        display.Update(Sampling(3, 30_000, 5_000, 2));
        host.WriteLine("Wrote 30,000 rows");
        return output.ToString().Replace("\r\n", "\n");
    }

    [Fact]
    public void On_a_terminal_sampling_progress_is_Spectres_bar_with_rows_rate_and_time_left()
    {
        string output = ShowSampling(interactive: true);
        int hidden = output.IndexOf("\u001b[?25l", StringComparison.Ordinal);
        int shown = output.LastIndexOf("\u001b[?25h", StringComparison.Ordinal);
        Assert.True(hidden >= 0 && shown > hidden, output);
        // The last report drawn: 3 of 4 blocks, so part of the bar is done (Spectre's box-drawing bar, not our '#').
        Assert.Matches("sample \\S*━+\\S* +3/4  rows 30,000  rows/s 5,000  elapsed 00:06  ETA 00:02", output[hidden..shown]);
        Assert.DoesNotContain("sample [", output);
        Assert.EndsWith("\u001b[?25hWrote 30,000 rows\n", output);
    }

    [Fact]
    public void Redirected_sampling_progress_stays_plain_lines()
    {
        Assert.Equal("""
            sample [#####...............] 1/4  rows 10,000  rows/s 5,000  elapsed 00:02  ETA 00:06
            sample [##########..........] 2/4  rows 20,000  rows/s 5,000  elapsed 00:04  ETA 00:04
            sample [###############.....] 3/4  rows 30,000  rows/s 5,000  elapsed 00:06  ETA 00:02
            Wrote 30,000 rows

            """.Replace("\r\n", "\n"), ShowSampling(interactive: false));
    }

    [Fact]
    public void A_new_phase_on_a_terminal_ends_the_previous_display_first()
    {
        var output = new StringWriter();
        var host = new ConsoleHost(output, new StringWriter(), interactive: true, 100);
        var display = host.Show(new TrainingProgress("fit", 2, 2, new Dictionary<string, double>(), TimeSpan.Zero, TimeSpan.Zero));
        display.Update(new TrainingProgress("sample", 1, 1, new Dictionary<string, double>(), TimeSpan.Zero, TimeSpan.Zero));
        host.CloseProgress();
        string text = output.ToString();
        // Two displays, one after the other: each hides the cursor and shows it again, the fit's ends before the sampling's.
        int fit = text.IndexOf("fit ", StringComparison.Ordinal);
        int firstEnd = text.IndexOf("\u001b[?25h", StringComparison.Ordinal);
        int sample = text.IndexOf("sample ", StringComparison.Ordinal);
        Assert.True(fit >= 0 && fit < firstEnd && firstEnd < sample, text);
        Assert.Equal(2, text.Split("\u001b[?25h").Length - 1);
    }
}
