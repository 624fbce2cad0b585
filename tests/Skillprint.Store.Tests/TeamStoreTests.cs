using Skillprint.Core.Teams;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What the store promises for teams (migration 9), on each engine: names unique without
/// regard to case, people in a team as member and manager, who may see a team decided in the query,
/// removing a team keeps the people, and a merge of two persons keeps each team place once.</summary>
public abstract class TeamStoreTests(EngineHarness harness) : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);

    public void Dispose()
    {
        harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_team_name_is_unique_without_regard_to_case_and_found_by_it()
    {
        using var store = SkillprintStore.Open(harness.Location);

        var platform = await store.AddTeamAsync("Platform", Monday);
        var again = await store.AddTeamAsync("PLATFORM", Monday);

        platform.ShouldNotBeNull().Name.ShouldBe("Platform");
        platform.CreatedAt.ShouldBe(Monday);
        again.ShouldBeNull();
        (await store.FindTeamAsync("platform")).ShouldNotBeNull().Id.ShouldBe(platform.Id);
        (await store.ListTeamsAsync()).ShouldHaveSingleItem().ShouldBe(new TeamSummary(platform.Id, "Platform", Monday, 0, 0));
    }

    [Fact]
    public async Task People_join_as_member_and_manager_once_and_only_they_and_admins_see_the_team()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = (await store.EnsurePersonAsync("ada@example.org")).Id;
        var bob = (await store.EnsurePersonAsync("bob@example.org")).Id;
        var eve = (await store.EnsurePersonAsync("eve@example.org")).Id;
        var team = (await store.AddTeamAsync("platform", Monday))!;
        var other = (await store.AddTeamAsync("data", Monday))!;

        (await store.AddTeamPersonAsync(team.Id, ada, TeamRole.Member)).ShouldBe(true);
        (await store.AddTeamPersonAsync(team.Id, ada, TeamRole.Member)).ShouldBe(false);
        (await store.AddTeamPersonAsync(team.Id, ada, TeamRole.Manager)).ShouldBe(true);
        (await store.AddTeamPersonAsync(team.Id, bob, TeamRole.Member)).ShouldBe(true);
        (await store.AddTeamPersonAsync(other.Id, eve, TeamRole.Member)).ShouldBe(true);
        (await store.AddTeamPersonAsync(other.Id + 100, eve, TeamRole.Member)).ShouldBeNull("no such team");

        var seen = (await store.GetTeamAsync(team.Id, null)).ShouldNotBeNull();
        seen.Members.Select(p => p.Email).ShouldBe(["ada@example.org", "bob@example.org"]);
        seen.Managers.Select(p => p.Email).ShouldBe(["ada@example.org"]);
        (await store.GetTeamAsync(team.Id, bob)).ShouldNotBeNull();
        (await store.GetTeamAsync(team.Id, eve)).ShouldBeNull("eve is in another team");
        (await store.GetTeamAsync(other.Id, ada)).ShouldBeNull();

        (await store.RemoveTeamPersonAsync(team.Id, ada, TeamRole.Manager)).ShouldBeTrue();
        (await store.RemoveTeamPersonAsync(team.Id, ada, TeamRole.Manager)).ShouldBeFalse();
        (await store.GetTeamAsync(team.Id, null))!.Managers.ShouldBeEmpty();
    }

    [Fact]
    public async Task Removing_a_team_removes_its_places_and_keeps_the_people()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = (await store.EnsurePersonAsync("ada@example.org")).Id;
        var team = (await store.AddTeamAsync("platform", Monday))!;
        await store.AddTeamPersonAsync(team.Id, ada, TeamRole.Member);

        var removed = await store.RemoveTeamAsync(team.Id);

        removed.ShouldNotBeNull().Members.ShouldHaveSingleItem().Person.ShouldBe(ada);
        (await store.RemoveTeamAsync(team.Id)).ShouldBeNull();
        (await store.ListTeamsAsync()).ShouldBeEmpty();
        (await store.GetPersonAsync(ada)).ShouldNotBeNull();
        (await store.AddTeamAsync("platform", Monday)).ShouldNotBeNull("the name is free again");
    }

    [Fact]
    public async Task Merging_two_persons_in_the_same_team_keeps_one_place_each_and_the_other_s_own_places()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = (await store.EnsurePersonAsync("ada@example.org")).Id;
        var work = (await store.EnsurePersonAsync("ada@work.example.org")).Id;
        var team = (await store.AddTeamAsync("platform", Monday))!;
        var data = (await store.AddTeamAsync("data", Monday))!;
        await store.AddTeamPersonAsync(team.Id, ada, TeamRole.Member);
        await store.AddTeamPersonAsync(team.Id, work, TeamRole.Member);
        await store.AddTeamPersonAsync(data.Id, work, TeamRole.Manager);

        await store.ClaimEmailAsync(ada, "ada@work.example.org", merge: true);

        (await store.GetTeamAsync(team.Id, null))!.Members.ShouldHaveSingleItem().Person.ShouldBe(ada);
        (await store.GetTeamAsync(data.Id, null))!.Managers.ShouldHaveSingleItem().Person.ShouldBe(ada);
    }
}

public sealed class SqliteTeamStoreTests() : TeamStoreTests(new SqliteHarness());

public sealed class PostgresTeamStoreTests() : TeamStoreTests(new PostgresHarness());
