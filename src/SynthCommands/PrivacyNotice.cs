using System.Globalization;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthCore.Synthesizers.Statistical.DpCopula;

namespace SynthCommands;

/// <summary>After a fit, says what privacy guarantee the model has, if it claims one, and lists every statistic it released with noise (<see cref="PrivacyReleaseTable"/>); a model that is not private despite DP options is flagged on the error stream.</summary>
internal static class PrivacyNotice
{
    public static void Write(ISynthHost host, IFittedSynthesizer model)
    {
        switch (model)
        {
            case FittedDpCopula copula when copula.IsDifferentiallyPrivate:
                host.WriteLine("Privacy: " + copula.PrivacyStatement);
                break;
            case FittedDpCopula copula:
                host.WriteError("warning: " + copula.PrivacyStatement);
                break;
            case FittedGan { DifferentialPrivacy: { } dp } gan:
                host.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Privacy: the discriminator was trained with DP-SGD: (ε = {dp.Epsilon:G4}, δ = {dp.Delta:G2}) by the RDP accountant; the networks are covered{(gan.Options.Condition is null ? "" : " and so are the condition's category shares (released with Gaussian noise)")}, the column ranges and category sets are not."));
                break;
            case FittedCtgan { DifferentialPrivacy: { } dp }:
                host.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Privacy: the critic was trained with DP-SGD and the category counts released with Gaussian noise: (ε = {dp.Epsilon:G4}, δ = {dp.Delta:G2}) by the RDP accountant; the networks and category counts are covered, the column ranges, category sets and mode-specific normalisation (Gaussian mixtures fitted on the raw data) are not."));
                break;
            case FittedTvae { DifferentialPrivacy: { } vae }:
                host.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Privacy: the encoder and decoder were trained with DP-SGD: (ε = {vae.Epsilon:G4}, δ = {vae.Delta:G2}) by the RDP accountant over {vae.Steps} steps; the networks are covered, the column ranges, mixture modes, category sets and missing rates are not."));
                break;
        }
        if (PrivacyReleaseTable.Of(model) is { } account) host.WriteLine(PrivacyReleaseTable.Render(account));
    }
}
