using SynthCore.Export;
using SynthCore.Synthesizers.Sequential;

namespace SynthCommands;

/// <summary>
/// <c>synth forecast &lt;data&gt; --column X --horizon H [--time T] [--level L] [--order p,d,q [--seasonal P,D,Q,s] | --period S]
/// [--method css|ml|css-ml] [--out DIR] [--name NAME] [--json FILE]</c>: fits (S)ARIMA to the column and writes
/// <c>DIR/&lt;name&gt;_forecast_&lt;yyyyMMdd_HHmmss&gt;.csv</c> (time, step, forecast, lower, upper), never overwriting.
/// </summary>
internal sealed class ForecastCommand : TableCommand
{
    public ForecastCommand() : base("forecast", "Fit (S)ARIMA to one numeric column and write multi-step forecasts with prediction intervals as a timestamped CSV.")
    {
        DeclareOnTable(Column, Time, Horizon, Level, Order, Seasonal,
            Period, Method, Out, OutputName, Json, Force, Into);
    }

    internal Option<string> Column { get; } = new("--column") { Description = "The numeric column to forecast.", Required = true };
    internal Option<string?> Time { get; } = new("--time")
    {
        Description = "The column that orders the rows and is extended by its spacing (default: the table's datetime column, if it has exactly one; else row order).",
    };
    internal Option<int> Horizon { get; } = new("--horizon")
    {
        Description = "Steps to forecast.",
        Required = true,
        CustomParser = result => OptionValues.ParseWhole(result, "--horizon") ?? 0,
    };
    internal Option<double?> Level { get; } = new("--level")
    {
        Description = "Coverage of the prediction intervals, between 0 and 1 (default 0.95).",
        CustomParser = result => OptionValues.ParseNumber(result, "--level"),
    };
    internal Option<string?> Order { get; } = new("--order") { Description = "A fixed order p,d,q (default: the lowest AIC over p, q ≤ 2, P, Q ≤ 1, d and the period detected)." };
    internal Option<string?> Seasonal { get; } = new("--seasonal") { Description = "With --order: the seasonal order P,D,Q,s." };
    internal Option<int?> Period { get; } = SharedOptions.NullableInt("--period", "Without --order: the seasonal period the search uses (0 = none; default: detected from the autocorrelation).");
    internal Option<string?> Method { get; } = new("--method")
    {
        Description = "Estimation: css (conditional sum of squares), ml (exact maximum likelihood) or css-ml (ML started from CSS; the default).",
    };
    internal Option<string> Out { get; } = new("--out")
    {
        Description = "Directory for the forecast CSV (created if missing).",
        DefaultValueFactory = _ => "outputs",
    };
    internal Option<string?> OutputName { get; } = new("--name") { Description = "Name of the output file: <name>_forecast_<timestamp>.csv (default: the input's name)." };
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json file");
    internal Option<string?> Into { get; } = SharedOptions.IntoOption("forecast DataFrame", "<name>_forecast");

    /// <summary>Rows of the forecast printed; the CSV has them all.</summary>
    internal const int RowsShown = 12;

    /// <summary>TableForecast's option names as this command spells them.</summary>
    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        ["column"] = "--column", ["time"] = "--time", ["horizon"] = "--horizon", ["level"] = "--level",
        ["order"] = "--order", ["period"] = "--period",
    };

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableName(parse, context);
        string column = parse.GetValue(Column)!;
        int horizon = FitSettingsReader.Positive("--horizon", parse.GetValue(Horizon));
        double level = parse.GetValue(Level) ?? 0.95;
        if (!(level > 0 && level < 1))
            throw new SynthOptionException("--level", $"must be between 0 and 1, e.g. 0.9 for 90% intervals (got {level.ToString(CultureInfo.InvariantCulture)}).");
        var order = ReadOrder(parse.GetValue(Order), parse.GetValue(Seasonal));
        int? period = parse.GetValue(Period);
        if (period is not null && order is not null)
            throw new SynthOptionException("--period", "applies to the order search; with --order give the period in --seasonal P,D,Q,s.");
        if (period is < 0 or 1)
            throw new SynthOptionException("--period", $"must be 0 (no seasonality) or at least 2 (got {period}).");
        var method = parse.GetValue(Method) is { } m ? ArimaMethodNames.Parse("--method", m) : ArimaMethod.CssMl;
        string outDir = parse.GetValue(Out)!;
        string name = parse.GetValue(OutputName) ?? Path.GetFileNameWithoutExtension(data);
        string? json = parse.GetValue(Json);
        bool force = parse.GetValue(Force);
        string? into = VariableName.Checked(parse.GetValue(Into));
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);
        OutputTarget.CheckFolder(outDir, "--out");
        CsvExporter.ValidateName(name);

        var table = context.ResolveTable(data);
        var request = new TableForecastRequest
        {
            Column = column,
            TimeColumn = parse.GetValue(Time),
            Horizon = horizon,
            Level = level,
            Order = order,
            Search = new ArimaSearch { Period = period },
            Method = method,
        };
        TableForecastResult result;
        try
        {
            result = TableForecast.Run(table, request);
        }
        catch (SynthOptionException e) when (OptionNames.ContainsKey(e.Option))
        {
            throw new SynthOptionException(OptionNames[e.Option], e.Message[$"Option '{e.Option}': ".Length..]);
        }
        context.Cancellation.ThrowIfCancellationRequested();

        var export = CsvExporter.ExportTimestamped(result.Table, outDir, name, "forecast");
        context.Host.Show(new ForecastSummary(data, result, export.Path));
        context.Host.Store(into ?? name + "_forecast", result.Table);
        context.Host.WriteLine(Messages.Exported(export));

        if (json is not null)
        {
            var model = result.Model;
            var summary = JsonSummary.OfExport(export, new JsonObject
            {
                ["input"] = data,
                ["column"] = result.Column,
                ["time_column"] = result.TimeColumn,
                ["spacing"] = result.Spacing,
                ["observations"] = result.Observations,
                ["horizon"] = horizon,
                ["level"] = level,
                ["order"] = model.Order.ToString(),
                ["method"] = model.Method.ToText(),
                ["ar"] = Numbers(model.Ar),
                ["ma"] = Numbers(model.Ma),
                ["seasonal_ar"] = Numbers(model.SeasonalAr),
                ["seasonal_ma"] = Numbers(model.SeasonalMa),
                ["mean"] = model.Mean,
                ["sigma2"] = model.Sigma2,
                ["log_likelihood"] = model.LogLikelihood,
                ["aic"] = model.Aic,
            });
            JsonSummary.Write(json, summary, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }

    private static JsonArray Numbers(double[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>--order p,d,q (or p,d,q,P,D,Q,s) and --seasonal P,D,Q,s as one order; null without --order.</summary>
    private static ArimaOrder? ReadOrder(string? order, string? seasonal)
    {
        if (order is null)
            return seasonal is null ? null : throw new SynthOptionException("--seasonal", "needs --order p,d,q for the non-seasonal part.");
        var parts = Whole("--order", order);
        if (parts.Length is not (3 or 7))
            throw new SynthOptionException("--order", $"expects p,d,q (e.g. 1,0,1), got '{order}'.");
        if (seasonal is not null)
        {
            if (parts.Length == 7) throw new SynthOptionException("--seasonal", "is given both in --order and as --seasonal.");
            var s = Whole("--seasonal", seasonal);
            if (s.Length != 4) throw new SynthOptionException("--seasonal", $"expects P,D,Q,s (e.g. 1,0,0,12), got '{seasonal}'.");
            if (s[3] < 2) throw new SynthOptionException("--seasonal", $"the period s must be at least 2 (got {s[3]}).");
            parts = [.. parts, .. s];
        }
        var result = parts.Length == 3
            ? new ArimaOrder(parts[0], parts[1], parts[2])
            : new ArimaOrder(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
        try
        {
            result.Validate();
        }
        catch (SynthOptionException e)
        {
            throw new SynthOptionException(seasonal is null ? "--order" : "--order/--seasonal", e.Message[$"Option '{e.Option}': ".Length..]);
        }
        return result;
    }

    private static int[] Whole(string option, string text) =>
        text.Split(',', StringSplitOptions.TrimEntries).Select(p =>
            int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v
            : throw new SynthOptionException(option, $"in '{text}', {OptionValues.NotWhole(p)}")).ToArray();
}
