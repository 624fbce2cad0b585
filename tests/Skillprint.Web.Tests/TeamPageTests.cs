using System.Net;
using Skillprint.Core.Teams;
using Skillprint.Store;
using Skillprint.Web.Tests.Harness;

namespace Skillprint.Web.Tests;

/// <summary>The team pages in Chromium: who sees a team's matrix, and how much of it.</summary>
[Collection(WebSiteCollection.Name)]
public sealed class TeamPageTests(WebSite site)
{
    /// <summary>Two teams: the first with a manager and a member who has code evidence, the second
    /// with someone else.</summary>
    private async Task<(long Team, long Other, string Manager, string Member, string Outsider, string Topic)> TeamsAsync()
    {
        var manager = await site.NewUserAsync("lead");
        var member = await site.NewUserAsync("dev");
        var outsider = await site.NewUserAsync("out");
        var (topic, _) = await PageTests.PushEvidenceAsync(site, member);
        using var store = SkillprintStore.OpenExisting(site.Server.Store);
        var teams = new TeamService(store, store, TimeProvider.System);
        var team = await teams.AddAsync("core-" + Guid.NewGuid().ToString("N")[..6]);
        team = (await teams.AddPersonAsync(team, manager, TeamRole.Manager)).Team;
        team = (await teams.AddPersonAsync(team, member, TeamRole.Member)).Team;
        var other = await teams.AddAsync("other-" + Guid.NewGuid().ToString("N")[..6]);
        await teams.AddPersonAsync(other, outsider, TeamRole.Member);
        return (team.Id, other.Id, manager, member, outsider, topic.Id);
    }

    [Fact]
    public async Task A_manager_sees_a_members_level_and_evidence_places_and_not_another_teams_matrix()
    {
        var (team, other, manager, member, _, topic) = await TeamsAsync();
        var page = await site.SignedInAsync(manager);
        await page.ClickAsync("nav a[href='/teams']");
        await page.ClickAsync($"#teams a[href='/teams/{team}']");
        await page.WaitForURLAsync(site.Address + "teams/" + team);

        var cell = page.Locator($"#matrix tr[data-member='{member}'] td[data-topic='{topic}']");
        (await cell.Locator(".evidenced").TextContentAsync()).ShouldNotBe("None");
        (await cell.GetAttributeAsync("title"))!.ShouldContain("places in");
        var places = page.Locator($"details.places[data-member='{member}'] li.place");
        (await places.CountAsync()).ShouldBe(2);
        (await places.First.TextContentAsync())!.ShouldContain("src/app/");

        (await page.GotoAsync("/teams/" + other))!.Status.ShouldBe((int)HttpStatusCode.NotFound);
        (await page.GotoAsync("/teams"))!.Ok.ShouldBeTrue();
        (await page.Locator($"#teams li[data-team='{other}']").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_sees_levels_but_no_evidence_places_and_an_outsider_finds_no_team()
    {
        var (team, _, _, member, outsider, topic) = await TeamsAsync();
        var page = await site.SignedInAsync(member);
        await page.GotoAsync("/teams/" + team);

        (await page.Locator($"#matrix tr[data-member='{member}'] td[data-topic='{topic}'] .evidenced").TextContentAsync()).ShouldNotBe("None");
        (await page.Locator("details.places").CountAsync()).ShouldBe(0);
        (await page.TextContentAsync("#view"))!.ShouldContain("levels only");

        var stranger = await site.SignedInAsync(outsider);
        (await stranger.GotoAsync("/teams/" + team))!.Status.ShouldBe((int)HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task When_the_organisation_turns_members_reading_off_a_member_finds_no_team_page_and_a_manager_still_does()
    {
        var (team, _, manager, member, _, _) = await TeamsAsync();
        using (var store = SkillprintStore.OpenExisting(site.Server.Store))
        {
            await store.SetSettingsAsync(new Core.Privacy.OrgSettings(MembersSeeTeamMatrix: false));
        }

        try
        {
            var page = await site.SignedInAsync(member);
            (await page.GotoAsync("/teams/" + team))!.Status.ShouldBe((int)HttpStatusCode.NotFound);
            var lead = await site.SignedInAsync(manager);
            (await lead.GotoAsync("/teams/" + team))!.Ok.ShouldBeTrue();
        }
        finally
        {
            using var store = SkillprintStore.OpenExisting(site.Server.Store);
            await store.SetSettingsAsync(new Core.Privacy.OrgSettings());
        }
    }

    [Fact]
    public async Task A_role_shows_how_many_members_meet_each_target()
    {
        var (team, _, manager, _, _, _) = await TeamsAsync();
        var page = await site.SignedInAsync(manager);
        await page.GotoAsync("/teams/" + team);
        var role = (await page.Locator("#role option").Nth(1).GetAttributeAsync("value"))!;
        await page.SelectOptionAsync("#role", role);
        await page.ClickAsync("#role-filter button");

        await page.WaitForURLAsync(site.Address + $"teams/{team}?role={role}&track=");
        var targets = await page.Locator("#role-cover tbody tr").CountAsync();
        targets.ShouldBeGreaterThan(0);
        (await page.Locator("#role-cover tbody tr td").Nth(1).TextContentAsync())!.ShouldEndWith("of 1");

        // A track narrows the matrix and the role's targets to its topics, and stays chosen.
        await page.SelectOptionAsync("#track", "tooling");
        await page.ClickAsync("#role-filter button");
        await page.WaitForURLAsync(site.Address + $"teams/{team}?role={role}&track=tooling");
        (await page.Locator("#track").InputValueAsync()).ShouldBe("tooling");
        (await page.Locator("#role-cover tbody tr").CountAsync()).ShouldBeLessThan(targets);
    }

    [Fact]
    public async Task An_admin_makes_a_team_puts_people_in_and_removes_it_only_when_confirmed()
    {
        var dev = await site.NewUserAsync("dev");
        var lead = await site.NewUserAsync("lead");
        var admin = await site.SignedInAsync(await site.NewUserAsync("admin", Core.Accounts.AccountRole.Admin));
        await admin.ClickAsync("nav a[href='/admin/teams']");
        var name = "data-" + Guid.NewGuid().ToString("N")[..6];
        await admin.FillAsync("#name", name);
        await admin.ClickAsync("#add-team button");
        await admin.WaitForSelectorAsync(".notice");

        var team = admin.Locator($"section[data-team='{name}']");
        await team.Locator(".add-person input[name=email]").FillAsync(dev);
        await team.Locator(".add-person button").ClickAsync();
        await admin.WaitForSelectorAsync(".notice");
        await team.Locator(".add-person input[name=email]").FillAsync(lead);
        await team.Locator(".add-person select").SelectOptionAsync("Manager");
        await team.Locator(".add-person button").ClickAsync();
        await admin.WaitForSelectorAsync(".notice");
        (await team.Locator($"li[data-person='{dev}'][data-role='member']").CountAsync()).ShouldBe(1);
        (await team.Locator($"li[data-person='{lead}'][data-role='manager']").CountAsync()).ShouldBe(1);

        // The new manager reads the team's matrix.
        var id = (await team.GetAttributeAsync("id"))!["team-".Length..];
        var manager = await site.SignedInAsync(lead);
        (await manager.GotoAsync("/teams/" + id))!.Ok.ShouldBeTrue();

        await team.Locator($"li[data-person='{dev}'] button").ClickAsync();
        await admin.WaitForSelectorAsync(".notice");
        (await team.Locator($"li[data-person='{dev}']").CountAsync()).ShouldBe(0);

        await team.Locator(".remove-team input[name=confirm]").EvaluateAsync("box => box.removeAttribute('required')");
        await team.Locator(".remove-team button").ClickAsync();
        (await admin.TextContentAsync("#teams-error"))!.ShouldContain("Tick the box");
        (await admin.Locator($"section[data-team='{name}']").CountAsync()).ShouldBe(1);

        await admin.Locator($"section[data-team='{name}'] .remove-team input[name=confirm]").CheckAsync();
        await admin.Locator($"section[data-team='{name}'] .remove-team button").ClickAsync();
        (await admin.TextContentAsync(".notice"))!.ShouldContain("the people and their data stay");
        (await admin.Locator($"section[data-team='{name}']").CountAsync()).ShouldBe(0);
        (await manager.GotoAsync("/teams/" + id))!.Status.ShouldBe((int)HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_finds_no_admin_teams_page()
    {
        var page = await site.SignedInAsync(await site.NewUserAsync("member"));

        (await page.GotoAsync("/admin/teams"))!.Status.ShouldBe((int)HttpStatusCode.NotFound);
    }
}
