using System.Text;

namespace SynthCore.Tests.Data;

/// <summary>A fresh temporary folder, deleted on dispose, for tests that read and write files.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("synthcore-tests-").FullName;

    /// <summary>Writes exact bytes (no BOM unless the text starts with one) and returns the file path.</summary>
    public string Write(string name, string text, bool bom = false)
    {
        string path = System.IO.Path.Combine(Path, name);
        var bytes = new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A path in the folder, without creating the file.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
