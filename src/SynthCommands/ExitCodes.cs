namespace SynthCommands;

/// <summary>What <see cref="SynthCommandExecutor"/> returns.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Bad data or a bad option value (missing file, malformed CSV, unknown column, --rows 0 or too large, unknown model, an output path that cannot be written…).</summary>
    public const int DataOrOptionError = 1;
    /// <summary>The command line does not fit the grammar (unknown command or option, missing argument, an option given twice).</summary>
    public const int UsageError = 2;
    /// <summary>Something failed that is not the user's mistake (a bug, or the machine); the message says what.</summary>
    public const int InternalError = 3;
    /// <summary>Cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
