namespace Skillprint.Cli.Tests;

/// <summary>`skillprint import` of a staged roadmap note (tests/Notes/staged-roadmap.md), then `framework
/// validate` of what it wrote.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string CopyRoadmapNote(string name)
    {
        var source = Repo.Notes("staged-roadmap.md");
        File.Exists(source).ShouldBeTrue($"the note {source} is missing");
        var note = Path.Combine(_cli.WorkDir, "notes", name);
        Directory.CreateDirectory(Path.GetDirectoryName(note)!);
        File.Copy(source, note);
        return note;
    }

    [Fact]
    public void A_staged_roadmap_note_becomes_a_draft_that_validates()
    {
        CopyRoadmapNote("python-roadmap.md");

        var result = _cli.RunOk("import", "notes/python-roadmap.md");

        result.Out.ShouldContain($"in {Path.Combine("notes", "python-roadmap")}: ");
        result.Out.ShouldContain("10 roadmap stages, 10 tasks, 4 challenges, 5 questions.");
        result.Out.ShouldContain($"skillprint framework validate {Path.Combine("notes", "python-roadmap")}");
        _cli.RunOk("framework", "validate", Path.Combine("notes", "python-roadmap")).Out.ShouldStartWith("ok: ");

        _cli.RunOk("import", "notes/python-roadmap.md").Out.ShouldStartWith("Replaced the draft framework");
    }

    [Fact]
    public void Out_chooses_the_folder_and_a_foreign_folder_is_never_overwritten()
    {
        CopyRoadmapNote("roadmap.md");
        var mine = Directory.CreateDirectory(Path.Combine(_cli.WorkDir, "mine")).FullName;
        File.WriteAllText(Path.Combine(mine, "keep.txt"), "my file");

        var refused = _cli.Run("import", "notes/roadmap.md", "--out", "mine");

        refused.ExitCode.ShouldBe(1, refused.ToString());
        refused.ErrorLines[^1].ShouldBe("error: notes/roadmap.md was not imported (1 problem)");
        File.ReadAllText(Path.Combine(mine, "keep.txt")).ShouldBe("my file");

        _cli.RunOk("import", "notes/roadmap.md", "--out", "drafts/python");
        File.Exists(Path.Combine(_cli.WorkDir, "drafts", "python", "framework.yaml")).ShouldBeTrue();
    }
}
