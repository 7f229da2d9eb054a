using FsCheck;
using Microsoft.FSharp.Core;

namespace SynthCore.Tests.Reliability;

/// <summary>FsCheck settings shared by the property tests: a fixed replay seed, so CI runs the same cases every time.</summary>
internal static class PropertyChecks
{
    public static Config Config(int cases, ulong seed) =>
        FsCheck.Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
}
