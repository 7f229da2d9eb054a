using SynthCore.Registry;

namespace SynthCommands;

/// <summary>What every command needs besides its parsed arguments.</summary>
internal sealed record CommandContext(ISynthHost Host, SynthesizerRegistry Registry, CancellationToken Cancellation);
