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

    [Fact]
    public void A_note_titled_like_a_built_in_framework_gets_another_id_and_its_folder_is_shown_by_path()
    {
        File.WriteAllText(Path.Combine(_cli.WorkDir, "python.md"), "---\ntitle: Python\n---\nMy notes.\n\n## Decorators\n\nFunctions that wrap functions.\n");

        var imported = _cli.RunOk("import", "python.md");

        imported.ErrorLines.ShouldBe(["warning: python.md: the title gives the id 'python', which is a built-in framework's; the draft's id is 'python-draft' (edit 'id' in its framework.yaml to choose another)"]);
        imported.Out.ShouldStartWith("Wrote the draft framework 'python-draft' in ./python: 2 topics");
        imported.Out.ShouldContain("Edit it, then check it: skillprint framework validate ./python");

        var shown = _cli.RunOk("framework", "show", "./python");
        shown.Out.ShouldContain("Imported > Python");
        shown.Out.ShouldContain("Decorators");
        shown.Out.ShouldContain("One topic: skillprint framework show ./python --topic ID");

        var wrongTopic = _cli.Run("framework", "show", "./python", "--topic", "async");
        wrongTopic.ExitCode.ShouldBe(2, wrongTopic.ToString());
        wrongTopic.ErrorLines[0].ShouldBe("error: unknown topic 'async' in the framework in ./python");
    }

    [Fact]
    public void A_framework_folder_that_reuses_a_built_in_id_is_read_from_its_folder()
    {
        var folder = Path.Combine(_cli.WorkDir, "mine");
        Directory.CreateDirectory(Path.Combine(folder, "topics"));
        File.WriteAllText(Path.Combine(folder, "framework.yaml"), "id: python\nname: Mine\nbreadcrumb: Mine > Python\nlevels: [{name: Beginner}, {name: Intermediate}, {name: Advanced}, {name: Expert}]\nrelevance: [{name: High, weight: 1}]\ntracks: [{id: all, name: All}]\n");
        File.WriteAllText(Path.Combine(folder, "topics", "only.md"), "---\nid: only\nname: The only topic\nrelevance: High\ntracks: [all]\nskills: []\n---\n");

        var shown = _cli.RunOk("framework", "show", "mine/");

        shown.Out.ShouldContain("Mine > Python");
        shown.Out.ShouldContain("The only topic");
        shown.Out.ShouldContain("One topic: skillprint framework show mine/ --topic ID");

        var unknownSkill = _cli.Run("evidence", "list", "--skill", "nothing", "--framework", "mine/", "--person", "a@example.org");
        unknownSkill.ExitCode.ShouldBe(2, unknownSkill.ToString());
        unknownSkill.ErrorLines[..2].ShouldBe(["error: unknown skill 'nothing' in the framework in mine/", "hint: see 'skillprint framework show mine/ --topic TOPIC' for the skill ids"]);

        var unknownRole = _cli.Run("role", "show", "nobody", "--framework", "mine/", "--person", "a@example.org");
        unknownRole.ExitCode.ShouldBe(2, unknownRole.ToString());
        unknownRole.ErrorLines[0].ShouldBe("error: unknown role 'nobody' in the framework in mine/");
    }
}
