namespace SynthCore.Data;

/// <summary>The DataFrame column a database column becomes (<see cref="DataReaderTable"/>).</summary>
public enum ValueKind
{
    Integer,
    Real,
    Decimal,
    Text,
    Boolean,
    DateTime,
}
