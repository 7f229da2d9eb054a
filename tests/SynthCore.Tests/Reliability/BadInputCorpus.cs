namespace SynthCore.Tests.Reliability;

/// <summary>The files of tests/BadInputs and what each must give (its expectations.tsv).</summary>
public static class BadInputCorpus
{
    /// <param name="Warning">For a file read with a column of numbers or dates in disguise: text of its <c>DisguisedColumns</c> warning.</param>
    public sealed record Case(string File, bool Ok, string Detail, string? Warning = null)
    {
        public string Path => System.IO.Path.Combine(Directory, File);
        public int Columns => int.Parse(Detail, System.Globalization.CultureInfo.InvariantCulture);
        public override string ToString() => File;
    }

    public static string Directory { get; } = System.IO.Path.Combine(BundledData.RepoRoot, "tests", "BadInputs");

    public static IReadOnlyList<Case> Cases { get; } = File.ReadLines(System.IO.Path.Combine(Directory, "expectations.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(f => new Case(f[0], f[1] switch { "ok" => true, "error" => false, _ => throw new FormatException($"Outcome '{f[1]}' of {f[0]}.") }, f[2], f.Length > 3 ? f[3] : null))
        .ToArray();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.File);
        return data;
    }

    public static Case Get(string file) => Cases.Single(c => c.File == file);
}
