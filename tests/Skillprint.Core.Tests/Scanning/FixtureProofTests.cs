using Skillprint.Core.Scanning;
using Skillprint.Core.Status;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>
/// The proof of issues 4 and 9: repositories holding only what seed 000's author describes (FastAPI
/// validation and data models with nested validators, computed fields, serialization and
/// discriminated unions; async endpoints with an httpx AsyncClient and gather; a Typer CLI with
/// subcommands, options, help text and rich output), committed with git and scanned, give the status
/// the seed states: Pydantic Advanced, Async Programming Intermediate, CLI Development Intermediate,
/// with the gaps it names. Nothing in them is there to reach a threshold.
/// </summary>
public sealed class FixtureProofTests : IDisposable
{
    private readonly ScanWorkshop workshop = new();

    public void Dispose() => workshop.Dispose();

    private PersonalStatus ScanFixtures()
    {
        var api = workshop.FixtureRepository("domus-api");
        var cli = workshop.FixtureRepository("tasker-cli");
        var report = workshop.Scan(api, cli);

        report.Problems.ShouldBeEmpty();
        report.Repositories.Select(r => r.Repository.Name).ShouldBe(["domus-api", "tasker-cli"]);
        foreach (var repository in report.Repositories)
        {
            repository.Failure.ShouldBeNull();
            repository.Problems.ShouldBeEmpty(string.Join("\n", repository.Problems));
        }

        var evidence = workshop.Hits(ScanWorkshop.Me).Select(h => h.ToEvidence(DateTimeOffset.UtcNow));
        return PersonalStatus.Compute(ScanWorkshop.Framework, [], evidence, TimeProvider.System, ScanWorkshop.Me);
    }

    private static string Describe(TopicStatus topic) =>
        $"{topic.Id}: {topic.EvidencedLevel}; evidenced: {string.Join(", ", topic.Evidence.Select(e => e.Skill).Distinct())}; gaps: {string.Join(", ", topic.Gaps.Select(g => g.Id))}";

    [Fact]
    public void Pydantic_is_Advanced_with_settings_and_json_schema_as_gaps()
    {
        var topic = ScanFixtures().Topics.Single(t => t.Id == "pydantic");

        topic.EvidencedLevel.ShouldBe(Level.Advanced, Describe(topic));
        var expertGaps = topic.Gaps.Where(g => g.Level == Level.Expert).Select(g => g.Name).ToList();
        expertGaps.ShouldContain("Pydantic v2 settings management");
        expertGaps.ShouldContain("custom JSON schema generation");
        topic.Gaps.ShouldNotContain(g => g.Id == "pydantic.discriminated-union" || g.Id == "pydantic.computed-field" || g.Id == "pydantic.model-validator");
        topic.ActiveProjects.ShouldBe(["domus-api"]);
        topic.Strength.SkillsPerLevel.Single(c => c.Level == Level.Advanced).Skills.ShouldBe(3, "model validators, computed fields, discriminated unions");
        topic.Strength.Files.ShouldBe(2);
        topic.Strength.Repositories.ShouldBe(1);
    }

    [Fact]
    public void Async_is_Intermediate_with_queue_async_generators_and_executor_integration_as_gaps()
    {
        var topic = ScanFixtures().Topics.Single(t => t.Id == "async");

        topic.EvidencedLevel.ShouldBe(Level.Intermediate, Describe(topic));
        var gaps = topic.Gaps.Select(g => g.Id).ToList();
        gaps.ShouldContain("async.queue");
        gaps.ShouldContain("async.async-generator");
        gaps.ShouldContain("async.executor-bridge");
        topic.Gaps.Select(g => g.Name).ShouldContain("asyncio.Queue");
        topic.Gaps.Select(g => g.Name).ShouldContain("async generators");
        gaps.ShouldNotContain("async.gather");
        gaps.ShouldNotContain("async.httpx-client");
        topic.Gaps.Select(g => g.Level).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void Cli_is_Intermediate_with_plugins_and_shell_completion_as_gaps()
    {
        var topic = ScanFixtures().Topics.Single(t => t.Id == "cli");

        topic.EvidencedLevel.ShouldBe(Level.Intermediate, Describe(topic));
        var gaps = topic.Gaps.Select(g => g.Name).ToList();
        gaps.ShouldContain("plugin architecture");
        gaps.ShouldContain("shell completion generation");
        topic.Gaps.ShouldNotContain(g => g.Id == "cli.subcommands" || g.Id == "cli.rich" || g.Id == "cli.options");
        topic.ActiveProjects.ShouldBe(["tasker-cli"]);
    }

    [Fact]
    public void Every_hit_of_the_fixtures_names_its_file_line_author_and_commit()
    {
        ScanFixtures();
        var hits = workshop.Hits();

        hits.ShouldNotBeEmpty();
        hits.ShouldAllBe(h => h.Author == ScanWorkshop.Me && h.Commit != null && h.Commit.Length == 40);
        hits.ShouldAllBe(h => h.At == ScanWorkshop.TenDaysAgo);
        var gather = hits.Single(h => h.Skill == "async.gather");
        gather.Repository.ShouldBe("domus-api");
        gather.Path.ShouldBe("domus/main.py");
        gather.Snippet.ShouldContain("asyncio.gather(");
        var lines = File.ReadAllLines(Path.Join(ScanWorkshop.Fixtures(), "domus-api", "domus", "main.py"));
        lines[gather.Line - 1].ShouldContain("asyncio.gather(");
    }
}
