using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Skillprint.Core.Accounts;
using Skillprint.Core.Teams;
using Skillprint.Server.Tests.Harness;

namespace Skillprint.Server.Tests;

/// <summary>Who calls a team endpoint.</summary>
public enum TeamActor
{
    Anonymous,

    /// <summary>A manager of the team the request names.</summary>
    Manager,

    /// <summary>A member of the team the request names.</summary>
    Member,

    /// <summary>A member of another team only.</summary>
    OtherTeamMember,

    Admin,
}

/// <summary>
/// The authorization matrix of the team endpoints (and the organisation's report), with the roles a team has: its manager, its
/// member, a member of another team, and an admin (and no one). Every team endpoint of the OpenAPI
/// document needs an entry here; <see cref="AuthorizationMatrixTests"/> counts these as listed.
/// Each request works on a team of its own, so a removal does not disturb the next request.
/// </summary>
public sealed class TeamAuthorizationMatrixTests : IDisposable
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>One endpoint: the request on a fresh team (its id, and the id of a push token of
    /// it), and the status per actor in the order of <see cref="TeamActor"/>.</summary>
    private sealed record Entry(string Method, string Path, Func<long, long, HttpRequestMessage> Request, params HttpStatusCode[] Expected);

    private static readonly Entry[] Entries =
    [
        new("GET", "/api/v1/teams", (id, token) => Message(HttpMethod.Get, "/api/v1/teams"), Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        new("POST", "/api/v1/teams", (id, token) => Message(HttpMethod.Post, "/api/v1/teams", new { name = $"t-{Guid.NewGuid():N}" }), Unauthorized, Forbidden, Forbidden, Forbidden, Created),
        new("GET", "/api/v1/teams/{id}", (id, token) => Message(HttpMethod.Get, $"/api/v1/teams/{id}"), Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        new("DELETE", "/api/v1/teams/{id}", (id, token) => Message(HttpMethod.Delete, $"/api/v1/teams/{id}"), Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        new("POST", "/api/v1/teams/{id}/people", (id, token) => Message(HttpMethod.Post, $"/api/v1/teams/{id}/people", new { email = "bob@example.org", role = "member" }), Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        new("DELETE", "/api/v1/teams/{id}/people", (id, token) => Message(HttpMethod.Delete, $"/api/v1/teams/{id}/people?email=ada@example.org&role=member"), Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        new("GET", "/api/v1/teams/{id}/tokens", (id, token) => Message(HttpMethod.Get, $"/api/v1/teams/{id}/tokens"), Unauthorized, Ok, Forbidden, NotFound, Ok),
        new("POST", "/api/v1/teams/{id}/tokens", (id, token) => Message(HttpMethod.Post, $"/api/v1/teams/{id}/tokens", new { name = "github-ci" }), Unauthorized, Created, Forbidden, NotFound, Created),
        new("DELETE", "/api/v1/teams/{id}/tokens/{tokenId}", (id, token) => Message(HttpMethod.Delete, $"/api/v1/teams/{id}/tokens/{token}"), Unauthorized, Ok, Forbidden, NotFound, Ok),
        new("GET", "/api/v1/teams/{id}/matrix", (id, token) => Message(HttpMethod.Get, $"/api/v1/teams/{id}/matrix"), Unauthorized, Ok, Ok, NotFound, Ok),
        new("GET", "/api/v1/org/bus-factor", (id, token) => Message(HttpMethod.Get, "/api/v1/org/bus-factor"), Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
    ];

    /// <summary>"METHOD /path" of every team endpoint with an entry here.</summary>
    public static IEnumerable<string> Endpoints => Entries.Select(e => $"{e.Method} {e.Path}");

    [Fact]
    public async Task Every_team_endpoint_answers_manager_member_other_team_and_admin_as_its_entry_says()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        await WalkAsync(server);
    }

    [Fact]
    [Trait("Engine", "PostgreSQL")]
    public async Task Every_team_endpoint_answers_each_role_as_its_entry_says_on_PostgreSQL()
    {
        using var database = new PostgresSchema();
        using var server = new ServerFactory(database.Location);
        await WalkAsync(server);
    }

    private static async Task WalkAsync(ServerFactory server)
    {
        var admin = await server.AddUserAsync("admin@example.org", AccountRole.Admin);
        var mo = await server.AddUserAsync("mo@example.org", AccountRole.Member);
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        var bob = await server.AddUserAsync("bob@example.org", AccountRole.Member);
        var tokens = new Dictionary<TeamActor, string>
        {
            [TeamActor.Admin] = await server.TokenAsync(admin.PersonId, TokenScope.Write),
            [TeamActor.Manager] = await server.TokenAsync(mo.PersonId, TokenScope.Write),
            [TeamActor.Member] = await server.TokenAsync(ada.PersonId, TokenScope.Write),
            [TeamActor.OtherTeamMember] = await server.TokenAsync(bob.PersonId, TokenScope.Write),
        };
        using var store = Store.SkillprintStore.OpenExisting(server.Store);
        var service = new TeamService(store, store, TimeProvider.System);
        var other = await service.AddAsync("other");
        await service.AddPersonAsync(other, bob.Email, TeamRole.Member);

        using (var client = server.CreateClient())
        {
            var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
            var documented = document.GetProperty("paths").EnumerateObject()
                .Where(p => p.Name.StartsWith("/api/v1/teams", StringComparison.Ordinal) || p.Name.StartsWith("/api/v1/org", StringComparison.Ordinal))
                .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete").Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
                .ToList();
            documented.ShouldBe(Endpoints, ignoreOrder: true);
        }

        var failures = new List<string>();
        foreach (var entry in Entries)
        {
            foreach (var actor in Enum.GetValues<TeamActor>())
            {
                var team = await service.AddAsync($"team-{Guid.NewGuid():N}");
                await service.AddPersonAsync(team, mo.Email, TeamRole.Manager);
                await service.AddPersonAsync(team, ada.Email, TeamRole.Member);
                var pushToken = await new AccountService(store, TimeProvider.System).CreateTeamTokenAsync(team.Id, mo.PersonId, "spare", null, default);
                using var request = entry.Request(team.Id, pushToken.Token.Id);
                using var client = actor == TeamActor.Anonymous ? server.CreateClient() : server.ClientWith(tokens[actor]);
                using var response = await client.SendAsync(request);
                var expected = entry.Expected[(int)actor];
                if (response.StatusCode != expected)
                {
                    failures.Add($"{entry.Method} {entry.Path} as {actor}: {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
                }
                else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{entry.Method} {entry.Path} as {actor}: {(int)response.StatusCode} without problem details");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static HttpRequestMessage Message(HttpMethod method, string path, object? body = null) =>
        new(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
}
