using SynthCore.Data;

namespace SynthCore.Tests.Data;

/// <summary>The pieces every output goes through: what is at a path, the checks before writing, temporary names, free names.</summary>
public sealed class OutputFilesTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void File_kinds_tell_regular_files_from_links_directories_and_devices()
    {
        string file = dir.Write("a.txt", "x");
        string link = dir.PathOf("link");
        File.CreateSymbolicLink(link, file);
        string dangling = dir.PathOf("dangling");
        File.CreateSymbolicLink(dangling, dir.PathOf("gone"));

        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(link));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(dangling));
        Assert.Equal(FileKind.Directory, FileKinds.Of(dir.Path));
        Assert.Equal(FileKind.Missing, FileKinds.Of(dir.PathOf("none")));
        if (File.Exists("/dev/null")) Assert.Equal(FileKind.Device, FileKinds.Of("/dev/null"));
    }

    [Fact]
    public void An_output_file_is_checked_naming_the_option()
    {
        string file = dir.Write("a.json", "{}");
        string link = dir.PathOf("link.json");
        File.CreateSymbolicLink(link, file);

        Assert.Contains("empty", Assert.Throws<SynthOptionException>(() => OutputTarget.CheckFile(" ", true, "--json")).Message);
        Assert.Contains("already exists", Assert.Throws<SynthFileException>(() => OutputTarget.CheckFile(file, false, "--json")).Message);
        Assert.Contains("symbolic link", Assert.Throws<SynthOptionException>(() => OutputTarget.CheckFile(link, true, "--json")).Message);
        Assert.Contains("directory", Assert.Throws<SynthOptionException>(() => OutputTarget.CheckFile(dir.Path, true, "--json")).Message);
        Assert.Contains("not a folder", Assert.Throws<SynthOptionException>(() => OutputTarget.CheckFile(Path.Combine(file, "a.json"), true, "--report")).Message);
        OutputTarget.CheckFile(dir.PathOf("no/a.json"), true, "--report"); // its folder is created when it is written
        OutputTarget.CheckFile(file, true, "--json");
        OutputTarget.CheckFile(dir.PathOf("new.json"), false, "--json");
        Assert.Equal(["a.json", "link.json"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void An_output_folder_may_be_created_but_not_under_a_file()
    {
        string file = dir.Write("a.csv", "x");
        OutputTarget.CheckFolder(dir.PathOf("new/deeper"), "--out");
        var error = Assert.Throws<SynthOptionException>(() => OutputTarget.CheckFolder(Path.Combine(file, "sub"), "--out"));
        Assert.Contains("not a folder", error.Message);
        Assert.False(Directory.Exists(dir.PathOf("new")), "checking created the folder");
    }

    [Fact]
    public void A_new_output_folder_named_like_a_table_file_is_refused_and_an_existing_one_taken()
    {
        var error = Assert.Throws<SynthOptionException>(() => OutputTarget.CheckFolder(dir.PathOf("s.csv"), "--out"));
        Assert.Contains("'--out'", error.Message);
        Assert.Contains("--name", error.Message);
        Assert.False(Directory.Exists(dir.PathOf("s.csv")));
        Directory.CreateDirectory(dir.PathOf("parts.parquet"));
        OutputTarget.CheckFolder(dir.PathOf("parts.parquet"), "--out");
    }

    [Fact]
    public void Temporary_names_carry_the_process_id_and_only_stale_ones_of_ours_are_removed()
    {
        string temp = TempFile.Beside(dir.PathOf("out.csv"));
        Assert.Matches($@"^\.out\.csv\.{Environment.ProcessId}\.[0-9a-f]{{32}}\.tmp$", Path.GetFileName(temp));

        var old = DateTime.UtcNow - TempFile.StaleAfter - TimeSpan.FromMinutes(1);
        string stale = dir.Write($".x.csv.{int.MaxValue}.{Guid.NewGuid():N}.tmp", "partial");
        string mine = dir.Write($".y.csv.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp", "partial");
        string other = dir.Write(".z.tmp", "someone else's");
        foreach (var path in new[] { stale, mine, other }) File.SetLastWriteTimeUtc(path, old);

        Assert.Equal([stale], TempFile.RemoveStale(dir.Path));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(other));
    }

    [Fact]
    public void A_free_name_skips_taken_ones_and_links()
    {
        dir.Write("p.html", "taken");
        File.CreateSymbolicLink(dir.PathOf("p_2.html"), dir.PathOf("elsewhere"));
        string temp = dir.Write(".p.tmp", "new");

        string path = FreeFileName.MoveTo(temp, dir.Path, "p", ".html");

        Assert.Equal(dir.PathOf("p_3.html"), path);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal("taken", File.ReadAllText(dir.PathOf("p.html")));
        Assert.False(File.Exists(dir.PathOf("elsewhere")));
    }
}
