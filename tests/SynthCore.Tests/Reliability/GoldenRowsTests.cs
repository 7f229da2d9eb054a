using System.Security.Cryptography;
using System.Text;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Reliability;

/// <summary>
/// Same seed, same rows on any x86-64 CPU with AVX2 and FMA: every registered model's short fit
/// and sample hash to the bytes recorded here, whether the machine has AVX-512 or not. CI runs
/// this class twice, the second time with DOTNET_EnableAVX512F=0 (see .ci/run), so both of .NET's
/// vector paths are held to the same table; libtorch and MKL are pinned to their AVX2 kernels by
/// <see cref="SynthCore.Native.TorchNativeLoader"/>, whatever the CPU.
/// <para>
/// After a change that is meant to change rows, regenerate the table with
/// <c>SYNTH_GOLDEN_OUT=/tmp/golden.tsv dotnet test tests/SynthCore.Tests -c Release --filter "FullyQualifiedName~GoldenRowsTests"</c>
/// and paste the file's lines below; say in the commit why the rows changed.
/// </para>
/// </summary>
[Trait(VectorPaths.Category, VectorPaths.Name)]
public sealed class GoldenRowsTests
{
    /// <summary>SHA-256 (first 16 hex digits) of the CSV of 400 rows, fit seed 3, sample seed 11.</summary>
    private static readonly Dictionary<string, string> Golden = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar1"] = "7ecf443709020678",
        ["arima"] = "eac097767c335b6b",
        ["block-bootstrap"] = "e3ebd6f0b2d4b9f6",
        ["bootstrap"] = "2f0d8344f8cbb8c6",
        ["cart"] = "196cdcdab0e618a8",
        ["cgan"] = "0d69f0d2be50cd65",
        ["copula"] = "b21e180f074aa1e7",
        ["ctgan"] = "7a326dbd3495e09e",
        ["distributions"] = "6b69f66a2bc60036", // counts rank a count family first (issue 21)
        ["dp-copula"] = "ce7eabfa449791ab",
        ["gan"] = "0c5b7398276e0dd8",
        ["gmm"] = "a497cbc050c1031b",
        ["kde"] = "7438ec85f5d6745f",
        ["smote"] = "23e9822de29ac492",
        ["timegan"] = "581de20ffb3c5218",
        ["tvae"] = "4d15ca264b07ced2",
        ["vae"] = "bb79d33f2083faaa",
        ["wgan-gp"] = "c3ee6cb9e4575c55",
    };

    /// <summary>
    /// The short fits of <see cref="ShortFits"/> at the models' default batch sizes and network
    /// widths: large enough products that libtorch, MKL and our vector code run their main blocks,
    /// not only the small-size paths and tails.
    /// </summary>
    private static SynthesizerSettings SettingsFor(string model)
    {
        var settings = ShortFits.Settings(model, seed: 3) with { BatchSize = null };
        var extra = settings.Extra.Where(o => o.Key is not ("hidden-dim" or "layers")).ToDictionary();
        return settings with { Extra = extra };
    }

    public static TheoryData<string> Models() => ShortFits.Models();

    [Theory]
    [MemberData(nameof(Models))]
    public void A_fixed_seed_gives_the_recorded_rows(string model)
    {
        var fitted = ShortFits.Fit(model, seed: 3, settings: SettingsFor(model));
        string csv = ShortFits.Csv(fitted.Sample(400, seed: 11));
        (fitted as IDisposable)?.Dispose();
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(csv)))[..16].ToLowerInvariant();

        if (Environment.GetEnvironmentVariable("SYNTH_GOLDEN_OUT") is { Length: > 0 } output)
            lock (Golden) File.AppendAllText(output, $"        [\"{model}\"] = \"{hash}\",\n");

        Assert.True(Golden.TryGetValue(model, out var expected), $"no recorded rows for '{model}': add [\"{model}\"] = \"{hash}\"");
        Assert.True(expected == hash, $"'{model}' gave other rows than recorded ({hash}, recorded {expected}); first rows:\n{string.Join('\n', csv.Split('\n').Take(4))}");
    }
}
