using SynthCore.Training;

namespace SynthCommands;

/// <summary>
/// After a fit, says what privacy guarantee the model has, if it claims one (<see cref="IPrivacyAccounted"/>: the model
/// states what is covered), and lists every statistic it released with noise (<see cref="PrivacyReleaseTable"/>); a model
/// that is not private despite DP options is flagged on the error stream.
/// </summary>
internal static class PrivacyNotice
{
    public static void Write(ISynthHost host, IFittedSynthesizer model)
    {
        if (model is not IPrivacyAccounted { PrivacyAccount: { } account, PrivacyStatement: { } statement }) return;
        if (account.Guaranteed) host.WriteLine("Privacy: " + statement);
        else host.WriteError("warning: " + statement);
        host.WriteLine(PrivacyReleaseTable.Render(account));
    }
}
