using SynthCore.Synthesizers.Sequential;

namespace SynthCommands;

/// <summary>Plain-text rendering of a forecast: the model in one line, then the first rows of the forecast.</summary>
public static class ForecastText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(ForecastSummary summary)
    {
        var result = summary.Result;
        var model = result.Model;
        var text = new StringBuilder();
        text.Append(Invariant, $"{summary.Source}: '{result.Column}', {result.Observations:N0} values");
        text.Append(result.TimeColumn is null ? " in row order" : $" ordered by '{result.TimeColumn}' (every {result.Spacing})");
        text.Append(Invariant, $"\n{model.Order} by {model.Method.ToText()}: {Coefficients(model)}sigma2 {N(model.Sigma2)}, log L {model.LogLikelihood:0.##}, AIC {model.Aic:0.##}\n");

        var forecast = result.Forecast;
        var table = result.Table;
        bool hasTime = result.TimeColumn is not null;
        string levelText = (forecast.Level * 100).ToString("0.##", Invariant) + "%";
        var headers = new List<string>();
        if (hasTime) headers.Add(table.Columns[0].Name);
        headers.AddRange(["step", "forecast", $"lower {levelText}", $"upper {levelText}"]);
        var rendered = new TextTable(headers.ToArray());
        int rows = (int)table.Rows.Count;
        int shown = Math.Min(rows, ForecastCommand.RowsShown);
        for (int h = 0; h < shown; h++)
        {
            var cells = new List<string>();
            if (hasTime)
                cells.Add(table.Columns[0][h] is DateTime d ? d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", Invariant) : Convert.ToString(table.Columns[0][h], Invariant) ?? "");
            cells.AddRange([(h + 1).ToString(Invariant), N(forecast.Mean[h]), N(forecast.Lower[h]), N(forecast.Upper[h])]);
            rendered.Add(cells.ToArray());
        }
        text.Append(rendered);
        if (rows > shown) text.Append(Invariant, $"\n({rows - shown:N0} more rows in the CSV)");
        return text.ToString();
    }

    private static string Coefficients(ArimaModel model)
    {
        var parts = new List<string>();
        void Add(string name, double[] values)
        {
            for (int i = 0; i < values.Length; i++) parts.Add($"{name}{i + 1} {N(values[i])}");
        }
        Add("ar", model.Ar);
        Add("ma", model.Ma);
        Add("sar", model.SeasonalAr);
        Add("sma", model.SeasonalMa);
        if (model.Order.DifferencingLags == 0) parts.Add($"mean {N(model.Mean)}");
        return parts.Count == 0 ? "" : string.Join(", ", parts) + ", ";
    }

    private static string N(double x) => x.ToString("0.####", Invariant);
}
