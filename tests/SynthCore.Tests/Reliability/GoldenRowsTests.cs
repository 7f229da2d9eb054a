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
        ["ar1"] = "e5ccb0235756ccd8",
        ["arima"] = "7788f35520fc418b",
        ["block-bootstrap"] = "48191269317cbae2",
        ["bootstrap"] = "60f1755b0d6cac40",
        ["cart"] = "34514ad7188f33fc",
        ["cgan"] = "d35b3540676bc2dd",
        ["copula"] = "12b3a6bfa84bf1de",
        ["ctgan"] = "85eb3373ed6fa511",
        ["distributions"] = "42a3744f71a425be",
        ["dp-copula"] = "3e7107ad37e4ae50",
        ["gan"] = "925544e90288fd33",
        ["gmm"] = "8c95f070941cd3c2",
        ["kde"] = "21971f824419614b",
        ["smote"] = "6bd114c0500ec332",
        ["timegan"] = "c8ef37b86dd689f4",
        ["tvae"] = "347cc94881a9d16a",
        ["vae"] = "fbb4ae58b407241a",
        ["wgan-gp"] = "bd27f4d52ef02717",
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
