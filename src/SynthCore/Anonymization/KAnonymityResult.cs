using System.Text.Json.Serialization;

namespace SynthCore.Anonymization;

/// <summary>Information lost in one quasi-identifier: its mean normalised certainty penalty.</summary>
/// <param name="Column">The quasi-identifier.</param>
/// <param name="CertaintyPenalty">Mean over rows of the generalised interval's width / the column's range (numbers) or (set size − 1) / (categories − 1): 0 = unchanged, 1 = fully suppressed.</param>
public sealed record ColumnLoss(string Column, double CertaintyPenalty);

/// <summary>A k-anonymous table and what generalising it cost.</summary>
/// <param name="Table">The rows in their original order; quasi-identifiers as text ("lo-hi" ranges, "{a,b}" sets), other columns unchanged.</param>
/// <param name="K">The k asked for.</param>
/// <param name="QuasiIdentifiers">The generalised columns.</param>
/// <param name="Classes">Equivalence classes (groups of rows with the same generalised quasi-identifiers).</param>
/// <param name="SmallestClass">Rows in the smallest class (at least <paramref name="K"/>).</param>
/// <param name="AverageClassSize">Rows per class.</param>
/// <param name="CertaintyPenalty">Normalised certainty penalty (Xu et al. 2006) over all rows and quasi-identifiers, 0 to 1.</param>
/// <param name="ColumnLosses">The penalty per quasi-identifier.</param>
/// <param name="Discernibility">Discernibility metric (Bayardo &amp; Agrawal 2005): the sum of squared class sizes.</param>
/// <param name="ClassOfRow">Each row's class number.</param>
/// <remarks>Summaries (JSON) carry the figures; the rows and their classes are the table itself, so they are left out.</remarks>
public sealed record KAnonymityResult(
    [property: JsonIgnore] DataFrame Table,
    int K,
    IReadOnlyList<string> QuasiIdentifiers,
    int Classes,
    int SmallestClass,
    double AverageClassSize,
    double CertaintyPenalty,
    IReadOnlyList<ColumnLoss> ColumnLosses,
    long Discernibility,
    [property: JsonIgnore] IReadOnlyList<int> ClassOfRow);
