using Skillprint.Core.Export;
using Skillprint.Core.People;
using Skillprint.Core.Status;
using Skillprint.Core.Teams;
using Skillprint.Core.Tests.Status;
using static Skillprint.Core.Tests.Status.StatusFixture;

namespace Skillprint.Core.Tests.Teams;

/// <summary>The organisation's bus-factor report: holders per skill across everyone, named when
/// three or fewer, and the teams that rely on one member for a skill.</summary>
public sealed class OrgBusFactorTests
{
    private static List<EvidenceItem> AsyncIntermediate(string repository) =>
    [
        Code("async", "async.gather", repository, "app.py", 10, 30),
        Code("async", "async.gather", repository, "app.py", 20, 30),
        Code("async", "async.httpx", repository, "app.py", 30, 30),
    ];

    private static MemberStanding Person(long id, string email, IEnumerable<EvidenceItem> code) =>
        MemberStanding.Of(StatusFixture.Framework(), new TeamPerson(new PersonId(id), email), [], code, new FixedTime(Now));

    private static TeamDetail Team(long id, string name, params MemberStanding[] members) =>
        new(id, name, Now, [.. members.Select(m => m.Person)], []);

    [Fact]
    public void Skills_are_counted_across_everyone_named_when_few_and_teams_with_one_holder_are_listed()
    {
        var ada = Person(1, "ada@example.org", AsyncIntermediate("ada/api"));
        var bob = Person(2, "bob@example.org", AsyncIntermediate("bob/api"));
        var cy = Person(3, "cy@example.org", AsyncIntermediate("cy/api").Where(e => e.Skill == "async.gather"));
        var dee = Person(4, "dee@example.org", []);
        var platform = Team(1, "platform", ada, dee);
        var data = Team(2, "data", ada, bob);
        var web = Team(3, "web", cy);

        var report = OrgBusFactor.Build(StatusFixture.Framework(), [ada, bob, cy, dee], [platform, data, web], Now);

        (report.People, report.Teams).ShouldBe((4, 3));
        var gather = report.Skills.Single(s => s.Skill == "async.gather");
        gather.BusFactor.ShouldBe(2, "cy shows it only at Beginner");
        gather.Holders.ShouldBe(["ada@example.org", "bob@example.org"]);
        gather.IslandTeams.ShouldBe(["platform"], "data has two holders, web none");
        report.Skills.Single(s => s.Skill == "async.queue").BusFactor.ShouldBe(0);
        report.Unheld.ShouldContain(s => s.Skill == "async.queue");
        report.Islands.ShouldBeEmpty();
        report.RecentSince.ShouldBe(Now.AddMonths(-12));

        var markdown = OrgBusFactorExport.Markdown(report);
        markdown.ShouldStartWith("# Bus factor: python\n\n4 people in 3 teams.");
        markdown.ShouldContain("| ada@example.org, bob@example.org | platform |");
        var csv = new StringWriter();
        OrgBusFactorExport.WriteCsv(report, csv);
        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("skill,name,topic,level,bus_factor,holders,island_teams");
        lines.ShouldContain(l => l.StartsWith("async.gather,", StringComparison.Ordinal) && l.EndsWith(",2,ada@example.org bob@example.org,platform", StringComparison.Ordinal));
        lines.Count.ShouldBe(1 + report.Skills.Count);
    }

    [Fact]
    public void Holders_are_not_named_past_three_and_one_holder_is_an_island()
    {
        var people = Enumerable.Range(1, 4).Select(i => Person(i, $"p{i}@example.org", AsyncIntermediate($"r{i}"))).ToList();
        var report = OrgBusFactor.Build(StatusFixture.Framework(), people, [], Now);
        var gather = report.Skills.Single(s => s.Skill == "async.gather");
        gather.BusFactor.ShouldBe(4);
        gather.Holders.ShouldBeNull();

        var alone = OrgBusFactor.Build(StatusFixture.Framework(), [people[0]], [Team(1, "platform", people[0])], Now);
        alone.Islands.Select(s => s.Skill).ShouldContain("async.gather");
        alone.Skills.Single(s => s.Skill == "async.gather").IslandTeams.ShouldBe(["platform"]);
        OrgBusFactorExport.Markdown(alone).ShouldContain("| p1@example.org | platform |");
    }
}
