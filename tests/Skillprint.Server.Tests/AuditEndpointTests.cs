using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Skillprint.Core.Accounts;
using Skillprint.Core.Teams;
using Skillprint.Server.Tests.Harness;

namespace Skillprint.Server.Tests;

/// <summary>The audit log over the API: a person finds in /me/audit what was done to their data and
/// who read it (a manager's read of their team's matrix, an admin's read of their status); an admin
/// reads anyone's in /audit, a member cannot; a team token's push is the token's, not its creator's.</summary>
public sealed class AuditEndpointTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task A_managers_read_of_the_matrix_and_an_admins_read_of_a_status_are_in_the_members_own_log()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        var admin = await server.AddUserAsync("admin@example.org", AccountRole.Admin);
        var mo = await server.AddUserAsync("mo@example.org", AccountRole.Member);
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        var bob = await server.AddUserAsync("bob@example.org", AccountRole.Member);
        long id;
        using (var store = Store.SkillprintStore.OpenExisting(server.Store))
        {
            var service = new TeamService(store, store, TimeProvider.System);
            var team = await service.AddAsync("platform");
            await service.AddPersonAsync(team, mo.Email, TeamRole.Manager);
            await service.AddPersonAsync(team, ada.Email, TeamRole.Member);
            await service.AddPersonAsync(team, bob.Email, TeamRole.Member);
            id = team.Id;
        }

        using var asAdmin = server.ClientWith(await server.TokenAsync(admin.PersonId, TokenScope.Write));
        using var asMo = server.ClientWith(await server.TokenAsync(mo.PersonId, TokenScope.Read));
        using var asAda = server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Write));
        using var asBob = server.ClientWith(await server.TokenAsync(bob.PersonId, TokenScope.Read));

        (await asBob.GetAsync(U($"/api/v1/teams/{id}/matrix"))).StatusCode.ShouldBe(HttpStatusCode.OK, "a member's read of levels is not recorded");
        (await asMo.GetAsync(U($"/api/v1/teams/{id}/matrix"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asMo.GetAsync(U($"/api/v1/teams/{id}/matrix"))).StatusCode.ShouldBe(HttpStatusCode.OK, "a refresh within the hour is not recorded again");
        (await asAda.PostAsJsonAsync(U("/api/v1/me/assessments"), new { topic = "async", level = "Beginner" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await asAdmin.GetAsync(U($"/api/v1/people/{ada.PersonId}/status"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asAda.GetAsync(U("/api/v1/me/status"))).StatusCode.ShouldBe(HttpStatusCode.OK, "reading one's own data is not recorded");

        var log = JsonNode.Parse(await asAda.GetStringAsync(U("/api/v1/me/audit")))!;
        log["person"]!.GetValue<string>().ShouldBe("ada@example.org");
        var events = log["events"]!.AsArray().Select(e => $"{e!["actor"]} {e["action"]} {e["target"]}").ToList();
        events.ShouldBe([
            "admin@example.org view.person status",
            "ada@example.org assessment.add python/async",
            "mo@example.org view.team-matrix team " + id,
            " token.create token 3",
            " team.person.add team " + id,
            " user.add ada@example.org",
        ]);

        var bobs = JsonNode.Parse(await asBob.GetStringAsync(U("/api/v1/me/audit?limit=1")))!;
        bobs["events"]!.AsArray().ShouldHaveSingleItem()!["action"]!.GetValue<string>().ShouldBe("view.team-matrix");
        bobs["next"].ShouldNotBeNull();

        var forAda = JsonNode.Parse(await asAdmin.GetStringAsync(U("/api/v1/audit?person=ADA@example.org")))!;
        forAda["events"]!.AsArray().Count.ShouldBe(6);
        var all = JsonNode.Parse(await asAdmin.GetStringAsync(U("/api/v1/audit?limit=500")))!["events"]!.AsArray();
        all.ShouldContain(e => e!["action"]!.GetValue<string>() == "view.team-matrix" && e["subject"] == null, "the read of the team as a whole");

        (await asBob.GetAsync(U("/api/v1/audit"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asBob.GetAsync(U("/api/v1/audit?person=bob@example.org"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "not even one's own through the admin's door");
        var missing = await asAdmin.GetAsync(U("/api/v1/audit?person=nobody@example.org"));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("person:");
        var bad = await asAda.GetAsync(U("/api/v1/me/audit?limit=0"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("limit:");
    }

    [Fact]
    public async Task A_team_tokens_push_is_recorded_as_the_tokens_and_the_author_finds_it()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        var admin = await server.AddUserAsync("admin@example.org", AccountRole.Admin);
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        CreatedToken push;
        using (var store = Store.SkillprintStore.OpenExisting(server.Store))
        {
            var team = await new TeamService(store, store, TimeProvider.System).AddAsync("ci");
            push = await new AccountService(store, TimeProvider.System).CreateTeamTokenAsync(team.Id, admin.PersonId, "github-ci", null, default);
        }

        using var asCi = server.ClientWith(push.Secret);
        using var asAda = server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Read));
        var hits = new[] { new { topic = "async", skill = "async.await", path = "app.py", line = 3, endLine = 3, author = "ada@example.org", commit = "abc", at = "2025-03-03T09:00:00Z" } };
        (await asCi.PostAsJsonAsync(U("/api/v1/me/evidence/pushes"), new { framework = "python", repositoryIdentity = "root:r", repositoryName = "org/r", hits })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asCi.GetAsync(U("/api/v1/me/audit"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a push token reads nothing");

        var mine = JsonNode.Parse(await asAda.GetStringAsync(U("/api/v1/me/audit")))!["events"]!.AsArray()
            .Where(e => e!["action"]!.GetValue<string>() is not ("token.create" or "user.add")).ShouldHaveSingleItem()!;
        mine["action"]!.GetValue<string>().ShouldBe("push");
        mine["actorKind"]!.GetValue<string>().ShouldBe("TeamToken");
        mine["actorTokenId"]!.GetValue<long>().ShouldBe(push.Token.Id);
        mine["actor"].ShouldBeNull("the token's creator did not push");
        mine["target"]!.GetValue<string>().ShouldBe("org/r");
        mine.ToJsonString().ShouldNotContain(push.Secret);
    }
}
