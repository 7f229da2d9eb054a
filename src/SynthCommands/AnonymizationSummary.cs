using SynthCore.Anonymization;

namespace SynthCommands;

/// <summary>What <c>synth anonymize</c> did: the k-anonymity result, the l-diversity check, and where the CSV went.</summary>
public sealed record AnonymizationSummary(string Source, KAnonymityResult Result, LDiversityResult? LDiversity, string? OutputCsv)
{
    public int Rows => (int)Result.Table.Rows.Count;

    /// <summary>The <c>--json</c> summary: the source and its rows, the result's figures (its rows are the CSV), the l-diversity check and the CSV.</summary>
    internal JsonObject ToJson()
    {
        var json = JsonSummary.Append(new JsonObject { ["source"] = Source, ["rows"] = Rows }, JsonSummary.ToNode(Result)!.AsObject());
        json["l_diversity"] = JsonSummary.ToNode(LDiversity);
        json["output_csv"] = OutputCsv;
        return json;
    }
}
