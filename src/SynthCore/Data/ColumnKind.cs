namespace SynthCore.Data;

/// <summary>What a column holds, which decides how it is transformed, modelled and compared.</summary>
public enum ColumnKind
{
    /// <summary>Real numbers.</summary>
    Continuous,
    /// <summary>Whole numbers (counts, minutes): modelled as numbers, returned rounded.</summary>
    Integer,
    /// <summary>A small set of labels.</summary>
    Categorical,
    /// <summary>True / false.</summary>
    Boolean,
    /// <summary>Dates and times: modelled as numbers (ticks), returned as dates.</summary>
    Datetime,
    /// <summary>A key unique to each row (ids): never modelled, regenerated on sampling.</summary>
    Identifier,
}
