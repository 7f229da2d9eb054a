using SynthCore.Native;
using TorchSharp;

namespace SynthCore.Torch;

/// <summary>Turns a device name from the user into a TorchSharp device, or a clear error.</summary>
public static class TorchDevices
{
    /// <summary>The device for "cpu", "cuda" or "cuda:N".</summary>
    /// <param name="name">The device name as given.</param>
    /// <param name="option">The option to name in errors.</param>
    /// <exception cref="SynthOptionException">Unknown name, or CUDA requested where it is not available.</exception>
    public static torch.Device Resolve(string? name, string option = "device")
    {
        TorchNativeLoader.EnsureLoaded();
        string value = (name ?? "").Trim().ToLowerInvariant();
        if (value == "cpu") return torch.CPU;

        bool isCuda = value == "cuda"
            || (value.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(value.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _));
        if (!isCuda)
            throw new SynthOptionException(option, $"unknown device '{name}'. Use cpu, cuda or cuda:N.");
        if (!torch.cuda.is_available())
            throw new SynthOptionException(option, $"device '{name}' was requested but CUDA is not available in this build (TorchSharp-cpu) or on this machine. Use cpu.");
        var device = torch.device(value);
        if (device.index >= torch.cuda.device_count())
            throw new SynthOptionException(option, $"device '{name}' does not exist: this machine has {torch.cuda.device_count()} CUDA device(s).");
        return device;
    }
}
