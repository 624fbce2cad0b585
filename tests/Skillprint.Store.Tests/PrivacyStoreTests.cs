using Skillprint.Core.Accounts;
using Skillprint.Core.People;
using Skillprint.Core.Privacy;
using Skillprint.Core.Teams;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>Who can see a person's page (issue 14), on each engine, as the store answers it: the
/// admins, the managers of the person's teams, the other members of those teams while the
/// organisation lets members see their team's matrix; nobody else (a plain user, a member or a
/// manager of another team only).</summary>
public abstract class PrivacyStoreTests(EngineHarness harness) : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);

    public void Dispose()
    {
        harness.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>ada (member of platform and data), bob (platform's manager), cy (platform member),
    /// dee (data's manager), eve (member and manager of ops only), root (admin, in no team),
    /// max (a plain user in no team).</summary>
    private static async Task<PersonId> OrganisationAsync(SkillprintStore store)
    {
        var ada = (await store.EnsurePersonAsync("ada@example.org")).Id;
        var bob = (await store.EnsurePersonAsync("bob@example.org")).Id;
        var cy = (await store.EnsurePersonAsync("cy@example.org")).Id;
        var dee = (await store.EnsurePersonAsync("dee@example.org")).Id;
        var eve = (await store.EnsurePersonAsync("eve@example.org")).Id;
        (await store.AddUserAsync("root@example.org", AccountRole.Admin, "hash", false, Monday, CancellationToken.None)).ShouldNotBeNull();
        (await store.AddUserAsync("max@example.org", AccountRole.Member, "hash", false, Monday, CancellationToken.None)).ShouldNotBeNull();
        (await store.AddUserAsync("bob@example.org", AccountRole.Member, "hash", false, Monday, CancellationToken.None)).ShouldNotBeNull();
        var platform = (await store.AddTeamAsync("platform", Monday))!.Id;
        var data = (await store.AddTeamAsync("data", Monday))!.Id;
        var ops = (await store.AddTeamAsync("ops", Monday))!.Id;
        await store.AddTeamPersonAsync(platform, ada, TeamRole.Member);
        await store.AddTeamPersonAsync(platform, bob, TeamRole.Member);
        await store.AddTeamPersonAsync(platform, bob, TeamRole.Manager);
        await store.AddTeamPersonAsync(platform, cy, TeamRole.Member);
        await store.AddTeamPersonAsync(data, ada, TeamRole.Member);
        await store.AddTeamPersonAsync(data, dee, TeamRole.Manager);
        await store.AddTeamPersonAsync(ops, eve, TeamRole.Member);
        await store.AddTeamPersonAsync(ops, eve, TeamRole.Manager);
        return ada;
    }

    [Fact]
    public async Task A_persons_page_is_seen_by_the_admins_their_teams_managers_and_members_and_nobody_else()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = await OrganisationAsync(store);

        var seen = (await store.VisibilityAsync(ada)).ShouldNotBeNull();

        seen.Person.ShouldBe("ada@example.org");
        seen.Admins.ShouldBe(["root@example.org"]);
        seen.Teams.Select(t => t.Team).ShouldBe(["data", "platform"]);
        var data = seen.Teams[0];
        data.Managers.ShouldBe(["dee@example.org"]);
        data.Members.ShouldBeEmpty("dee manages data and is no member of it; ada is not listed as seeing herself");
        data.MembersSeeLevels.ShouldBeTrue();
        var platform = seen.Teams[1];
        platform.Managers.ShouldBe(["bob@example.org"]);
        platform.Members.ShouldBe(["bob@example.org", "cy@example.org"]);
        platform.MembersSeeLevels.ShouldBeTrue();
        var everyone = seen.Admins.Concat(seen.Teams.SelectMany(t => t.Managers.Concat(t.Members))).ToHashSet(StringComparer.Ordinal);
        everyone.ShouldNotContain("eve@example.org", "eve is in another team only");
        everyone.ShouldNotContain("max@example.org", "max is a user but no admin and in no team");
        everyone.ShouldNotContain("ada@example.org");
    }

    [Fact]
    public async Task When_the_organisation_turns_the_matrix_off_for_members_only_admins_and_managers_see_levels()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = await OrganisationAsync(store);

        (await store.GetSettingsAsync()).ShouldBe(new OrgSettings(MembersSeeTeamMatrix: true), "on unless turned off");
        await store.SetSettingsAsync(new OrgSettings(MembersSeeTeamMatrix: false));
        var off = (await store.VisibilityAsync(ada)).ShouldNotBeNull();
        await store.SetSettingsAsync(new OrgSettings(MembersSeeTeamMatrix: true));
        var on = (await store.VisibilityAsync(ada)).ShouldNotBeNull();

        (await store.GetSettingsAsync()).MembersSeeTeamMatrix.ShouldBeTrue();
        off.Teams.ShouldAllBe(t => !t.MembersSeeLevels);
        off.Teams.Select(t => t.Managers.Count).ShouldBe([1, 1], "managers see their members whatever the setting");
        off.Admins.ShouldBe(["root@example.org"]);
        on.Teams.ShouldAllBe(t => t.MembersSeeLevels);
    }

    [Fact]
    public async Task A_person_in_no_team_is_seen_by_the_admins_alone_and_no_person_is_null()
    {
        using var store = SkillprintStore.Open(harness.Location);
        await OrganisationAsync(store);
        var max = (await store.FindPersonAsync("max@example.org")).ShouldNotBeNull();

        var seen = (await store.VisibilityAsync(max.Id)).ShouldNotBeNull();

        seen.Admins.ShouldBe(["root@example.org"]);
        seen.Teams.ShouldBeEmpty();
        (await store.VisibilityAsync(new PersonId(max.Id.Value + 1000))).ShouldBeNull();
    }

    [Fact]
    public async Task A_manager_who_is_no_member_of_a_team_is_not_shown_its_managers_as_seeing_them()
    {
        using var store = SkillprintStore.Open(harness.Location);
        await OrganisationAsync(store);
        var dee = (await store.FindPersonAsync("dee@example.org")).ShouldNotBeNull();

        var seen = (await store.VisibilityAsync(dee.Id)).ShouldNotBeNull();

        seen.Teams.ShouldBeEmpty("a manager's page is seen through the teams they are a member of");
        seen.Admins.ShouldBe(["root@example.org"]);
    }
}

public sealed class SqlitePrivacyStoreTests() : PrivacyStoreTests(new SqliteHarness());

public sealed class PostgresPrivacyStoreTests() : PrivacyStoreTests(new PostgresHarness());
