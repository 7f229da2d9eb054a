namespace SynthCore.Data;

/// <summary>
/// Gives a finished temporary file the first free name of <c>stem.ext</c>, <c>stem_2.ext</c>, <c>stem_3.ext</c>, …:
/// how every timestamped output (sampled CSVs, exports, plots) avoids replacing a file, even a concurrent run's.
/// </summary>
public static class FreeFileName
{
    /// <summary>Moves <paramref name="temp"/> to the first free name in <paramref name="directory"/> and returns that path.</summary>
    /// <exception cref="SynthFileException">Ten thousand names are taken.</exception>
    public static string MoveTo(string temp, string directory, string stem, string extension)
    {
        // File.Move without overwrite fails if the target appeared meanwhile; then the next suffix is tried,
        // so a concurrent writer of the same name in the same second cannot replace this one's file.
        for (int suffix = 1; suffix < 10_000; suffix++)
        {
            string candidate = Path.Combine(directory, suffix == 1 ? stem + extension : $"{stem}_{suffix}{extension}");
            if (File.Exists(candidate) || Directory.Exists(candidate) || new FileInfo(candidate).LinkTarget is not null) continue;
            try
            {
                File.Move(temp, candidate, overwrite: false);
                return candidate;
            }
            catch (IOException) when (File.Exists(candidate) && File.Exists(temp))
            {
                // Lost a race for this name: try the next one.
            }
        }
        throw new SynthFileException(Path.Combine(directory, stem + extension), "too many files with this name already exist.");
    }
}
