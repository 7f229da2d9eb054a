namespace SynthDatabases;

/// <summary>The DataFrame column a database column becomes.</summary>
internal enum ValueKind
{
    Integer,
    Real,
    Decimal,
    Text,
    Boolean,
    DateTime,
}
