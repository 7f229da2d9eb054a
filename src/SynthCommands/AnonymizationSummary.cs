using SynthCore.Anonymization;

namespace SynthCommands;

/// <summary>What <c>synth anonymize</c> did: the k-anonymity result without the table, the l-diversity check, and where the CSV went.</summary>
public sealed record AnonymizationSummary(
    string Source,
    int Rows,
    int K,
    IReadOnlyList<string> QuasiIdentifiers,
    int Classes,
    int SmallestClass,
    double AverageClassSize,
    double CertaintyPenalty,
    IReadOnlyList<ColumnLoss> ColumnLosses,
    long Discernibility,
    LDiversityResult? LDiversity,
    string? OutputCsv)
{
    public static AnonymizationSummary From(string source, KAnonymityResult result, LDiversityResult? diversity, string? output) =>
        new(source, (int)result.Table.Rows.Count, result.K, result.QuasiIdentifiers, result.Classes, result.SmallestClass,
            result.AverageClassSize, result.CertaintyPenalty, result.ColumnLosses, result.Discernibility, diversity, output);
}
