using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Skillprint.Core.Accounts;
using Skillprint.Core.Teams;
using Skillprint.Server.Tests.Harness;

namespace Skillprint.Server.Tests;

/// <summary>Privacy over the API: a person reads who can see their page, and the organisation's
/// setting that turns off members reading their team's matrix is honoured by the matrix (managers
/// and admins still read it).</summary>
public sealed class PrivacyEndpointTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Visibility_names_admins_managers_and_members_and_the_setting_hides_the_matrix_from_members()
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

        var seen = JsonNode.Parse(await asAda.GetStringAsync(U("/api/v1/me/visibility")))!;
        seen["person"]!.GetValue<string>().ShouldBe("ada@example.org");
        seen["admins"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["admin@example.org"]);
        var team0 = seen["teams"]!.AsArray().ShouldHaveSingleItem()!;
        team0["managers"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["mo@example.org"]);
        team0["members"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["bob@example.org"]);
        team0["membersSeeLevels"]!.GetValue<bool>().ShouldBeTrue();
        (await asAda.GetAsync(U($"/api/v1/teams/{id}/matrix"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await asAda.PutAsJsonAsync(U("/api/v1/settings"), new { membersSeeTeamMatrix = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asAdmin.PutAsJsonAsync(U("/api/v1/settings"), new { membersSeeTeamMatrix = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        JsonNode.Parse(await asAdmin.GetStringAsync(U("/api/v1/settings")))!["membersSeeTeamMatrix"]!.GetValue<bool>().ShouldBeFalse();
        (await asAda.GetAsync(U($"/api/v1/teams/{id}/matrix"))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a member no longer reads the matrix");
        (await asMo.GetAsync(U($"/api/v1/teams/{id}/matrix"))).StatusCode.ShouldBe(HttpStatusCode.OK, "a manager still does");
        (await asAdmin.GetAsync(U($"/api/v1/teams/{id}/matrix"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await asAda.GetStringAsync(U("/api/v1/me/visibility")))!["teams"]![0]!["membersSeeLevels"]!.GetValue<bool>().ShouldBeFalse();
    }
}
