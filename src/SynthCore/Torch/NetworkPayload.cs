using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Torch;

/// <summary>The part of loading a neural model file that every neural model shares: reading the networks' weights, and failing cleanly.</summary>
internal static class NetworkPayload
{
    /// <summary>Reads each network's weights in order and refuses bytes after the last.</summary>
    public static void ReadWeights(BinaryReader reader, string model, params nn.Module[] networks)
    {
        foreach (var network in networks) network.load(reader, strict: true);
        if (reader.BaseStream.Position != reader.BaseStream.Length)
            throw new SynthException($"The {model} model file has unexpected bytes after the networks' weights.");
    }

    /// <summary>Moves the networks to the device in eval mode (batch norm on running statistics, no dropout).</summary>
    public static void PlaceForSampling(Device device, IEnumerable<nn.Module> networks)
    {
        foreach (var network in networks)
        {
            network.to(device);
            network.eval();
        }
    }

    /// <summary>
    /// Runs <paramref name="load"/>; on any failure calls <paramref name="release"/> (the networks built so
    /// far) and reports anything but a <see cref="SynthException"/> as a damaged file.
    /// </summary>
    public static T Guard<T>(string model, Func<T> load, Action release)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is not SynthException)
        {
            release();
            throw new SynthException($"The {model} model file is damaged or does not match its options: {e.Message}", e);
        }
        catch
        {
            release();
            throw;
        }
    }
}
