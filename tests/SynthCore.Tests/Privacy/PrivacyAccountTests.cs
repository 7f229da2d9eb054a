using SynthCore.Training;

namespace SynthCore.Tests.Privacy;

/// <summary>The release-by-release account of a DP fit: the DP copula's ledger and DP-SGD's releases from its options.</summary>
public class PrivacyAccountTests
{
    [Fact]
    public void The_dp_copula_lists_every_release_with_laplace_b_equal_to_sensitivity_over_epsilon()
    {
        var fitted = DpCopulaChecks.FitPenguins(2, seed: 3);
        var account = fitted.PrivacyAccount;
        int d = fitted.CorrelationColumns.Count;
        Assert.Equal(7, d);
        // One histogram per modelled column and one Kendall's tau per pair of them, nothing else.
        Assert.Equal(d + d * (d - 1) / 2, account.Releases.Count);
        Assert.Equal(fitted.CorrelationColumns.Select(c => $"histogram of {c}"), account.Releases.Take(d).Select(r => r.Target));
        var pairs = from i in Enumerable.Range(0, d) from j in Enumerable.Range(i + 1, d - i - 1)
                    select $"Kendall's tau of {fitted.CorrelationColumns[i]} × {fitted.CorrelationColumns[j]}";
        Assert.Equal(pairs, account.Releases.Skip(d).Select(r => r.Target));
        Assert.All(account.Releases, r =>
        {
            Assert.Equal("laplace", r.Mechanism);
            Assert.Equal(0, r.Delta);
            Assert.Equal(r.Sensitivity / r.Epsilon, r.NoiseScale, 12);
        });
        // Histograms: L1 sensitivity 2, half of ε over 7 columns; tau: 4 / n, the other half over 21 pairs.
        Assert.All(account.Releases.Take(d), r => { Assert.Equal(2, r.Sensitivity); Assert.Equal(1.0 / d, r.Epsilon, 12); });
        Assert.All(account.Releases.Skip(d), r => { Assert.Equal(4.0 / 344, r.Sensitivity, 12); Assert.Equal(1.0 / 21, r.Epsilon, 12); });
        Assert.Equal(2, account.Epsilon, 12);
        Assert.Equal(account.Releases.Sum(r => r.Epsilon), account.Epsilon, 12);
        Assert.Equal(PrivacyAccount.Sequential, account.Composition);
        Assert.True(account.Guaranteed);
        Assert.Same(fitted.Ledger.Entries, account.Releases);
    }

    [Fact]
    public void Dp_sgd_releases_carry_sigma_times_clip_norm_and_compose_by_rdp()
    {
        var account = PrivacyAccount.DpSgd("DP-SGD gradients", 0.1, 1.1, 2.5, 300, 1e-5, countNoiseMultiplier: 5, countColumns: 4);
        Assert.Equal(2, account.Releases.Count);
        var gradients = account.Releases[0];
        Assert.Equal(2.5, gradients.Sensitivity);
        Assert.Equal(1.1 * 2.5, gradients.NoiseScale, 12);
        Assert.Equal(new RdpAccountant().Compose(0.1, 1.1, 300).GetEpsilon(1e-5).Epsilon, gradients.Epsilon, 12);
        Assert.Contains("300 steps", gradients.Detail);
        var counts = account.Releases[1];
        Assert.Equal("gaussian", counts.Mechanism);
        Assert.Equal(2, counts.Sensitivity, 12);           // √4 columns
        Assert.Equal(10, counts.NoiseScale, 12);           // σ · √columns
        Assert.Equal(new RdpAccountant().Compose(1, 5, 1).GetEpsilon(1e-5).Epsilon, counts.Epsilon, 12);
        // The whole is the RDP composition: more than either release, less than their sum.
        Assert.Equal(new RdpAccountant().Compose(0.1, 1.1, 300).Compose(1, 5, 1).GetEpsilon(1e-5).Epsilon, account.Epsilon, 12);
        Assert.InRange(account.Epsilon, Math.Max(gradients.Epsilon, counts.Epsilon), gradients.Epsilon + counts.Epsilon);
        Assert.Equal(PrivacyAccount.Rdp, account.Composition);
        Assert.Equal(1e-5, account.Delta);
    }

    [Fact]
    public void Bounds_from_the_data_make_the_account_no_guarantee()
    {
        var table = PrivacyTestData.Penguins();
        var options = new SynthCore.Synthesizers.Statistical.DpCopula.DpCopulaOptions { Epsilon = 1, BoundsFromData = true };
        var fitted = (SynthCore.Synthesizers.Statistical.DpCopula.FittedDpCopula)new SynthCore.Synthesizers.Statistical.DpCopula.DpCopulaSynthesizer(options)
            .Fit(table, SynthCore.Data.TableMetadata.Detect(table));
        Assert.False(fitted.PrivacyAccount.Guaranteed);
    }
}
