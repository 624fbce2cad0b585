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
    public void A_staged_roadmap_note_becomes_a_draft_with_its_roadmap_tasks_challenges_and_questions()
    {
        using var temp = new TempFolder();
        var note = NoteFixtures.Copy(NoteFixtures.StagedRoadmap, temp.Path, "backend.md");

        var result = MarkdownImport.Run(note);

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Status.ShouldBe(ImportStatus.Created);
        result.OutputDirectory.ShouldBe(Path.Combine(temp.Path, "backend"));
        var framework = LoadDraft(result.OutputDirectory);

        // The id and name come from the front matter's title; its empty desc gives way to the overview.
        framework.Id.ShouldBe("python-backend");
        framework.Name.ShouldBe("Python Backend");
        framework.Description.ShouldNotBeNull().ShouldContain("Services, workers and scripts written in one readable language.");

        var roadmap = framework.Roadmaps.ShouldHaveSingleItem();
        roadmap.Stages.Select(s => s.Name).ShouldBe(
        [
            "Syntax + Built-in Types",
            "Functions + Closures",
            "Classes + Dataclasses",
            "Files + Serialization",
            "Modules + Imports",
            "Environments + Dependencies",
            "Errors + Logging",
            "Generators + Iterators",
            "Asyncio",
            "Type Hints + Checkers",
        ]);
        roadmap.Stages[0].Why.ShouldBe("Read everyday code.");
        roadmap.Stages[9].Why.ShouldBe("Mistakes caught before running.");

        framework.Tasks.Count.ShouldBe(10);
        framework.Tasks[0].Title.ShouldBe("Load a CSV export and write it back as JSON.");
        framework.Tasks[1].Title.ShouldBe("Write a command-line tool with `argparse` subcommands.");
        framework.Tasks[9].Title.ShouldBe("Make `mypy --strict` pass on a small service.");
        framework.Tasks.ShouldAllBe(t => t.Acceptance.Count == 1 && t.Acceptance[0] == "Done as described");
        framework.Tasks.ShouldAllBe(t => t.Description == null, "the note's Description column is empty");
        framework.Tasks.Select(t => t.Id).Distinct().Count().ShouldBe(10);

        framework.Challenges.Select(c => c.Level).ShouldBe(
            [ChallengeLevel.Easy, ChallengeLevel.Intermediate, ChallengeLevel.Expert, ChallengeLevel.BlackBelt]);
        framework.Challenges[0].Description.ShouldBe("Write a script that counts the words of every text file in a folder.");
        framework.Challenges[3].Description.ShouldBe(
            "Ship a typed library with documentation, tests in CI and a release on an index.");

        // The note is stored as mojibake: the curly apostrophe comes back repaired.
        framework.Cards.Select(c => c.Question).ShouldBe(
        [
            "When is a `tuple` a better choice than a `list`?",
            "Why doesn\u2019t a default argument such as `[]` start empty on every call?",
            "What does the `with` statement guarantee?",
            "How does an event loop decide which coroutine runs next?",
            "What do type hints change at run time?",
        ]);
        framework.Cards.ShouldAllBe(c => c.Answer == null);

        // One topic holds the note's subject; its body keeps the cheat sheets' code, the tips and the
        // closing sections, with the headings' emoji (and their mojibake) dropped.
        var topic = framework.Topics.ShouldHaveSingleItem();
        topic.Id.ShouldBe("python-backend");
        topic.Description.ShouldBe("Python on the backend means: Services, workers and scripts written in one readable language.");
        topic.Body.ShouldStartWith("## Topic Overview\n\n**Python on the backend** means:");
        topic.Body.ShouldContain("## Cheat Sheets");
        topic.Body.ShouldContain("```python\nfrom dataclasses import dataclass, field");
        topic.Body.ShouldContain("## Working Tips");
        topic.Body.ShouldContain("## Next Steps");
        topic.Body.ShouldContain("## Philosophy");
        topic.Body.ShouldNotContain("üß≠", customMessage: "the overview heading's emoji as mojibake");
        topic.Body.ShouldNotContain("🧭", customMessage: "the overview heading's emoji");
        framework.Tasks.ShouldAllBe(t => t.Topic == "python-backend");
    }

    [Fact]
    public void A_profile_note_becomes_one_topic_holding_the_profile()
    {
        using var temp = new TempFolder();
        var note = NoteFixtures.Copy(NoteFixtures.Profile, temp.Path, "python-profile.md");
        var output = Path.Combine(temp.Path, "drafts", "profile");

        var result = MarkdownImport.Run(note, output);

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.OutputDirectory.ShouldBe(output);
        var framework = LoadDraft(output);
        // No title in the front matter: the name comes from the file name.
        framework.Id.ShouldBe("python-profile");
        framework.Name.ShouldBe("Python Profile");
        framework.Description.ShouldBe("Backend Python craft");
        framework.Tracks.ShouldHaveSingleItem().ShouldBe(new Track("backend", "Backend"));
        framework.Breadcrumb.ShouldBe("Backend > Python Profile");

        var topic = framework.Topics.ShouldHaveSingleItem();
        topic.Id.ShouldBe("python-profile");
        topic.Description.ShouldBe("Backend Python craft");
        topic.Tracks.ShouldBe(["backend"]);
        // The five paragraphs of the profile, each kept whole.
        var paragraphs = topic.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        paragraphs.Length.ShouldBe(5);
        paragraphs[0].ShouldStartWith("You read and write Python that a colleague can follow");
        paragraphs[0].ShouldEndWith("not to be clever.");
        paragraphs[4].ShouldStartWith("You keep the tooling honest");
        framework.Roadmaps.ShouldBeEmpty();
        framework.Cards.ShouldBeEmpty();

        // Tags and group are kept as notes at the top of framework.yaml.
        var header = File.ReadAllText(Path.Combine(output, "framework.yaml"));
        header.ShouldContain("# note tags: python, services, tooling");
        header.ShouldContain("# note group: backend");
    }

    [Fact]
    public void An_existing_folder_is_replaced_only_when_an_earlier_import_wrote_it()
    {
        using var temp = new TempFolder();
        var note = NoteFixtures.Copy(NoteFixtures.StagedRoadmap, temp.Path, "python.md");
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
