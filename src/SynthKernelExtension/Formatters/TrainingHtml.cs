using SynthKernelExtension.Notebook;
using SynthReports.Charts;

namespace SynthKernelExtension.Formatters;

/// <summary>A fit in progress (or finished): bar, step, losses, elapsed and remaining time, live loss chart.</summary>
public static class TrainingHtml
{
    public static string Render(TrainingView view)
    {
        var p = view.Latest;
        var html = new StringBuilder();
        html.Append("<div class=\"synth-training\" id=\"").Append(view.Id).Append("\">");
        string title = view.Status switch
        {
            TrainingStatus.Running => "Training",
            TrainingStatus.Completed => "Training finished",
            TrainingStatus.Cancelled => "Training cancelled",
            _ => "Training failed",
        };
        html.Append("<div><b>").Append(title).Append("</b> &middot; phase <code>").Append(Html.Encode(p.Phase)).Append("</code></div>");

        double percent = 100 * p.Fraction;
        html.Append("<div style=\"display:flex;align-items:center;gap:8px\">")
            .Append("<progress max=\"").Append(p.TotalSteps).Append("\" value=\"").Append(Math.Min(p.Step, p.TotalSteps)).Append("\" style=\"width:320px\"></progress>")
            .Append("<span>step ").Append(p.Step.ToString("N0", Html.Invariant)).Append(" / ").Append(p.TotalSteps.ToString("N0", Html.Invariant))
            .Append(" (").Append(Html.Number(percent, "0")).Append("%)</span></div>");

        html.Append("<div>");
        foreach (var (name, loss) in p.Losses)
            html.Append("<span style=\"margin-right:12px\">").Append(Html.Encode(name)).Append(" loss <b>").Append(Html.Number(loss, "0.0000")).Append("</b></span>");
        html.Append("</div><div>elapsed ").Append(Html.Clock(p.Elapsed));
        if (view.Status == TrainingStatus.Running && p.EstimatedRemaining is TimeSpan eta)
            html.Append(" &middot; remaining ").Append(Html.Clock(eta));
        html.Append("</div>");

        if (view.Status != TrainingStatus.Running)
        {
            html.Append("<div class=\"synth-training-summary\">");
            html.Append(view.Status switch
            {
                TrainingStatus.Completed => $"Done: {p.Step:N0} steps in {Html.Clock(p.Elapsed)}.",
                TrainingStatus.Cancelled => $"Cancelled after {p.Step:N0} of {p.TotalSteps:N0} steps ({Html.Clock(p.Elapsed)}); no model was kept.",
                _ => $"Stopped after {p.Step:N0} of {p.TotalSteps:N0} steps ({Html.Clock(p.Elapsed)}).",
            });
            if (view.StatusMessage is { } message) html.Append(' ').Append(Html.Encode(message));
            html.Append("</div>");
        }
        html.Append(LossChart.ToHtml(view.Losses));
        html.Append("</div>");
        return view.CarriesPlotly ? ChartHtml.WithPlotly(html.ToString()) : html.ToString();
    }
}
