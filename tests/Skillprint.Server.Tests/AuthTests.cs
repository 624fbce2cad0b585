using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Skillprint.Core.Accounts;
using Skillprint.Server.Tests.Harness;
using Skillprint.Store;

namespace Skillprint.Server.Tests;

/// <summary>Sign-in, tokens, CSRF, lockout, the rate limit and forwarded headers, through the real pipeline.</summary>
public sealed class AuthTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Without_credentials_the_API_answers_401_problem_details()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        using var client = server.CreateClient();

        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/me/tokens")), HttpStatusCode.Unauthorized, null);
        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/session")), HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task A_bearer_token_speaks_for_its_person_until_revoked_and_an_unknown_one_is_401()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        var token = await server.TokenAsync(ada.PersonId, TokenScope.Write);
        using var client = server.ClientWith(token);

        var session = await client.GetFromJsonAsync<JsonElement>(U("/api/v1/session"));
        session.GetProperty("email").GetString().ShouldBe("ada@example.org");
        session.GetProperty("role").GetString().ShouldBe("Member");
        session.GetProperty("csrfToken").ValueKind.ShouldBe(JsonValueKind.Null, "a token needs no CSRF token");

        var tokens = await client.GetFromJsonAsync<JsonElement>(U("/api/v1/me/tokens"));
        var id = tokens[0].GetProperty("id").GetInt64();
        tokens[0].GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.String, "its use is recorded");
        tokens.GetRawText().ShouldNotContain(token);
        (await client.DeleteAsync(U($"/api/v1/me/tokens/{id}"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/session")), HttpStatusCode.Unauthorized, null);
        using var stranger = server.ClientWith("sp_" + new string('A', 43));
        await HostingTests.ShouldBeProblem(await stranger.GetAsync(U("/api/v1/session")), HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task A_read_token_reads_and_may_not_write()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        using var client = server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Read));

        (await client.GetAsync(U("/api/v1/me/tokens"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var write = await client.PostAsJsonAsync(U("/api/v1/me/tokens"), new { name = "more" });

        await HostingTests.ShouldBeProblem(write, HttpStatusCode.Forbidden, "scope write");
    }

    [Fact]
    public async Task A_write_with_the_session_cookie_needs_the_CSRF_token()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        await server.AddUserAsync("ada@example.org", AccountRole.Member);
        var (client, session) = await server.SignedInAsync("ada@example.org");
        using var _ = client;

        (await client.GetAsync(U("/api/v1/me/tokens"))).StatusCode.ShouldBe(HttpStatusCode.OK, "reads need no CSRF token");
        await HostingTests.ShouldBeProblem(await client.PostAsJsonAsync(U("/api/v1/me/tokens"), new { name = "no header" }), HttpStatusCode.Forbidden, "X-CSRF-TOKEN");
        using (var forged = new HttpRequestMessage(HttpMethod.Post, U("/api/v1/me/tokens")) { Content = JsonContent.Create(new { name = "forged" }) })
        {
            forged.Headers.Add("X-CSRF-TOKEN", "forged-value");
            await HostingTests.ShouldBeProblem(await client.SendAsync(forged), HttpStatusCode.Forbidden, "X-CSRF-TOKEN");
        }

        using var good = new HttpRequestMessage(HttpMethod.Post, U("/api/v1/me/tokens")) { Content = JsonContent.Create(new { name = "with header", scope = "Write" }) };
        good.Headers.Add("X-CSRF-TOKEN", session.CsrfToken);
        var created = await client.SendAsync(good);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("secret").GetString().ShouldStartWith("sp_");
        body.GetProperty("token").GetProperty("scope").GetString().ShouldBe("Write");
        (await client.GetFromJsonAsync<JsonElement>(U("/api/v1/me/tokens"))).GetArrayLength().ShouldBe(1, "the refused writes changed nothing");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        await server.AddUserAsync("ada@example.org", AccountRole.Member);
        using var client = server.CreateClient();

        for (var i = 0; i < AccountService.MaxFailedSignIns; i++)
        {
            await HostingTests.ShouldBeProblem(
                await client.PostAsJsonAsync(U("/api/v1/session"), new { email = "ada@example.org", password = "wrong-password-" + i }),
                HttpStatusCode.Unauthorized,
                "Wrong email or password");
        }

        var right = await client.PostAsJsonAsync(U("/api/v1/session"), new { email = "ada@example.org", password = ServerFactory.Password });
        var unknown = await client.PostAsJsonAsync(U("/api/v1/session"), new { email = "nobody@example.org", password = ServerFactory.Password });

        var lockedText = await HostingTests.ShouldBeProblem(right, HttpStatusCode.Unauthorized, "Wrong email or password");
        var unknownText = await HostingTests.ShouldBeProblem(unknown, HttpStatusCode.Unauthorized, "Wrong email or password");
        JsonDocument.Parse(lockedText).RootElement.GetProperty("detail").GetString()
            .ShouldBe(JsonDocument.Parse(unknownText).RootElement.GetProperty("detail").GetString(), "a locked account and an unknown email read the same");
        using var store = SkillprintStore.OpenExisting(server.Store);
        (await store.FindUserAsync("ada@example.org", default))!.Account.LockedUntil.ShouldNotBeNull();
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_address_and_forwarded_headers_are_ignored_unless_configured()
    {
        using var server = new ServerFactory(folder.SqliteStore(), new Dictionary<string, string?> { ["Skillprint:SignInPermitsPerMinute"] = "3" })
        {
            RemoteAddress = IPAddress.Parse("10.9.9.9"),
        };
        using var client = server.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await SignInFrom(client, $"192.0.2.{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await HostingTests.ShouldBeProblem(await SignInFrom(client, "192.0.2.99"), HttpStatusCode.TooManyRequests, "try again in a minute");
    }

    [Fact]
    public async Task Forwarded_headers_from_a_configured_proxy_name_the_client()
    {
        using var server = new ServerFactory(folder.SqliteStore(), new Dictionary<string, string?>
        {
            ["Skillprint:SignInPermitsPerMinute"] = "3",
            ["Skillprint:ForwardedHeaders:KnownProxies:0"] = "10.9.9.9",
        })
        {
            RemoteAddress = IPAddress.Parse("10.9.9.9"),
        };
        using var client = server.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            (await SignInFrom(client, $"192.0.2.{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "each client address has its own limit");
        }

        for (var i = 0; i < 3; i++)
        {
            (await SignInFrom(client, "192.0.2.200")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await SignInFrom(client, "192.0.2.200")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_one_time_password_session_must_set_its_own_password_first()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        string oneTime;
        using (var store = SkillprintStore.OpenExisting(server.Store))
        {
            oneTime = (await new AccountService(store, TimeProvider.System, 1000).AddUserAsync("ada@example.org", AccountRole.Member, null, default)).OneTimePassword!;
        }

        var (client, session) = await server.SignedInAsync("ada@example.org", oneTime);
        using var _ = client;
        session.MustChangePassword.ShouldBeTrue();
        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/me/tokens")), HttpStatusCode.Forbidden, "PUT /api/v1/me/password");

        using var change = new HttpRequestMessage(HttpMethod.Put, U("/api/v1/me/password")) { Content = JsonContent.Create(new { current = oneTime, replacement = "my-own-password-2" }) };
        change.Headers.Add("X-CSRF-TOKEN", session.CsrfToken);
        (await client.SendAsync(change)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync(U("/api/v1/me/tokens"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (again, _) = await server.SignedInAsync("ada@example.org", "my-own-password-2");
        again.Dispose();
    }

    [Fact]
    public async Task Admins_manage_people_and_every_token_and_members_may_not()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        var admin = await server.AddUserAsync("root@example.org", AccountRole.Admin);
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        using var adminClient = server.ClientWith(await server.TokenAsync(admin.PersonId, TokenScope.Write));
        using var member = server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Write));

        await HostingTests.ShouldBeProblem(await member.GetAsync(U("/api/v1/people")), HttpStatusCode.Forbidden, null);
        await HostingTests.ShouldBeProblem(await member.GetAsync(U("/api/v1/tokens")), HttpStatusCode.Forbidden, null);
        (await adminClient.GetFromJsonAsync<JsonElement>(U("/api/v1/tokens"))).GetArrayLength().ShouldBe(2);

        var added = await adminClient.PostAsJsonAsync(U("/api/v1/people"), new { email = "bob@example.org", role = "Member" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString()!.Length.ShouldBe(20);
        await HostingTests.ShouldBeProblem(await adminClient.PostAsJsonAsync(U("/api/v1/people"), new { email = "bob@example.org" }), HttpStatusCode.Conflict, "a user already");
        (await adminClient.GetFromJsonAsync<JsonElement>(U("/api/v1/people"))).GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Passwords_and_token_secrets_never_reach_the_log()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        var token = await server.TokenAsync(ada.PersonId, TokenScope.Write);
        using (var client = server.ClientWith(token))
        {
            (await client.GetAsync(U("/api/v1/me/tokens"))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync(U("/api/v1/me/tokens"), new { name = "second" })).EnsureSuccessStatusCode();
        }

        using (var anonymous = server.CreateClient())
        {
            await anonymous.PostAsJsonAsync(U("/api/v1/session"), new { email = "ada@example.org", password = "a-wrong-password-9" });
        }

        var (signedIn, _) = await server.SignedInAsync("ada@example.org");
        signedIn.Dispose();

        server.Logs.ShouldNotBeEmpty();
        var all = string.Join('\n', server.Logs);
        all.ShouldContain("sign-in of person");
        all.ShouldNotContain(token);
        all.ShouldNotContain(token[3..20]);
        all.ShouldNotContain(ServerFactory.Password);
        all.ShouldNotContain("a-wrong-password-9");
    }

    private static async Task<HttpResponseMessage> SignInFrom(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, U("/api/v1/session"))
        {
            Content = JsonContent.Create(new { email = "nobody@example.org", password = "whatever-password" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }
}
