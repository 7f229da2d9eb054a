using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>What to forecast from a table, and how (see <see cref="TableForecast.Run"/>).</summary>
public sealed record TableForecastRequest
{
    /// <summary>The numeric column to forecast.</summary>
    public required string Column { get; init; }

    /// <summary>The column that orders the rows; null takes the table's only datetime column, or row order if it has none.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Steps ahead.</summary>
    public int Horizon { get; init; } = 12;

    /// <summary>Coverage of the central prediction intervals.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>A fixed order; null searches the grid by AIC.</summary>
    public ArimaOrder? Order { get; init; }

    /// <summary>The grid searched when <see cref="Order"/> is null.</summary>
    public ArimaSearch Search { get; init; } = new();

    public ArimaMethod Method { get; init; } = ArimaMethod.CssMl;

    /// <exception cref="SynthOptionException">Names the first bad option.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Column)) throw new SynthOptionException("column", "names no column.");
        if (Horizon < 1) throw new SynthOptionException("horizon", $"must be at least 1 (got {Horizon}).");
        if (Horizon > 100_000) throw new SynthOptionException("horizon", $"must be at most 100000 (got {Horizon}).");
        if (!(Level > 0 && Level < 1)) throw new SynthOptionException("level", $"must be between 0 and 1, e.g. 0.95 (got {Level.ToString(CultureInfo.InvariantCulture)}).");
        Order?.Validate();
        Search.Validate();
    }
}

/// <summary>The fitted model, the forecast, and the table of it (time if known, step, forecast, lower, upper).</summary>
public sealed record TableForecastResult(
    string Column, string? TimeColumn, string? Spacing, int Observations, ArimaModel Model, ArimaForecast Forecast, DataFrame Table);

/// <summary>
/// Forecasts one numeric column of a table with (S)ARIMA: the rows ordered by the time column,
/// the model fitted (a given order, or the AIC search), <see cref="ArimaModel.Forecast"/> for the
/// horizon, and the time column extended by its detected spacing.
/// </summary>
public static class TableForecast
{
    public static TableForecastResult Run(DataFrame table, TableForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        request.Validate();
        var names = table.Columns.Select(c => c.Name).ToArray();
        string Known(string option, string name) => names.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new SynthOptionException(option, $"unknown column '{name}' (the table has: {string.Join(", ", names)}).");
        string column = Known("column", request.Column);
        if (table.Rows.Count == 0) throw new SynthException("The table has no rows.");

        var metadata = TableMetadata.Detect(table);
        if (metadata[column].Kind is not (ColumnKind.Continuous or ColumnKind.Integer))
            throw new SynthOptionException("column", $"'{column}' is {metadata[column].Kind.ToString().ToLowerInvariant()}; forecasts need a numeric column.");
        if (metadata[column].MissingCount > 0)
            throw new SynthColumnException(column, $"has {metadata[column].MissingCount} missing value(s); fill or drop them before forecasting.");

        string? timeColumn = request.TimeColumn is { } t ? Known("time", t) : null;
        if (timeColumn is null)
        {
            var dates = metadata.Columns.Where(c => c.Kind == ColumnKind.Datetime).Select(c => c.Name).ToArray();
            if (dates.Length > 1)
                throw new SynthOptionException("time", $"the table has several datetime columns ({string.Join(", ", dates)}); name the one that orders the rows.");
            timeColumn = dates.FirstOrDefault();
        }
        if (timeColumn == column) throw new SynthOptionException("time", $"'{column}' is the column to forecast; it cannot also order the rows.");

        int rows = checked((int)table.Rows.Count);
        var values = new double[rows];
        var source = table.Columns[column];
        for (int r = 0; r < rows; r++)
            values[r] = source[r] is IConvertible c and not string && c.ToDouble(CultureInfo.InvariantCulture) is var x && double.IsFinite(x)
                ? x
                : throw new SynthColumnException(column, $"row {r + 1} holds '{source[r]}', not a finite number.");

        int[] order = Enumerable.Range(0, rows).ToArray();
        TimeAxis? axis = null;
        if (timeColumn is not null)
        {
            var time = table.Columns[timeColumn];
            for (int r = 0; r < rows; r++)
                if (time[r] is null) throw new SynthColumnException(timeColumn, $"row {r + 1} has no timestamp; every row needs one to be put in order.");
            if (time[0] is DateTime)
            {
                var dates = Enumerable.Range(0, rows).Select(r => (DateTime)time[r]).ToArray();
                order = order.OrderBy(r => dates[r]).ToArray();
                axis = TimeAxis.FromDates(timeColumn, order.Select(r => dates[r]).ToArray());
            }
            else if (time[0] is IConvertible and not (string or bool))
            {
                var numbers = Enumerable.Range(0, rows).Select(r => Convert.ToDouble(time[r], CultureInfo.InvariantCulture)).ToArray();
                order = order.OrderBy(r => numbers[r]).ToArray();
                axis = TimeAxis.FromNumbers(timeColumn, order.Select(r => numbers[r]).ToArray());
            }
            else
                throw new SynthColumnException(timeColumn, "cannot order the rows: it holds neither dates nor numbers.");
        }
        var series = order.Select(r => values[r]).ToArray();

        ArimaModel model;
        try
        {
            model = request.Order is { } fixedOrder
                ? ArimaEstimation.Fit([series], fixedOrder, request.Method)
                : ArimaEstimation.Select([series], request.Search, request.Method).Best;
        }
        catch (SynthException e) when (e is not SynthOptionException)
        {
            throw new SynthColumnException(column, e.Message, e);
        }
        ArimaForecast forecast;
        try
        {
            forecast = model.Forecast(series, request.Horizon, request.Level);
        }
        catch (SynthException e) when (e is not SynthOptionException)
        {
            throw new SynthColumnException(column, e.Message, e);
        }

        var output = new DataFrame();
        if (axis is not null)
        {
            // A time column called like one of the others keeps its values under a distinct name.
            string name = axis.Column is "step" or "forecast" or "lower" or "upper" ? axis.Column + "_time" : axis.Column;
            output.Columns.Add(axis.IsDate
                ? new DateTimeDataFrameColumn(name, axis.NextDates(request.Horizon).Select(d => (DateTime?)d))
                : new DoubleDataFrameColumn(name, axis.NextNumbers(request.Horizon)));
        }
        output.Columns.Add(new Int32DataFrameColumn("step", Enumerable.Range(1, request.Horizon)));
        output.Columns.Add(new DoubleDataFrameColumn("forecast", forecast.Mean));
        output.Columns.Add(new DoubleDataFrameColumn("lower", forecast.Lower));
        output.Columns.Add(new DoubleDataFrameColumn("upper", forecast.Upper));
        return new TableForecastResult(column, axis?.Column, axis?.Spacing, series.Length, model, forecast, output);
    }
}
