using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Skillprint.Core.Accounts;
using Skillprint.Server.Tests.Harness;

namespace Skillprint.Server.Tests;

/// <summary>Who calls in a cell of the matrix.</summary>
public enum Actor
{
    /// <summary>No credentials.</summary>
    Anonymous,

    /// <summary>A member on their own data.</summary>
    MemberOwn,

    /// <summary>A member naming another person's data (an id of theirs); on routes that can only
    /// address the caller (/me...), the same request as <see cref="MemberOwn"/>.</summary>
    MemberOthers,

    /// <summary>An admin on the member's data where the route can name it, else on their own.</summary>
    Admin,

    /// <summary>A team's push token (made by the admin), as a repository's CI holds it: it may push
    /// and say who it is, and is refused everything else.</summary>
    TeamPushToken,
}

/// <summary>
/// The authorization matrix: every endpoint of the OpenAPI document, called by each
/// <see cref="Actor"/>, must answer the status its entry expects. An endpoint without an entry
/// (or an entry without an endpoint) fails the test, so a new endpoint cannot ship unseen.
/// Members and the admin call with write tokens; the cookie's CSRF rule is in AuthTests.
/// </summary>
public sealed class AuthorizationMatrixTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>One endpoint's expectations: the request for an actor, and the status per actor.</summary>
    private sealed record Entry(
        string Method,
        string Path,
        Func<World, Actor, Task<HttpRequestMessage>> Request,
        HttpStatusCode Anonymous,
        HttpStatusCode MemberOwn,
        HttpStatusCode MemberOthers,
        HttpStatusCode Admin,
        HttpStatusCode PushToken = HttpStatusCode.Forbidden)
    {
        public HttpStatusCode Expected(Actor actor) => actor switch
        {
            Actor.Anonymous => Anonymous,
            Actor.MemberOwn => MemberOwn,
            Actor.MemberOthers => MemberOthers,
            Actor.TeamPushToken => PushToken,
            _ => Admin,
        };
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode NoContent = HttpStatusCode.NoContent;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    private static readonly Entry[] Entries =
    [
        new("GET", "/healthz", (w, a) => Get("/healthz"), Ok, Ok, Ok, Ok, Ok),
        new("GET", "/api/v1/session", (w, a) => Get("/api/v1/session"), Unauthorized, Ok, Ok, Ok, Ok),
        new("POST", "/api/v1/session", (w, a) => Send(HttpMethod.Post, "/api/v1/session", new { email = w.EmailOf(a), password = "not-the-password" }), Unauthorized, Unauthorized, Unauthorized, Unauthorized),
        new("DELETE", "/api/v1/session", (w, a) => Send(HttpMethod.Delete, "/api/v1/session"), Unauthorized, NoContent, NoContent, NoContent),
        new("PUT", "/api/v1/me/password", (w, a) => Send(HttpMethod.Put, "/api/v1/me/password", new { current = "not-the-password", replacement = "another-password-3" }), Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
        new("GET", "/api/v1/me/tokens", (w, a) => Get("/api/v1/me/tokens"), Unauthorized, Ok, Ok, Ok),
        new("POST", "/api/v1/me/tokens", (w, a) => Send(HttpMethod.Post, "/api/v1/me/tokens", new { name = "matrix" }), Unauthorized, Created, Created, Created),
        new("DELETE", "/api/v1/me/tokens/{id}", async (w, a) => Message(HttpMethod.Delete, $"/api/v1/me/tokens/{await w.SpareTokenOfAsync(a)}"), Unauthorized, Ok, NotFound, NotFound),
        new("GET", "/api/v1/tokens", (w, a) => Get("/api/v1/tokens"), Unauthorized, Forbidden, Forbidden, Ok),
        new("DELETE", "/api/v1/tokens/{id}", async (w, a) => Message(HttpMethod.Delete, $"/api/v1/tokens/{await w.SpareTokenOfAsync(a)}"), Unauthorized, Forbidden, Forbidden, Ok),
        new("GET", "/api/v1/people", (w, a) => Get("/api/v1/people"), Unauthorized, Forbidden, Forbidden, Ok),
        new("POST", "/api/v1/people", (w, a) => Send(HttpMethod.Post, "/api/v1/people", new { email = $"new-{Guid.NewGuid():N}@example.org" }), Unauthorized, Forbidden, Forbidden, Created),
        new("GET", "/api/v1/me/status", (w, a) => Get("/api/v1/me/status"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/me/status/explain/{topic}", (w, a) => Get("/api/v1/me/status/explain/async"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/me/evidence", (w, a) => Get("/api/v1/me/evidence"), Unauthorized, Ok, Ok, Ok),
        new("POST", "/api/v1/me/evidence", (w, a) => Send(HttpMethod.Post, "/api/v1/me/evidence", new { topic = "async", note = "matrix" }), Unauthorized, Created, Created, Created),
        new("POST", "/api/v1/me/evidence/pushes", (w, a) => Send(HttpMethod.Post, "/api/v1/me/evidence/pushes", new { framework = "python", repositoryIdentity = "root:matrix", repositoryName = "m/m", hits = Array.Empty<object>() }), Unauthorized, Ok, Ok, Ok, Ok),
        // The matrix has no code hits: dismissing manual evidence is refused for its kind before any
        // owner is looked up, telling nothing the caller did not give; ownership of hits is in the
        // store contract tests (a hit of another author's is "not yours").
        new("POST", "/api/v1/me/evidence/{id}/dismiss", async (w, a) => Message(HttpMethod.Post, $"/api/v1/me/evidence/{await w.SpareEvidenceOfAsync(a, removed: false)}/dismiss"), Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
        new("POST", "/api/v1/me/evidence/{id}/restore", async (w, a) => Message(HttpMethod.Post, $"/api/v1/me/evidence/{await w.SpareEvidenceOfAsync(a, removed: true)}/restore"), Unauthorized, Ok, NotFound, NotFound),
        new("DELETE", "/api/v1/me/evidence/{id}", async (w, a) => Message(HttpMethod.Delete, $"/api/v1/me/evidence/{await w.SpareEvidenceOfAsync(a, removed: false)}"), Unauthorized, Ok, NotFound, NotFound),
        new("GET", "/api/v1/me/assessments", (w, a) => Get("/api/v1/me/assessments"), Unauthorized, Ok, Ok, Ok),
        new("POST", "/api/v1/me/assessments", (w, a) => Send(HttpMethod.Post, "/api/v1/me/assessments", new { topic = "async", level = "Beginner" }), Unauthorized, Created, Created, Created),
        new("GET", "/api/v1/me/roles", (w, a) => Get("/api/v1/me/roles"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/me/history", (w, a) => Get("/api/v1/me/history?topic=async"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/me/roadmaps", (w, a) => Get("/api/v1/me/roadmaps"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/me/roadmaps/{id}", (w, a) => Get("/api/v1/me/roadmaps/python-80-20"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/me/gaps", (w, a) => Get("/api/v1/me/gaps"), Unauthorized, Ok, Ok, Ok),
        new("POST", "/api/v1/me/roadmaps/marks", (w, a) => Send(HttpMethod.Post, "/api/v1/me/roadmaps/marks", new { item = "async.queue", status = "doing" }), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/me/practice/due", (w, a) => Get("/api/v1/me/practice/due"), Unauthorized, Ok, Ok, Ok),
        new("POST", "/api/v1/me/practice/reviews", (w, a) => Send(HttpMethod.Post, "/api/v1/me/practice/reviews", new { card = "async.queue-question", rating = "good" }), Unauthorized, Created, Created, Created),
        new("GET", "/api/v1/frameworks", (w, a) => Get("/api/v1/frameworks"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/frameworks/{id}", (w, a) => Get("/api/v1/frameworks/python"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/people/{id}/status", (w, a) => Get($"/api/v1/people/{w.SubjectOf(a)}/status"), Unauthorized, Forbidden, Forbidden, Ok),
        new("GET", "/api/v1/me/visibility", (w, a) => Get("/api/v1/me/visibility"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/settings", (w, a) => Get("/api/v1/settings"), Unauthorized, Forbidden, Forbidden, Ok),
        new("PUT", "/api/v1/settings", (w, a) => Send(HttpMethod.Put, "/api/v1/settings", new { membersSeeTeamMatrix = true }), Unauthorized, Forbidden, Forbidden, Ok),
        new("GET", "/api/v1/me/audit", (w, a) => Get("/api/v1/me/audit"), Unauthorized, Ok, Ok, Ok),
        new("GET", "/api/v1/audit", (w, a) => Get($"/api/v1/audit?person={w.EmailOf(a)}&limit=5"), Unauthorized, Forbidden, Forbidden, Ok),
        new("GET", "/api/v1/identities", (w, a) => Get("/api/v1/identities"), Unauthorized, Forbidden, Forbidden, Ok),
        new("POST", "/api/v1/identities/link", async (w, a) => Message(HttpMethod.Post, "/api/v1/identities/link", new { email = await w.SpareIdentityAsync(), person = "bob@example.org" }), Unauthorized, Forbidden, Forbidden, Ok),
        new("DELETE", "/api/v1/identities/link", async (w, a) => Message(HttpMethod.Delete, $"/api/v1/identities/link?email={await w.SpareIdentityAsync(linkedTo: "bob@example.org")}"), Unauthorized, Forbidden, Forbidden, Ok),
    ];

    [Fact]
    public async Task Every_endpoint_of_the_OpenAPI_document_answers_each_caller_as_its_entry_says()
    {
        using var world = await World.CreateAsync(new ServerFactory(folder.SqliteStore()));
        await Walk(world);
    }

    [Fact]
    [Trait("Engine", "PostgreSQL")]
    public async Task Every_endpoint_answers_each_caller_as_its_entry_says_on_PostgreSQL()
    {
        using var database = new PostgresSchema();
        using var world = await World.CreateAsync(new ServerFactory(database.Location));
        await Walk(world);
    }

    private static async Task Walk(World world)
    {
        var documented = await world.DocumentedEndpointsAsync();
        // The team endpoints have a matrix of their own, with a team's roles (TeamAuthorizationMatrixTests).
        var listed = Entries.Select(e => $"{e.Method} {e.Path}").Concat(TeamAuthorizationMatrixTests.Endpoints).ToList();
        documented.Except(listed).ShouldBeEmpty("endpoints of the OpenAPI document without an entry in the matrix");
        listed.Except(documented).ShouldBeEmpty("matrix entries without an endpoint in the OpenAPI document");

        var failures = new List<string>();
        foreach (var entry in Entries)
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                using var request = await entry.Request(world, actor);
                using var client = world.ClientOf(actor);
                using var response = await client.SendAsync(request);
                if (response.StatusCode != entry.Expected(actor))
                {
                    failures.Add($"{entry.Method} {entry.Path} as {actor}: {(int)response.StatusCode}, expected {(int)entry.Expected(actor)}: {await response.Content.ReadAsStringAsync()}");
                }
                else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{entry.Method} {entry.Path} as {actor}: {(int)response.StatusCode} without problem details");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)));

    private static Task<HttpRequestMessage> Send(HttpMethod method, string path, object? body = null) => Task.FromResult(Message(method, path, body));

    private static HttpRequestMessage Message(HttpMethod method, string path, object? body = null) =>
        new(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };

    /// <summary>The people of the matrix: an admin, a member (Ada) and another member (Bob), each
    /// with a write token; a fresh token of someone's for each request that revokes one.</summary>
    private sealed class World(ServerFactory server, Account admin, Account ada, Account bob, IReadOnlyDictionary<Core.People.PersonId, string> tokens, string pushToken) : IDisposable
    {
        public ServerFactory Server { get; } = server;

        public static async Task<World> CreateAsync(ServerFactory server)
        {
            var admin = await server.AddUserAsync("admin@example.org", AccountRole.Admin);
            var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
            var bob = await server.AddUserAsync("bob@example.org", AccountRole.Member);
            var tokens = new Dictionary<Core.People.PersonId, string>();
            foreach (var account in (Account[])[admin, ada, bob])
            {
                tokens[account.PersonId] = await server.TokenAsync(account.PersonId, TokenScope.Write);
            }

            using var store = Store.SkillprintStore.OpenExisting(server.Store);
            var team = await new Core.Teams.TeamService(store, store, TimeProvider.System).AddAsync("ci");
            var push = await new AccountService(store, TimeProvider.System).CreateTeamTokenAsync(team.Id, admin.PersonId, "github-ci", null, default);
            return new World(server, admin, ada, bob, tokens, push.Secret);
        }

        public string EmailOf(Actor actor) => actor == Actor.Admin ? admin.Email : ada.Email;

        public HttpClient ClientOf(Actor actor) => actor switch
        {
            Actor.Anonymous => Server.CreateClient(),
            Actor.Admin => Server.ClientWith(tokens[admin.PersonId]),
            Actor.TeamPushToken => Server.ClientWith(pushToken),
            _ => Server.ClientWith(tokens[ada.PersonId]),
        };

        /// <summary>A new token whose revocation the actor asks for: Ada's own for a member on their
        /// own data and for the admin (whose /me routes must not reach it); Bob's for a member on another's.</summary>
        public async Task<long> SpareTokenOfAsync(Actor actor)
        {
            var owner = actor == Actor.MemberOthers ? bob : ada;
            using var store = Store.SkillprintStore.OpenExisting(Server.Store);
            return (await new AccountService(store, TimeProvider.System).CreateTokenAsync(owner.PersonId, "spare", TokenScope.Read, null, default)).Token.Id;
        }

        /// <summary>The person a route with a person id names: Ada, the member, for everyone but a
        /// member on another's data, who names Bob.</summary>
        public Core.People.PersonId SubjectOf(Actor actor) => actor == Actor.MemberOthers ? bob.PersonId : ada.PersonId;

        /// <summary>New manual evidence (removed when asked) whose change the actor asks for: Ada's,
        /// or Bob's for a member on another's data. The admin's /me routes must not reach Ada's.</summary>
        public async Task<string> SpareEvidenceOfAsync(Actor actor, bool removed)
        {
            var owner = SubjectOf(actor);
            using var store = Store.SkillprintStore.OpenExisting(Server.Store);
            var now = DateTimeOffset.UtcNow;
            var id = await store.AddManualEvidenceAsync(owner, new Core.Status.ManualEvidence(0, "", "python", "async", null, null, "spare", now));
            if (removed)
            {
                await store.RemoveManualEvidenceAsync(owner, id, now);
            }

            return "m" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>A new unclaimed identity (an author email of pushed code that is no one's), linked
        /// to <paramref name="linkedTo"/> when given.</summary>
        public async Task<string> SpareIdentityAsync(string? linkedTo = null)
        {
            var email = $"author-{Guid.NewGuid():N}@laptop.local";
            using var store = Store.SkillprintStore.OpenExisting(Server.Store);
            var team = await store.AddTeamAsync($"spare-{Guid.NewGuid():N}", DateTimeOffset.UtcNow);
            var hit = new Core.Evidence.PushedHit("async", "async.queue", "app/main.py", 1, 1, email, "c0ffee", DateTimeOffset.UtcNow);
            await store.ReplaceTeamPushedEvidenceAsync(team!.Id, new Core.Evidence.EvidencePush("python", "root:" + email, email, null, [hit]), DateTimeOffset.UtcNow);
            if (linkedTo is not null)
            {
                await store.LinkIdentityAsync(email, (await store.FindPersonAsync(linkedTo))!.Id, DateTimeOffset.UtcNow);
            }

            return email;
        }

        /// <summary>"METHOD /path" for every operation of /openapi/v1.json.</summary>
        public async Task<IReadOnlyList<string>> DocumentedEndpointsAsync()
        {
            using var client = Server.CreateClient();
            var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
            var endpoints = new List<string>();
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
                {
                    endpoints.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }

            return endpoints;
        }

        public void Dispose() => Server.Dispose();
    }
}
