using FsCheck;
using FsCheck.Fluent;
using Skillprint.Core.Frameworks;
using Skillprint.Core.People;
using Skillprint.Core.Status;
using Skillprint.Core.Teams;
using Skillprint.Core.Tests.Status;
using static Skillprint.Core.Tests.Status.StatusFixture;

namespace Skillprint.Core.Tests.Teams;

/// <summary>
/// The team matrix over the status fixture's framework: who holds a skill (topic at Intermediate
/// or above from code of the last 12 months, the skill credited), bus factor, knowledge islands,
/// a role's targets against the team, and what the levels-only view leaves out.
/// </summary>
public sealed class TeamMatrixTests
{
    private static readonly Framework Fixture = StatusFixture.Framework();
    private static readonly Role Backend = new("backend-developer", "Backend developer", null, ["backend"], new Dictionary<string, Level>(), new SourceLocation("roles/backend-developer.yaml", 1, 1));

    /// <summary>asyncio.gather and the httpx client (both Intermediate) in three places of one file:
    /// Async Intermediate, dated <paramref name="daysAgo"/>.</summary>
    private static List<EvidenceItem> AsyncIntermediate(string repository, int daysAgo) =>
    [
        Code("async", "async.gather", repository, "app.py", 10, daysAgo),
        Code("async", "async.gather", repository, "app.py", 20, daysAgo),
        Code("async", "async.httpx", repository, "app.py", 30, daysAgo),
    ];

    private static MemberStanding Member(long id, string email, IEnumerable<EvidenceItem> code, params SelfAssessment[] assessments) =>
        MemberStanding.Of(Fixture, new TeamPerson(new PersonId(id), email), assessments, code, new FixedTime(Now));

    private static TeamMatrix Matrix(IReadOnlyList<MemberStanding> members, MatrixView view = MatrixView.Full, Role? role = null) =>
        TeamMatrix.Build(Fixture, new TeamDetail(7, "platform", Now, [.. members.Select(m => m.Person)], []), members, role, view, Now);

    private static SkillCover Cover(TeamMatrix matrix, string skill) => matrix.BusFactor.Single(s => s.Skill == skill);

    [Fact]
    public void A_skill_is_held_from_a_topic_at_Intermediate_with_code_of_the_last_12_months()
    {
        var ada = Member(1, "ada@example.org", AsyncIntermediate("ada/api", daysAgo: 30));
        var old = Member(2, "bob@example.org", AsyncIntermediate("bob/api", daysAgo: 400));
        // One Intermediate skill in one file is Beginner: shown, but not held.
        var beginner = Member(3, "cy@example.org", AsyncIntermediate("cy/api", daysAgo: 30).Where(e => e.Skill == "async.gather"));

        var matrix = Matrix([ada, old, beginner]);

        Cover(matrix, "async.gather").Holders.ShouldBe(["ada@example.org"]);
        Cover(matrix, "async.httpx").BusFactor.ShouldBe(1);
        Cover(matrix, "async.queue").BusFactor.ShouldBe(0);
        matrix.Islands.Select(s => s.Skill).ShouldBe(["async.gather", "async.httpx"]);
        matrix.Members.Single(m => m.Email == "bob@example.org").Cells.Single(c => c.Topic == "async").EvidencedLevel
            .ShouldBe(Level.Intermediate, "the matrix shows the level of all the code; only holding looks at the last 12 months");
        matrix.Members.Single(m => m.Email == "cy@example.org").Cells.Single(c => c.Topic == "async").EvidencedLevel.ShouldBe(Level.Beginner);
        matrix.RecentSince.ShouldBe(Now.AddMonths(-12));
    }

    [Fact]
    public void A_second_holder_ends_the_island_and_raises_the_bus_factor()
    {
        var matrix = Matrix(
        [
            Member(1, "ada@example.org", AsyncIntermediate("ada/api", 30)),
            Member(2, "dan@example.org", AsyncIntermediate("dan/api", 200)),
        ]);

        Cover(matrix, "async.gather").BusFactor.ShouldBe(2);
        Cover(matrix, "async.gather").Holders.ShouldBe(["ada@example.org", "dan@example.org"]);
        matrix.Islands.ShouldBeEmpty();
    }

    [Fact]
    public void The_full_view_has_strength_and_places_and_the_levels_view_only_levels_and_counts()
    {
        var members = new[] { Member(1, "ada@example.org", AsyncIntermediate("ada/api", 30), Assess("async", Level.Advanced, "a private note", 5)) };

        var full = Matrix(members).Members.Single().Cells.Single(c => c.Topic == "async");
        var levels = Matrix(members, MatrixView.Levels);
        var cell = levels.Members.Single().Cells.Single(c => c.Topic == "async");

        full.Strength!.Places.ShouldBe(3);
        full.Places!.Select(p => (p.Repository, p.Path, p.Line)).Order().ShouldBe([("ada/api", "app.py", 10), ("ada/api", "app.py", 20), ("ada/api", "app.py", 30)]);
        (cell.EvidencedLevel, cell.SelfLevel).ShouldBe((Level.Intermediate, Level.Advanced));
        cell.Strength.ShouldBeNull();
        cell.Places.ShouldBeNull();
        Cover(levels, "async.gather").BusFactor.ShouldBe(1);
        Cover(levels, "async.gather").Holders.ShouldBeNull();
        levels.Islands.ShouldAllBe(s => s.Holders == null);
        System.Text.Json.JsonSerializer.Serialize(levels).ShouldNotContain("a private note");
    }

    [Fact]
    public void A_role_s_targets_count_the_members_who_meet_them_by_evidenced_else_self_level()
    {
        var matrix = Matrix(
            [
                Member(1, "ada@example.org", AsyncIntermediate("ada/api", 30)),
                Member(2, "bob@example.org", [], Assess("pydantic", Level.Advanced, null, 3)),
            ],
            role: Backend);

        var role = matrix.Role.ShouldNotBeNull();
        role.Targets.Select(t => (t.Topic, t.Target, t.Meeting, t.Members)).ShouldBe([("pydantic", Level.Intermediate, 1, 2), ("async", Level.Intermediate, 1, 2)]);
        role.Targets.Single(t => t.Topic == "async").Below.ShouldBe(["bob@example.org"]);
        role.Targets.Single(t => t.Topic == "pydantic").Below.ShouldBe(["ada@example.org"]);
    }

    [Fact]
    public void A_team_without_members_has_no_holders_and_no_islands()
    {
        var matrix = Matrix([]);

        matrix.Members.ShouldBeEmpty();
        matrix.BusFactor.ShouldAllBe(s => s.BusFactor == 0);
        matrix.BusFactor.Count.ShouldBe(Fixture.Topics.Sum(t => t.Skills.Count(s => s.IsDetectable)));
        matrix.Islands.ShouldBeEmpty();
    }

    [Fact]
    public void Code_older_than_12_months_never_changes_a_bus_factor_and_a_new_member_never_lowers_one()
    {
        var skills = Fixture.Topics.SelectMany(t => t.Skills.Where(s => s.IsDetectable).Select(s => (Topic: t.Id, Skill: s.Id))).ToArray();
        var hit =
            from skill in Gen.Elements(skills)
            from file in Gen.Choose(1, 3)
            from line in Gen.Choose(1, 40)
            from days in Gen.Choose(0, 360)
            select Code(skill.Topic, skill.Skill, "r", $"f{file}.py", line, days);
        var old = hit.Select(h => h with { At = Now.AddDays(-400 - (Now - h.At).Days) });
        var person = from recent in Gen.ListOf(hit) from older in Gen.ListOf(old) select (Recent: recent.ToList(), Older: older.ToList());
        var team = Gen.ListOf(person).Where(p => p.Count <= 4);

        Prop.ForAll(team.ToArbitrary(), people =>
        {
            var recent = people.Select((p, i) => Member(i + 1, $"p{i}@example.org", p.Recent)).ToList();
            var both = people.Select((p, i) => Member(i + 1, $"p{i}@example.org", p.Recent.Concat(p.Older))).ToList();
            var before = Matrix(recent).BusFactor.Select(s => s.BusFactor).ToList();
            Matrix(both).BusFactor.Select(s => s.BusFactor).ShouldBe(before);
            var grown = Matrix([.. recent, Member(99, "new@example.org", AsyncIntermediate("n", 1))]).BusFactor.Select(s => s.BusFactor).ToList();
            grown.Zip(before).ShouldAllBe(pair => pair.First >= pair.Second);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_track_narrows_topics_skills_and_targets_and_unknown_filters_are_refused_naming_the_field()
    {
        var members = new[] { Member(1, "ada@example.org", AsyncIntermediate("ada/api", 30)) };
        var team = new TeamDetail(7, "platform", Now, [.. members.Select(m => m.Person)], []);

        var devops = TeamMatrix.Build(Fixture, team, members, Backend, MatrixView.Full, Now, track: "devops");
        devops.Track.ShouldBe("devops");
        devops.Topics.Select(t => t.Id).ShouldBe(["cli"]);
        devops.Members.Single().Cells.Select(c => c.Topic).ShouldBe(["cli"]);
        devops.BusFactor.ShouldAllBe(c => c.Topic == "cli");
        devops.Islands.ShouldBeEmpty("ada's async skills are not in the track");
        devops.Role!.Targets.ShouldAllBe(t => t.Topic == "cli");

        var all = TeamMatrix.Build(Fixture, team, members, null, MatrixView.Full, Now);
        all.Track.ShouldBeNull();
        all.Topics.Count.ShouldBe(3);

        Should.Throw<MatrixFilterException>(() => TeamMatrix.TopicsOf(Fixture, null, "mobile", null)).Message.ShouldStartWith("track: the framework 'python' has no track 'mobile' (it has: backend, api, devops)");
        Should.Throw<MatrixFilterException>(() => TeamMatrix.TopicsOf(Fixture, null, null, "senior")).Message.ShouldStartWith("grade: a grade needs a role");
        Should.Throw<MatrixFilterException>(() => TeamMatrix.TopicsOf(Fixture, Backend, null, "senior")).Message.ShouldStartWith("grade: ");
    }
}
