using Skillprint.Core.People;
using Skillprint.Core.Status;
using Skillprint.Core.Teams;
using Skillprint.Core.Tests.Status;
using static Skillprint.Core.Tests.Status.StatusFixture;

namespace Skillprint.Core.Tests.Teams;

/// <summary>A kept code standing is used only while nothing it was computed from has changed:
/// the store's evidence stamp, the person's emails, the framework and the day.</summary>
public sealed class CodeStandingCacheTests
{
    private static readonly Person Ada = new(new PersonId(1), "ada@example.org", ["ada@example.org"]);

    private static CodeStanding Standing(FixedTime time) =>
        CodeStanding.Of(StatusFixture.Framework(), [Code("async", "async.gather", "ada/api", "app.py", 10, 3)], time);

    [Fact]
    public void A_standing_is_found_while_stamp_emails_framework_and_day_are_the_same()
    {
        var time = new FixedTime(Now);
        var framework = StatusFixture.Framework();
        var cache = new CodeStandingCache(time);
        var standing = CodeStanding.Of(framework, [Code("async", "async.gather", "ada/api", "app.py", 10, 3)], time);
        cache.Keep(framework, Ada, "s1", standing);

        cache.Find(framework, Ada, "s1").ShouldBeSameAs(standing);
        cache.Find(framework, Ada with { Emails = ["Ada@example.org"] }, "s1").ShouldBeSameAs(standing, "emails compare without case");
        cache.Find(framework, Ada, "s2").ShouldBeNull("the store's code evidence changed");
        cache.Find(framework, Ada with { Emails = ["ada@example.org", "ada@work.example"] }, "s1").ShouldBeNull("an email was added");
        cache.Find(StatusFixture.Framework(), Ada, "s1").ShouldBeNull("another framework object (reloaded)");
        cache.Find(framework, new Person(new PersonId(2), "bob@example.org", ["bob@example.org"]), "s1").ShouldBeNull();

        time.Now = Now.Date.AddDays(1).AddMinutes(1);
        cache.Find(framework, Ada, "s1").ShouldBeNull("holding is judged as of the day");
    }

    [Fact]
    public void Past_its_capacity_the_cache_starts_again()
    {
        var time = new FixedTime(Now);
        var framework = StatusFixture.Framework();
        var cache = new CodeStandingCache(time, capacity: 2);
        for (var id = 1; id <= 3; id++)
        {
            cache.Keep(framework, new Person(new PersonId(id), $"p{id}@example.org", [$"p{id}@example.org"]), "s", Standing(time));
        }

        cache.Count.ShouldBe(1);
        cache.Find(framework, new Person(new PersonId(3), "p3@example.org", ["p3@example.org"]), "s").ShouldNotBeNull();
    }

    [Fact]
    public void A_code_standing_gives_the_level_status_gives()
    {
        var time = new FixedTime(Now);
        var framework = StatusFixture.Framework();
        List<EvidenceItem> code =
        [
            Code("async", "async.gather", "ada/api", "app.py", 10, 3),
            Code("async", "async.gather", "ada/api", "app.py", 20, 3),
            Code("async", "async.httpx", "ada/api", "app.py", 30, 3),
        ];
        var status = PersonalStatus.Compute(framework, [], code, time);
        var standing = CodeStanding.Of(framework, code, time);

        foreach (var topic in status.Topics)
        {
            standing.Topic(topic.Id).EvidencedLevel.ShouldBe(topic.EvidencedLevel, topic.Id);
            var strength = standing.Topic(topic.Id).Strength;
            (strength.Places, strength.Files, strength.Repositories, strength.Last).ShouldBe((topic.Strength.Places, topic.Strength.Files, topic.Strength.Repositories, topic.Strength.Last), topic.Id);
            strength.SkillsPerLevel.ShouldBe(topic.Strength.SkillsPerLevel, topic.Id);
        }

        standing.Topic("async").Places.Count.ShouldBe(3);
        standing.Topic("no-such-topic").EvidencedLevel.ShouldBe(Level.None);
    }

    [Fact]
    public void Self_levels_are_the_ones_status_picks()
    {
        var framework = StatusFixture.Framework();
        var time = new FixedTime(Now);
        var random = new Random(14);
        string[] topics = ["pydantic", "async", "cli", "no-such-topic"];
        string[] frameworks = ["python", "", "other"];
        for (var round = 0; round < 500; round++)
        {
            // Few distinct days, so that two assessments of a topic often share their time.
            var assessments = Enumerable.Range(0, random.Next(0, 8))
                .Select(_ => Assess(topics[random.Next(topics.Length)], (Level)random.Next(0, 5), null, random.Next(0, 3), frameworks[random.Next(frameworks.Length)]))
                .ToList();
            var status = PersonalStatus.Compute(framework, assessments, Array.Empty<EvidenceItem>(), time);
            var levels = MemberStanding.SelfLevelsOf(framework, assessments);
            foreach (var topic in status.Topics)
            {
                levels.GetValueOrDefault(topic.Id, Level.None).ShouldBe(topic.SelfLevel, $"round {round}, {topic.Id}");
            }
        }
    }
}
