using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Skillprint.Core.Accounts;
using Skillprint.Server.Tests.Harness;

namespace Skillprint.Server.Tests;

/// <summary>The team endpoints end to end: an admin makes a team through the API, a member pushes
/// evidence, the manager reads levels and evidence places (never source text), the member reads
/// levels only, and a member of another team finds no such team.</summary>
public sealed class TeamEndpointTests : IDisposable
{
    private const string Source = "async with httpx.AsyncClient() as SECRET_SOURCE_TEXT:";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static Uri U(string path) => new(path, UriKind.Relative);

    /// <summary>Ada's three async hits in one file, three days old (Async at Intermediate), as a
    /// push carries them, each with the snippet <paramref name="snippet"/> gives its line.</summary>
    private static IEnumerable<object> AsyncHits(Func<int, string> snippet)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        return new[] { 10, 20, 30 }.Select(line => new
        {
            topic = "async",
            skill = line == 30 ? "async.httpx-client" : "async.gather",
            path = "app/client.py",
            line,
            endLine = line,
            author = "ada@example.org",
            commit = "c0ffee",
            at,
            snippet = snippet(line),
        });
    }

    [Fact]
    public async Task Managers_read_places_members_read_levels_and_others_find_no_team()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        var admin = await server.AddUserAsync("admin@example.org", AccountRole.Admin);
        var mo = await server.AddUserAsync("mo@example.org", AccountRole.Member);
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        var bob = await server.AddUserAsync("bob@example.org", AccountRole.Member);
        using var asAdmin = server.ClientWith(await server.TokenAsync(admin.PersonId, TokenScope.Write));
        using var asMo = server.ClientWith(await server.TokenAsync(mo.PersonId, TokenScope.Read));
        using var asAda = server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Write));
        using var asBob = server.ClientWith(await server.TokenAsync(bob.PersonId, TokenScope.Read));

        var created = await asAdmin.PostAsJsonAsync(U("/api/v1/teams"), new { name = "Platform" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        (await asAdmin.PostAsJsonAsync(U("/api/v1/teams"), new { name = "platform" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await asAdmin.PostAsJsonAsync(U($"/api/v1/teams/{id}/people"), new { email = "ada@example.org", role = "member" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asAdmin.PostAsJsonAsync(U($"/api/v1/teams/{id}/people"), new { email = "mo@example.org", role = "manager" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var unknown = await asAdmin.PostAsJsonAsync(U($"/api/v1/teams/{id}/people"), new { email = "nobody@example.org" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("nobody@example.org");

        var hits = AsyncHits(_ => Source);
        (await asAda.PostAsJsonAsync(U("/api/v1/me/evidence/pushes"), new { framework = "python", repositoryIdentity = "root:1", repositoryName = "acme/api", hits })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var managed = await asMo.GetStringAsync(U($"/api/v1/teams/{id}/matrix"));
        var full = JsonNode.Parse(managed)!;
        full["view"]!.GetValue<string>().ShouldBe("Full");
        var adaAsync = full["members"]!.AsArray().Single()!["cells"]!.AsArray().Single(c => c!["topic"]!.GetValue<string>() == "async")!;
        adaAsync["evidencedLevel"]!.GetValue<string>().ShouldBe("Intermediate");
        adaAsync["places"]!.AsArray().Select(p => p!["path"]!.GetValue<string>()).Distinct().ShouldBe(["app/client.py"]);
        managed.ShouldNotContain("SECRET_SOURCE_TEXT");

        var own = JsonNode.Parse(await asAda.GetStringAsync(U($"/api/v1/teams/{id}/matrix")))!;
        own["view"]!.GetValue<string>().ShouldBe("Levels");
        var cell = own["members"]!.AsArray().Single()!["cells"]!.AsArray().Single(c => c!["topic"]!.GetValue<string>() == "async")!;
        cell["evidencedLevel"]!.GetValue<string>().ShouldBe("Intermediate");
        cell["places"].ShouldBeNull();
        cell["strength"].ShouldBeNull();

        var refused = await asBob.GetAsync(U($"/api/v1/teams/{id}/matrix"));
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asBob.GetAsync(U($"/api/v1/teams/{id + 1000}/matrix"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("Platform");
        (await asAdmin.GetAsync(U($"/api/v1/teams/{id}/matrix?role=backend-developer"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asAdmin.GetAsync(U($"/api/v1/teams/{id}/matrix?role=no-such-role"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var data = JsonNode.Parse(await asMo.GetStringAsync(U($"/api/v1/teams/{id}/matrix?track=data&role=backend-developer&grade=senior")))!;
        data["track"]!.GetValue<string>().ShouldBe("data");
        data["role"]!["grade"]!.GetValue<string>().ShouldBe("senior");
        var badTrack = await asMo.GetAsync(U($"/api/v1/teams/{id}/matrix?track=mobile"));
        badTrack.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badTrack.Content.ReadAsStringAsync()).ShouldContain("track: the framework 'python' has no track 'mobile'");
        (await asMo.GetAsync(U($"/api/v1/teams/{id}/matrix?grade=senior"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public Task A_kept_matrix_shows_each_change_at_the_next_request_on_SQLite() => KeptMatrixFollowsChangesAsync(folder.SqliteStore());

    [Fact]
    public async Task A_kept_matrix_shows_each_change_at_the_next_request_on_PostgreSQL()
    {
        using var database = new PostgresSchema();
        await KeptMatrixFollowsChangesAsync(database.Location);
    }

    /// <summary>The server keeps members' code standings between requests; a push, a dismissal, its
    /// undoing and a self-assessment must each show in the very next matrix.</summary>
    private static async Task KeptMatrixFollowsChangesAsync(Store.StoreLocation location)
    {
        using var server = new ServerFactory(location);
        var admin = await server.AddUserAsync("admin@example.org", AccountRole.Admin);
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        using var asAdmin = server.ClientWith(await server.TokenAsync(admin.PersonId, TokenScope.Write));
        using var asAda = server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Write));
        var created = await asAdmin.PostAsJsonAsync(U("/api/v1/teams"), new { name = "Platform" });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        (await asAdmin.PostAsJsonAsync(U($"/api/v1/teams/{id}/people"), new { email = "ada@example.org", role = "member" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        async Task<(string Evidenced, string Self, int Places)> AsyncCellAsync()
        {
            var matrix = JsonNode.Parse(await asAdmin.GetStringAsync(U($"/api/v1/teams/{id}/matrix")))!;
            var cell = matrix["members"]!.AsArray().Single()!["cells"]!.AsArray().Single(c => c!["topic"]!.GetValue<string>() == "async")!;
            return (cell["evidencedLevel"]!.GetValue<string>(), cell["selfLevel"]!.GetValue<string>(), cell["places"]!.AsArray().Count);
        }

        (await AsyncCellAsync()).ShouldBe(("None", "None", 0));
        (await AsyncCellAsync()).ShouldBe(("None", "None", 0), "a kept standing");

        var hits = AsyncHits(line => $"line {line}");
        (await asAda.PostAsJsonAsync(U("/api/v1/me/evidence/pushes"), new { framework = "python", repositoryIdentity = "root:1", repositoryName = "acme/api", hits })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AsyncCellAsync()).ShouldBe(("Intermediate", "None", 3), "the push shows at once");

        var evidence = JsonNode.Parse(await asAda.GetStringAsync(U("/api/v1/me/evidence?limit=50")))!["items"]!.AsArray();
        var httpx = evidence.Single(e => e!["skill"]?.GetValue<string>() == "async.httpx-client")!["id"]!.GetValue<string>();
        (await asAda.PostAsync(U($"/api/v1/me/evidence/{httpx}/dismiss"), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AsyncCellAsync()).ShouldBe(("Beginner", "None", 2), "the dismissal shows at once");
        (await asAda.PostAsync(U($"/api/v1/me/evidence/{httpx}/restore"), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AsyncCellAsync()).ShouldBe(("Intermediate", "None", 3), "the restore shows at once");

        (await asAda.PostAsJsonAsync(U("/api/v1/me/assessments"), new { topic = "async", level = "Advanced" })).IsSuccessStatusCode.ShouldBeTrue();
        (await AsyncCellAsync()).ShouldBe(("Intermediate", "Advanced", 3), "a self-assessment shows at once");

        // The organisation's report reads the same standings: ada alone holds the skill, for her team.
        var report = JsonNode.Parse(await asAdmin.GetStringAsync(U("/api/v1/org/bus-factor")))!;
        report["people"]!.GetValue<int>().ShouldBe(2);
        var gather = report["skills"]!.AsArray().Single(x => x!["skill"]!.GetValue<string>() == "async.gather")!;
        gather["busFactor"]!.GetValue<int>().ShouldBe(1);
        gather["holders"]!.AsArray().Select(h => h!.GetValue<string>()).ShouldBe(["ada@example.org"]);
        gather["islandTeams"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["Platform"]);
        (await asAda.GetAsync(U("/api/v1/org/bus-factor"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asAdmin.GetAsync(U("/api/v1/org/bus-factor?framework=nope"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
