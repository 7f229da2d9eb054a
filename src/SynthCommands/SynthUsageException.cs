namespace SynthCommands;

/// <summary>A command used the wrong way (e.g. no table given); reported like a parse error, exit code 2.</summary>
public sealed class SynthUsageException(string message) : SynthException(message);
