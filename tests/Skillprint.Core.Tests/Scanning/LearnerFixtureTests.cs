using Skillprint.Core.Status;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>
/// A learner stays low (issue 9): a repository of beginner exercises (loops and functions, f-strings,
/// a comprehension, a small class, a JSON file read, a requests.get, a FastAPI hello world, two pytest
/// tests), committed and scanned, shows no topic above Beginner and Python Fundamentals at most
/// Intermediate.
/// </summary>
public sealed class LearnerFixtureTests : IDisposable
{
    private readonly ScanWorkshop workshop = new();

    public void Dispose() => workshop.Dispose();

    [Fact]
    public void Beginner_exercises_show_no_topic_above_Beginner_and_fundamentals_at_most_Intermediate()
    {
        var repo = workshop.FixtureRepository("learner-exercises");
        workshop.Scan(repo).Problems.ShouldBeEmpty();
        var evidence = workshop.Hits(ScanWorkshop.Me).Select(h => h.ToEvidence(DateTimeOffset.UtcNow)).ToList();

        var status = PersonalStatus.Compute(ScanWorkshop.Framework, [], evidence, TimeProvider.System, ScanWorkshop.Me);

        string Describe(TopicStatus t) => $"{t.Id}: {t.EvidencedLevel} from {string.Join(", ", t.Evidence.Select(e => e.Skill).Distinct())}";
        var shown = status.Topics.Where(t => t.EvidencedLevel != Level.None).ToList();
        shown.Select(t => t.Id).ShouldContain("fundamentals");
        shown.Select(t => t.Id).ShouldContain("web", "the hello world and requests.get are evidence, only not much");
        shown.Select(t => t.Id).ShouldContain("testing");
        foreach (var topic in shown)
        {
            (topic.EvidencedLevel <= (topic.Id == "fundamentals" ? Level.Intermediate : Level.Beginner)).ShouldBeTrue(Describe(topic));
        }
    }
}
