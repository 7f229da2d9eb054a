namespace SynthCore.Data.Sequences;

/// <summary>
/// The regular spacing of a sorted time column, to extend it past its last value: a fixed
/// duration (days, hours, …), a whole number of calendar months (monthly, quarterly or yearly
/// dates, whose durations differ), or a fixed numeric step (e.g. years as integers).
/// </summary>
public sealed class TimeAxis
{
    private readonly DateTime? lastDate;
    private readonly double lastNumber;
    private readonly TimeSpan duration;
    private readonly int months;
    private readonly double numericStep;
    private readonly bool monthEnds;

    private TimeAxis(string column, DateTime? lastDate, double lastNumber, TimeSpan duration, int months, double numericStep, bool monthEnds = false)
    {
        this.monthEnds = monthEnds;
        Column = column;
        this.lastDate = lastDate;
        this.lastNumber = lastNumber;
        this.duration = duration;
        this.months = months;
        this.numericStep = numericStep;
    }

    /// <summary>The time column's name.</summary>
    public string Column { get; }

    /// <summary>Whether the column holds dates (else numbers).</summary>
    public bool IsDate => lastDate is not null;

    /// <summary>The spacing in words, e.g. "1 day", "3 months", "0.5".</summary>
    public string Spacing => lastDate is null
        ? numericStep.ToString("G", CultureInfo.InvariantCulture)
        : months > 0 ? (months == 1 ? "1 month" : $"{months} months")
        : duration.TotalDays >= 1 && duration.Ticks % TimeSpan.TicksPerDay == 0 ? (duration.TotalDays == 1 ? "1 day" : $"{duration.TotalDays:0} days")
        : duration.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>The dates <c>1 … steps</c> spacings after the last one.</summary>
    public DateTime[] NextDates(int steps) =>
        Enumerable.Range(1, steps).Select(h => months > 0 ? AddMonths(lastDate!.Value, months * h) : lastDate!.Value + duration * h).ToArray();

    /// <summary>Month ends stay month ends (31 Jan, 28 Feb, 31 Mar …).</summary>
    private DateTime AddMonths(DateTime date, int count)
    {
        var next = date.AddMonths(count);
        return monthEnds ? next.AddDays(DateTime.DaysInMonth(next.Year, next.Month) - next.Day) : next;
    }

    /// <summary>The numbers <c>1 … steps</c> spacings after the last one.</summary>
    public double[] NextNumbers(int steps) => Enumerable.Range(1, steps).Select(h => lastNumber + numericStep * h).ToArray();

    /// <summary>Detects the spacing of <paramref name="dates"/> (sorted, at least 2).</summary>
    /// <exception cref="SynthColumnException">Repeated or unevenly spaced timestamps.</exception>
    public static TimeAxis FromDates(string column, IReadOnlyList<DateTime> dates)
    {
        CheckCount(column, dates.Count);
        for (int i = 1; i < dates.Count; i++)
            if (dates[i] == dates[i - 1]) throw new SynthColumnException(column, $"the timestamp {Show(dates[i])} appears more than once.");

        var step = dates[1] - dates[0];
        if (Enumerable.Range(1, dates.Count - 1).All(i => dates[i] - dates[i - 1] == step))
            return new TimeAxis(column, dates[^1], 0, step, 0, 0);

        // Calendar months: same day of month (or every date a month end) and time of day, a fixed number of months apart.
        int MonthIndex(DateTime d) => d.Year * 12 + d.Month;
        bool monthEnds = dates.All(d => d.Day == DateTime.DaysInMonth(d.Year, d.Month));
        int months = MonthIndex(dates[1]) - MonthIndex(dates[0]);
        bool calendar = months > 0 && dates.All(d => d.TimeOfDay == dates[0].TimeOfDay && (monthEnds || d.Day == dates[0].Day))
            && Enumerable.Range(1, dates.Count - 1).All(i => MonthIndex(dates[i]) - MonthIndex(dates[i - 1]) == months);
        if (calendar)
            return new TimeAxis(column, dates[^1], 0, TimeSpan.Zero, months, 0, monthEnds && dates.Any(d => d.Day < 31));

        int bad = Enumerable.Range(1, dates.Count - 1).First(i => dates[i] - dates[i - 1] != step);
        throw new SynthColumnException(column,
            $"the timestamps are unevenly spaced: {Show(dates[bad - 1])} to {Show(dates[bad])} differs from the first gap ({Show(dates[0])} to {Show(dates[1])}). "
            + "Forecasts need a regular series: resample it first.");
    }

    /// <summary>Detects the spacing of <paramref name="values"/> (sorted numbers, at least 2).</summary>
    /// <exception cref="SynthColumnException">Repeated or unevenly spaced values.</exception>
    public static TimeAxis FromNumbers(string column, IReadOnlyList<double> values)
    {
        CheckCount(column, values.Count);
        double step = values[1] - values[0];
        for (int i = 1; i < values.Count; i++)
        {
            double gap = values[i] - values[i - 1];
            if (gap == 0) throw new SynthColumnException(column, $"the value {values[i].ToString(CultureInfo.InvariantCulture)} appears more than once.");
            if (Math.Abs(gap - step) > 1e-9 * Math.Abs(step))
                throw new SynthColumnException(column,
                    $"the values are unevenly spaced: {values[i - 1].ToString(CultureInfo.InvariantCulture)} to {values[i].ToString(CultureInfo.InvariantCulture)} differs from the first gap. Forecasts need a regular series: resample it first.");
        }
        return new TimeAxis(column, null, values[^1], TimeSpan.Zero, 0, step);
    }

    private static void CheckCount(string column, int count)
    {
        if (count < 2) throw new SynthColumnException(column, "has fewer than 2 timestamps: its spacing cannot be detected.");
    }

    private static string Show(DateTime d) =>
        d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
