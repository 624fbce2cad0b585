using Skillprint.Core.Frameworks;
using Skillprint.Core.Importing;

namespace Skillprint.Core.Tests.Importing;

public sealed class MarkdownImportTests
{
    private static Framework LoadDraft(string folder)
    {
        var load = FrameworkLoader.LoadFolder(folder);
        load.Errors.ShouldBeEmpty(string.Join("\n", load.Errors.Select(e => e.ToString())));
        return load.Framework!;
    }

    [Fact]
    public void Seed004_becomes_a_draft_with_its_roadmap_tasks_challenges_and_questions()
    {
        using var temp = new TempFolder();
        var note = SeedNotes.CopySeed("004", temp.Path, "python.md");

        var result = MarkdownImport.Run(note);

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Status.ShouldBe(ImportStatus.Created);
        result.OutputDirectory.ShouldBe(Path.Combine(temp.Path, "python"));
        var framework = LoadDraft(result.OutputDirectory);

        framework.Id.ShouldBe("python-draft", "the title gives 'python', the built-in framework's id");
        framework.Name.ShouldBe("Python");
        framework.Description.ShouldNotBeNull().ShouldContain("high-level, dynamically typed, general-purpose programming language");

        var roadmap = framework.Roadmaps.ShouldHaveSingleItem();
        roadmap.Stages.Select(s => s.Name).ShouldBe(
        [
            "Core Syntax + Data Types",
            "Functions + Lambdas",
            "Classes + OOP",
            "File I/O + JSON + CSV",
            "Modules + Packages",
            "Virtual Environments + Pip",
            "Exception Handling",
            "Decorators + Context Managers",
            "Async + Await",
            "Typing + Mypy + Pydantic",
        ]);
        roadmap.Stages[0].Why.ShouldBe("Python fluency.");
        roadmap.Stages[9].Why.ShouldBe("Type safety in Python.");

        framework.Tasks.Count.ShouldBe(10);
        framework.Tasks[0].Title.ShouldBe("Write CRUD operations on JSON/CSV files.");
        framework.Tasks[1].Title.ShouldBe("Build CLI tools using `argparse` or `click`.");
        framework.Tasks[9].Title.ShouldBe("Write type-annotated, production-ready code.");
        framework.Tasks.ShouldAllBe(t => t.Acceptance.Count == 1 && t.Acceptance[0] == "Done as described");
        framework.Tasks.ShouldAllBe(t => t.Description == null, "the note's Description column is empty");
        framework.Tasks.Select(t => t.Id).Distinct().Count().ShouldBe(10);

        framework.Challenges.Select(c => c.Level).ShouldBe(
            [ChallengeLevel.Easy, ChallengeLevel.Intermediate, ChallengeLevel.Expert, ChallengeLevel.BlackBelt]);
        framework.Challenges[0].Description.ShouldBe("Build a Python CLI tool that parses a CSV file and summarizes data.");
        framework.Challenges[3].Description.ShouldBe(
            "Package a Python library with typed APIs and pydantic validation, and publish it to PyPI.");

        framework.Cards.Select(c => c.Question).ShouldBe(
        [
            "What\u2019s the difference between a `list` and a `tuple`?",
            "Why use decorators in Python?",
            "How does async programming work in Python?",
            "Why use typing or pydantic in Python codebases?",
            "Explain how Python handles memory management.",
        ]);
        framework.Cards.ShouldAllBe(c => c.Answer == null);

        // One topic holds the note's subject; its body keeps the cheat sheet's code examples and tips.
        var topic = framework.Topics.ShouldHaveSingleItem();
        topic.Id.ShouldBe("python");
        topic.Description.ShouldBe("Python is: A high-level, dynamically typed, general-purpose programming language.");
        topic.Body.ShouldStartWith("## Topic Overview\n\n**Python** is:");
        topic.Body.ShouldContain("## Cheat Sheets");
        topic.Body.ShouldContain("```python\nfrom pydantic import BaseModel");
        topic.Body.ShouldContain("## Pro Ops Tips");
        topic.Body.ShouldNotContain("üìå");
        framework.Tasks.ShouldAllBe(t => t.Topic == "python");
    }

    [Fact]
    public void Seed001_becomes_one_topic_holding_the_profile()
    {
        using var temp = new TempFolder();
        var note = SeedNotes.CopySeed("001", temp.Path, "python-profile.md");
        var output = Path.Combine(temp.Path, "drafts", "profile");

        var result = MarkdownImport.Run(note, output);

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.OutputDirectory.ShouldBe(output);
        var framework = LoadDraft(output);
        framework.Id.ShouldBe("python-profile");
        framework.Name.ShouldBe("Python Profile");
        framework.Description.ShouldBe("Python programming expertise");
        framework.Tracks.ShouldHaveSingleItem().ShouldBe(new Track("backend", "Backend"));
        framework.Breadcrumb.ShouldBe("Backend > Python Profile");

        var topic = framework.Topics.ShouldHaveSingleItem();
        topic.Id.ShouldBe("python-profile");
        topic.Description.ShouldBe("Python programming expertise");
        topic.Tracks.ShouldBe(["backend"]);
        // The five paragraphs of the profile, each kept whole.
        var paragraphs = topic.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        paragraphs.Length.ShouldBe(5);
        paragraphs[0].ShouldStartWith("You write clean, idiomatic Python");
        paragraphs[4].ShouldStartWith("You use linting and formatting tools");
        framework.Roadmaps.ShouldBeEmpty();
        framework.Cards.ShouldBeEmpty();

        // Tags and group are kept as notes at the top of framework.yaml.
        var header = File.ReadAllText(Path.Combine(output, "framework.yaml"));
        header.ShouldContain("# note tags: python, scripting, data");
        header.ShouldContain("# note group: backend");
    }

    [Fact]
    public void An_existing_folder_is_replaced_only_when_an_earlier_import_wrote_it()
    {
        using var temp = new TempFolder();
        var note = SeedNotes.CopySeed("004", temp.Path, "python.md");
        var target = Path.Combine(temp.Path, "python");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "mine.txt"), "my own file");

        var refused = MarkdownImport.Run(note);

        refused.Status.ShouldBe(ImportStatus.Failed);
        refused.Errors.ShouldHaveSingleItem().Message.ShouldContain("is not an earlier import");
        File.ReadAllText(Path.Combine(target, "mine.txt")).ShouldBe("my own file");
        Directory.GetFileSystemEntries(temp.Path).Length.ShouldBe(2, "nothing written beside the note");

        Directory.Delete(target, recursive: true);
        MarkdownImport.Run(note).Status.ShouldBe(ImportStatus.Created);
        File.WriteAllText(Path.Combine(target, "topics", "stale.md"), "left from an earlier import");

        var again = MarkdownImport.Run(note);

        again.Status.ShouldBe(ImportStatus.Replaced);
        File.Exists(Path.Combine(target, "topics", "stale.md")).ShouldBeFalse();
        File.Exists(Path.Combine(target, MarkdownImport.MarkerFileName)).ShouldBeTrue();
        LoadDraft(target).Tasks.Count.ShouldBe(10);
        Directory.GetFileSystemEntries(temp.Path).Length.ShouldBe(2, "no temporary folders left");
    }

    [Fact]
    public void Bad_front_matter_is_an_error_at_its_line()
    {
        using var temp = new TempFolder();
        var note = Path.Combine(temp.Path, "broken.md");
        File.WriteAllText(note, "---\ntitle: Broken\ntags: [a, b\n---\n\n## Topic\n\nText.\n");

        var result = MarkdownImport.Run(note);

        result.Status.ShouldBe(ImportStatus.Failed);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe(note);
        error.Line.ShouldBeInRange(3, 4);
        error.Message.ShouldContain("front matter is not valid YAML");
        Directory.Exists(Path.Combine(temp.Path, "broken")).ShouldBeFalse();
    }

    [Fact]
    public void A_missing_note_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "nope.md");

        var result = MarkdownImport.Run(missing);

        result.Status.ShouldBe(ImportStatus.Failed);
        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe($"{missing}: does not exist");
    }

    [Fact]
    public void Headings_that_are_topics_become_topics_with_unique_valid_ids()
    {
        using var temp = new TempFolder();
        var note = Path.Combine(temp.Path, "web.md");
        File.WriteAllText(note, """
            ---
            title: "Web: the basics"
            desc: Notes on the web
            ---
            # Web
            Intro paragraph.

            ## Caching
            HTTP caches keep responses. More text.

            ```python
            cache = {}
            ```

            ## Caching
            A second section with the same name.

            ## Tips
            * Measure first.

            ## Interview Questions
            * What is a CDN?
              A: A network of caches near users.
            * Q: What does ETag do?
            * A: It names a version of a resource.
            """);

        var result = MarkdownImport.Run(note);

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var framework = LoadDraft(result.OutputDirectory);
        framework.Id.ShouldBe("web-the-basics");
        framework.Name.ShouldBe("Web: the basics");
        framework.Description.ShouldBe("Notes on the web");
        framework.Topics.Select(t => t.Id).ShouldBe(["web-the-basics", "caching", "caching-2"]);
        framework.Topics[0].Body.ShouldBe("Intro paragraph.\n\n## Tips\n\n* Measure first.");
        framework.Topics[1].Name.ShouldBe("Caching");
        framework.Topics[1].Description.ShouldBe("HTTP caches keep responses.");
        framework.Topics[1].Body.ShouldBe("HTTP caches keep responses. More text.\n\n```python\ncache = {}\n```");
        framework.Cards.Select(c => (c.Question, c.Answer)).ShouldBe(
        [
            ("What is a CDN?", "A network of caches near users."),
            ("What does ETag do?", "It names a version of a resource."),
        ]);
    }

    [Fact]
    public void A_challenge_level_that_names_no_level_takes_its_place_and_is_reported()
    {
        using var temp = new TempFolder();
        var note = Path.Combine(temp.Path, "levels.md");
        File.WriteAllText(note, """
            ## Roadmap

            | Stage | Focus |
            | --- | --- |

            ## Progressive Challenges

            | Level | Challenge |
            | --- | --- |
            | ??? | Parse a file. |
            | 🏆 Black Belt | Publish a library. |
            | Medium | Wrap an API. |
            """);

        var result = MarkdownImport.Run(note);

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.ToString().ShouldBe($"{note}:10:1: challenge level '???' is none of Easy, Intermediate, Expert, Black Belt; set to Easy by its place");
        var framework = LoadDraft(result.OutputDirectory);
        framework.Challenges.Select(c => (c.Level, c.Title)).ShouldBe(
        [
            (ChallengeLevel.Easy, "Parse a file"),
            (ChallengeLevel.BlackBelt, "Publish a library"),
            (ChallengeLevel.Intermediate, "Wrap an API"),
        ]);
        framework.Roadmaps.ShouldBeEmpty("a roadmap table without stages is left out");
    }

    [Theory]
    [InlineData("---\ntitle: Python\n---\nMy notes.\n", "/notes/python.md", "python-draft", "'python-draft'")]
    [InlineData("# Python\n\nMy notes.\n", "/notes/python-roadmap.md", "python-roadmap", "'python-roadmap' (from the note's file name)")]
    public void A_draft_never_takes_the_id_of_a_built_in_framework(string markdown, string path, string id, string chosen)
    {
        var read = MarkdownImport.Read(markdown, path);

        var draft = read.Draft.ShouldNotBeNull();
        draft.Id.ShouldBe(id);
        BuiltInFrameworks.Names.ShouldContain("python");
        draft.Warnings.Select(w => w.ToString()).ShouldBe(
            [$"{path}: the title gives the id 'python', which is a built-in framework's; the draft's id is {chosen} (edit 'id' in its framework.yaml to choose another)"]);
        draft.Topics[0].Id.ShouldBe("python", "the topic of the note's subject keeps its name");
    }

    [Theory]
    [InlineData("---\ntitle: Café crème\n---\nDéjà vu.\n", "cafe-creme", "Café crème", "Déjà vu.")]
    [InlineData("# \uF8FFüìå Notes ‚Äî v2\n\nWhat‚Äôs new.\n", "notes-v2", "Notes \u2014 v2", "What\u2019s new.")]
    public void Real_accents_stay_and_mojibake_is_repaired(string markdown, string id, string name, string body)
    {
        var read = MarkdownImport.Read(markdown, "/notes/x.md");

        var draft = read.Draft.ShouldNotBeNull();
        draft.Id.ShouldBe(id);
        draft.Name.ShouldBe(name);
        draft.Topics[0].Body.ShouldBe(body);
    }
}
