namespace SynthCore.Data;

/// <summary>A numeric column's range fixed before looking at the data (dates as ticks): values are clipped into it.</summary>
public sealed record NumericBounds(double Lower, double Upper);
