using System.Text.Json;
using Skillprint.Core.Status;
using static Skillprint.Core.Tests.Status.StatusFixture;

namespace Skillprint.Core.Tests.Status;

public sealed class PersonalStatusTests
{
    private static readonly FixedTime Clock = new(Now);

    [Fact]
    public void Without_assessments_or_evidence_every_topic_is_None_with_its_beginner_skills_as_gaps()
    {
        var status = PersonalStatus.Compute(Framework(), [], Array.Empty<ManualEvidence>(), Clock);

        status.FrameworkId.ShouldBe("python");
        status.Breadcrumb.ShouldBe("Programming Languages > Python");
        status.GeneratedAt.ShouldBe(Now);
        status.Topics.Select(t => t.Id).ShouldBe(["pydantic", "async", "cli"], "the framework's order");
        status.Topics.ShouldAllBe(t => t.SelfLevel == Level.None && t.EvidencedLevel == Level.None && !t.HasStanding);
        status.Topics[0].Gaps.ShouldBe([new Gap("pydantic.models", "models", Level.Beginner)]);
        status.Topics[1].Gaps.ShouldBe([new Gap("async.await", "async/await", Level.Beginner)]);
        status.Topics[2].Gaps.ShouldBeEmpty();
        status.Topics[1].Tracks.Select(t => t.Name).ShouldBe(["Backend", "API"]);
        status.Topics[1].Relevance.ShouldBe("Medium");
    }

    [Fact]
    public void The_latest_assessment_sets_the_level_and_manual_evidence_closes_gaps()
    {
        var assessments = new[]
        {
            Assess("async", Level.Beginner, "first steps", daysAgo: 300),
            Assess("async", Level.Intermediate, "FastAPI async endpoints", daysAgo: 10),
            Assess("pydantic", Level.Advanced, null, daysAgo: 5),
            Assess("cli", Level.Expert, "another framework's topic", daysAgo: 1, framework: "rust"),
        };
        var evidence = new[]
        {
            Manual(1, "async", "async.old-gather", "https://example.com/talk", "talk on gather", daysAgo: 20),
            Manual(2, "pydantic", null, null, "course on pydantic v2", daysAgo: 3),
            Manual(3, "pydantic", "pydantic.settings", null, "settings in domus-api", daysAgo: 2),
        };

        var status = PersonalStatus.Compute(Framework(), assessments, evidence, Clock);

        var async = status.Topics[1];
        async.SelfLevel.ShouldBe(Level.Intermediate);
        async.SelfNote.ShouldBe("FastAPI async endpoints");
        async.SelfAssessedAt.ShouldBe(Now.AddDays(-10));
        async.AssessmentCount.ShouldBe(2);
        async.EvidencedLevel.ShouldBe(Level.None);
        async.CurrentLevel.ShouldBe(Level.Intermediate);
        var talk = async.Evidence.ShouldHaveSingleItem();
        talk.Skill.ShouldBe("async.gather", "the moved id is followed");
        talk.SkillName.ShouldBe("asyncio.gather");
        talk.Link.ShouldBe("https://example.com/talk");
        talk.Kind.ShouldBe(EvidenceKind.Manual);
        async.ActiveProjects.ShouldBeEmpty();
        // Up to Advanced (one above Intermediate), lowest level first, then by name; gather is evidenced,
        // and "concurrent.futures integration" has no detection rule in this fixture, so it is no gap.
        async.Gaps.ShouldBe(
        [
            new Gap("async.await", "async/await", Level.Beginner),
            new Gap("async.httpx", "httpx async client", Level.Intermediate),
            new Gap("async.generators", "async generators", Level.Advanced),
            new Gap("async.queue", "asyncio.Queue", Level.Advanced),
        ]);

        var pydantic = status.Topics[0];
        pydantic.SelfLevel.ShouldBe(Level.Advanced);
        pydantic.AssessmentCount.ShouldBe(1);
        pydantic.Evidence.Select(e => e.Id).ShouldBe([3L, 2L], "newest first");
        pydantic.Gaps.Select(g => g.Id).ShouldBe(
            ["pydantic.models", "pydantic.validators"]);

        var cli = status.Topics[2];
        cli.SelfLevel.ShouldBe(Level.None, "the assessment of another framework does not count");
        cli.AssessmentCount.ShouldBe(0);
    }

    [Fact]
    public void Code_evidence_sets_the_evidenced_level_and_the_active_projects()
    {
        var assessments = new[] { Assess("async", Level.Advanced, null, daysAgo: 1) };
        var evidence = new[]
        {
            Code("async", "async.await", "domus-api", "app/main.py", 3, daysAgo: 10),
            Code("async", "async.gather", "domus-api", "app/main.py", 14, daysAgo: 10),
            Code("async", "async.httpx", "domus-api", "app/client.py", 7, daysAgo: 30),
            // One Advanced skill: Advanced needs two distinct skills at Advanced or above.
            Code("async", "async.queue", "old-tool", "worker.py", 22, daysAgo: 200),
        };

        var status = PersonalStatus.Compute(Framework(), assessments, evidence, Clock);

        var async = status.Topics[1];
        async.SelfLevel.ShouldBe(Level.Advanced);
        async.EvidencedLevel.ShouldBe(Level.Intermediate);
        async.CurrentLevel.ShouldBe(Level.Intermediate);
        async.Strength.SkillsPerLevel.Select(c => c.Skills).ShouldBe([1, 2, 1, 0]);
        async.Strength.Places.ShouldBe(4);
        async.Strength.Files.ShouldBe(3);
        async.Strength.Repositories.ShouldBe(2);
        async.Strength.First.ShouldBe(Now.AddDays(-200));
        async.Strength.Last.ShouldBe(Now.AddDays(-10));
        async.ActiveProjects.ShouldBe(["domus-api"], "old-tool's only hit is older than 180 days");
        async.Gaps.ShouldBe(
        [
            new Gap("async.generators", "async generators", Level.Advanced),
        ]);
        async.Evidence.Count.ShouldBe(4);
        async.Evidence[^1].Code!.Repository.ShouldBe("old-tool");
    }

    [Fact]
    public void The_json_has_the_documented_shape()
    {
        var status = PersonalStatus.Compute(
            Framework(),
            [Assess("async", Level.Intermediate, "FastAPI", daysAgo: 2)],
            [Manual(7, "async", "async.gather", "https://example.com", "talk", daysAgo: 1)],
            Clock);

        using var json = JsonDocument.Parse(StatusJson.Write(status, withEvidence: true));
        var root = json.RootElement;
        root.GetProperty("framework").GetProperty("id").GetString().ShouldBe("python");
        root.GetProperty("generatedAt").GetDateTimeOffset().ShouldBe(Now);
        var topics = root.GetProperty("topics");
        topics.GetArrayLength().ShouldBe(3);
        var async = topics[1];
        async.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "id", "name", "relevance", "tracks", "selfLevel", "selfNote", "selfAssessedAt", "assessments",
            "evidencedLevel", "level", "strength", "evidenceCount", "evidence", "activeProjects", "gaps",
        ]);
        var strength = async.GetProperty("strength");
        strength.EnumerateObject().Select(p => p.Name).ShouldBe(["skills", "deep", "places", "files", "repositories", "first", "last"]);
        strength.GetProperty("skills").EnumerateObject().Select(p => p.Name).ShouldBe(["Beginner", "Intermediate", "Advanced", "Expert"]);
        strength.GetProperty("places").GetInt32().ShouldBe(0, "manual evidence has no place in code");
        strength.GetProperty("first").ValueKind.ShouldBe(JsonValueKind.Null);
        async.GetProperty("id").GetString().ShouldBe("async");
        async.GetProperty("name").GetString().ShouldBe("Async Programming");
        async.GetProperty("relevance").GetString().ShouldBe("Medium");
        async.GetProperty("tracks")[1].GetProperty("id").GetString().ShouldBe("api");
        async.GetProperty("tracks")[1].GetProperty("name").GetString().ShouldBe("API");
        async.GetProperty("selfLevel").GetString().ShouldBe("Intermediate");
        async.GetProperty("evidencedLevel").GetString().ShouldBe("None");
        async.GetProperty("assessments").GetInt32().ShouldBe(1);
        var evidence = async.GetProperty("evidence")[0];
        evidence.GetProperty("kind").GetString().ShouldBe("manual");
        evidence.GetProperty("id").GetInt64().ShouldBe(7);
        evidence.GetProperty("skill").GetString().ShouldBe("async.gather");
        evidence.GetProperty("skillName").GetString().ShouldBe("asyncio.gather");
        evidence.GetProperty("link").GetString().ShouldBe("https://example.com");
        evidence.GetProperty("code").ValueKind.ShouldBe(JsonValueKind.Null);
        async.GetProperty("activeProjects").GetArrayLength().ShouldBe(0);
        var gap = async.GetProperty("gaps")[0];
        gap.GetProperty("id").GetString().ShouldBe("async.await");
        gap.GetProperty("name").GetString().ShouldBe("async/await");
        gap.GetProperty("level").GetString().ShouldBe("Beginner");
        gap.GetProperty("alternatives").GetArrayLength().ShouldBe(0);
        topics[2].GetProperty("selfLevel").GetString().ShouldBe("None");
        topics[2].GetProperty("selfNote").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void The_json_counts_the_evidence_and_lists_it_only_when_asked()
    {
        var status = PersonalStatus.Compute(
            Framework(),
            [],
            [Manual(7, "async", "async.gather", null, "talk", daysAgo: 1), Manual(8, "async", null, null, "course", daysAgo: 3)],
            Clock);

        using var summary = JsonDocument.Parse(StatusJson.Write(status));
        var async = summary.RootElement.GetProperty("topics")[1];
        async.GetProperty("evidence").ValueKind.ShouldBe(JsonValueKind.Null, "the summary leaves the items out");
        async.GetProperty("evidenceCount").GetProperty("manual").GetInt32().ShouldBe(2);
        async.GetProperty("evidenceCount").GetProperty("code").GetInt32().ShouldBe(0);
        using var full = JsonDocument.Parse(StatusJson.Write(status, withEvidence: true));
        full.RootElement.GetProperty("topics")[1].GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("note").GetString()).ShouldBe(["talk", "course"]);
        full.RootElement.GetProperty("topics")[1].GetProperty("evidenceCount").GetProperty("manual").GetInt32().ShouldBe(2);
    }
}
