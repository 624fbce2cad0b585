using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Skillprint.Core.Export;
using Skillprint.Core.Status;
using Skillprint.Core.Tests.Importing;
using Skillprint.Core.Tests.Status;
using YamlDotNet.RepresentationModel;
using static Skillprint.Core.Tests.Status.StatusFixture;

namespace Skillprint.Core.Tests.Export;

public sealed class ProfileExportTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static PersonalStatus Sample(string? person = "ada@example.org") => PersonalStatus.Compute(
        Framework(),
        [
            Assess("async", Level.Advanced, null, daysAgo: 1),
            Assess("pydantic", Level.Beginner, null, daysAgo: 2),
        ],
        [
            Code("async", "async.await", "domus-api", "app/main.py", 3, daysAgo: 10),
            Code("async", "async.gather", "domus-api", "app/main.py", 14, daysAgo: 10),
            Code("async", "async.httpx", "domus-api", "app/client.py", 7, daysAgo: 30),
            Code("async", "async.queue", "netapi", "worker.py", 22, daysAgo: 20),
        ],
        new FixedTime(Now),
        person);

    private static (YamlMappingNode Front, string Body) Read(string profile)
    {
        var document = Markdown.Parse(profile, Pipeline);
        var block = document.OfType<YamlFrontMatterBlock>().Single();
        var stream = new YamlStream();
        stream.Load(new StringReader(block.Lines.ToString()));
        var bodyStart = profile.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5;
        return ((YamlMappingNode)stream.Documents[0].RootNode, profile[bodyStart..]);
    }

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    [Fact]
    public void The_front_matter_has_the_shape_of_seed_001_with_levels_and_an_evidence_summary()
    {
        var (front, _) = Read(ProfileExport.Render(Sample()));

        Scalar(front, "name").ShouldBe("python-ada");
        Scalar(front, "description").ShouldBe("Python competencies of ada@example.org: Intermediate in Async Programming; Beginner in Pydantic");
        ((YamlSequenceNode)front["tags"]).Select(t => ((YamlScalarNode)t).Value).ShouldBe(["python", "async"]);
        Scalar(front, "generator").ShouldBe("skillprint profile");
        Scalar(front, "person").ShouldBe("ada@example.org");
        Scalar(front, "generated").ShouldBe("2025-07-20T12:00:00Z");

        var levels = ((YamlSequenceNode)front["levels"]).Cast<YamlMappingNode>().ToList();
        levels.Select(l => Scalar(l, "topic")).ShouldBe(["async", "pydantic"], "highest level first");
        Scalar(levels[0], "level").ShouldBe("Intermediate");
        Scalar(levels[0], "evidenced").ShouldBe("Intermediate");
        Scalar(levels[0], "self").ShouldBe("Advanced");
        Scalar(levels[0], "strength").ShouldStartWith("skills: 1 Advanced, 2 Intermediate, 1 Beginner; 4 places in 3 files, 2 repositories");
        levels[1].Children.ContainsKey(new YamlScalarNode("evidenced")).ShouldBeFalse("pydantic has no code evidence");
        Scalar(levels[1], "self").ShouldBe("Beginner");

        var evidence = front["evidence"];
        Scalar(evidence, "places").ShouldBe("4");
        Scalar(evidence, "files").ShouldBe("3");
        Scalar(evidence, "repositories").ShouldBe("2");
        Scalar(evidence, "first").ShouldBe("2025-06-20");
        Scalar(evidence, "last").ShouldBe("2025-07-10");
    }

    [Fact]
    public void The_body_speaks_to_the_reader_topic_by_topic_naming_skills_and_gaps()
    {
        var (_, body) = Read(ProfileExport.Render(Sample()));

        body.ShouldStartWith("# Python: ada@example.org\n");
        body.ShouldContain("**Async Programming: Intermediate.** You work at Intermediate level, as your code shows: ");
        body.ShouldContain("asyncio.Queue");
        body.ShouldContain("You rate yourself Advanced.");
        body.ShouldContain("Next to learn: async generators.");
        body.ShouldContain("**Pydantic: Beginner.** You rate yourself Beginner; your code does not show this topic yet.");
        body.IndexOf("Async Programming", StringComparison.Ordinal).ShouldBeLessThan(body.IndexOf("**Pydantic", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_recorded_says_so()
    {
        var status = PersonalStatus.Compute(Framework(), [], Array.Empty<EvidenceItem>(), new FixedTime(Now), "new@example.org");

        var (front, body) = Read(ProfileExport.Render(status));

        ((YamlSequenceNode)front["levels"]).Children.ShouldBeEmpty();
        Scalar(front["evidence"], "places").ShouldBe("0");
        body.ShouldContain("Nothing is recorded yet");
    }

    [Theory]
    [InlineData("o'brien: \"x\" #1@example.org")]
    [InlineData("---\n@example.org")]
    public void Awkward_names_still_give_valid_yaml(string person)
    {
        var (front, _) = Read(ProfileExport.Render(Sample(person)));

        Scalar(front, "person").ShouldBe(person);
        Scalar(front, "name").ShouldMatch("^[a-z0-9]+(-[a-z0-9]+)*$");
    }

    [Fact]
    public void A_file_the_export_did_not_write_is_left_alone_unless_replace_is_asked()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "profile.python.md");
        File.WriteAllText(path, "---\nname: mine\n---\nMy own words.\n");

        var refused = ProfileExport.WriteFile(Sample(), path);

        refused.Outcome.ShouldBe(ExportOutcome.Failed);
        refused.Error.ShouldBe($"{path}: exists and was not written by 'export profile'; choose another --out, or pass --replace to overwrite it");
        File.ReadAllText(path).ShouldBe("---\nname: mine\n---\nMy own words.\n");

        ProfileExport.WriteFile(Sample(), path, replace: true).Outcome.ShouldBe(ExportOutcome.Updated);
        ProfileExport.IsGenerated(File.ReadAllText(path)).ShouldBeTrue();
    }

    [Fact]
    public void A_profile_written_before_is_replaced_whole()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "cv", "python.md");

        ProfileExport.WriteFile(Sample(), path).Outcome.ShouldBe(ExportOutcome.Created);
        var later = PersonalStatus.Compute(Framework(), [Assess("cli", Level.Expert, null, daysAgo: 0)], Array.Empty<EvidenceItem>(), new FixedTime(Now), "ada@example.org");
        ProfileExport.WriteFile(later, path).Outcome.ShouldBe(ExportOutcome.Updated);

        var text = File.ReadAllText(path);
        text.ShouldContain("**CLI Development: Expert.**");
        text.ShouldNotContain("Async Programming");
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path], "no temporary file is left behind");
    }
}
