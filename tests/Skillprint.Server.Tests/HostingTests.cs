using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Skillprint.Server.Tests.Harness;
using Skillprint.Store;

namespace Skillprint.Server.Tests;

/// <summary>What every response carries and what the server says about itself: health, problem
/// details, security headers, the body limit, the OpenAPI document and the reference page.</summary>
public sealed class HostingTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Health_is_200_when_the_store_answers_at_this_schema()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("ok");
        body.GetProperty("schemaVersion").GetInt32().ShouldBe(SkillprintStore.LatestSchemaVersion);
    }

    [Fact]
    public async Task Health_is_503_problem_details_when_the_store_is_not_migrated()
    {
        using var server = new ServerFactory(folder.SqliteStore(), migrate: false);
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        await ShouldBeProblem(response, HttpStatusCode.ServiceUnavailable, "db migrate");
    }

    [Fact]
    public async Task Health_is_503_problem_details_when_PostgreSQL_does_not_answer()
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        var store = StoreLocation.Postgres("Host=127.0.0.1;Port=9;Username=nobody;Database=nothing;Timeout=2");
        using var server = new ServerFactory(store, migrate: false);
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        var problem = await ShouldBeProblem(response, HttpStatusCode.ServiceUnavailable, "try again");
        problem.ShouldNotContain("127.0.0.1", customMessage: "the client is not told where the database is");
    }

    [Fact]
    public async Task An_unknown_path_is_404_problem_details_and_401_before_signing_in()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        var ada = await server.AddUserAsync("ada@example.org", Core.Accounts.AccountRole.Member);
        using var client = server.ClientWith(await server.TokenAsync(ada.PersonId, Core.Accounts.TokenScope.Read));
        using var anonymous = server.CreateClient();

        await ShouldBeProblem(await client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative)), HttpStatusCode.NotFound, null);
        await ShouldBeProblem(await anonymous.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative)), HttpStatusCode.Unauthorized, null);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var server = new ServerFactory(folder.SqliteStore());
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("default-src 'self'");
        policy.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_problem_details()
    {
        using var server = new ServerFactory(folder.SqliteStore(), new Dictionary<string, string?> { ["Skillprint:MaxRequestBodyBytes"] = "1000" });
        using var client = server.CreateClient();
        using var content = new StringContent(new string('x', 1001), System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/healthz", UriKind.Relative), content);

        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge, "at most 1000");
    }

    [Fact]
    public void A_setting_that_is_not_a_number_names_its_key()
    {
        using var server = new ServerFactory(folder.SqliteStore(), new Dictionary<string, string?> { ["Skillprint:MaxRequestBodyBytes"] = "lots" });

        var error = Should.Throw<InvalidOperationException>(() => server.CreateClient());

        error.Message.ShouldBe("Skillprint:MaxRequestBodyBytes: 'lots' is not a positive whole number");
    }

    [Fact]
    public async Task The_OpenAPI_document_and_the_reference_page_are_served()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        using var client = server.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        document.GetProperty("openapi").GetString().ShouldStartWith("3.");
        document.GetProperty("paths").TryGetProperty("/healthz", out _).ShouldBeTrue();

        var page = await client.GetAsync(new Uri("/api", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("\"url\":\"openapi/v1.json\"", customMessage: "Scalar resolves it against the site's root");
        string.Join(' ', page.Headers.GetValues("Content-Security-Policy")).ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task The_OpenAPI_document_says_which_endpoints_need_a_token_or_the_session_cookie()
    {
        using var server = new ServerFactory(folder.SqliteStore());
        using var client = server.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty("session").GetProperty("in").GetString().ShouldBe("cookie");
        var paths = document.GetProperty("paths");
        paths.GetProperty("/api/v1/me/tokens").GetProperty("get").GetProperty("security").GetArrayLength().ShouldBe(2);
        paths.GetProperty("/healthz").GetProperty("get").TryGetProperty("security", out _).ShouldBeFalse();
        paths.GetProperty("/api/v1/session").GetProperty("post").TryGetProperty("security", out _).ShouldBeFalse();
        paths.GetProperty("/api/v1/people").GetProperty("get").GetProperty("description").GetString().ShouldNotBeNull().ShouldContain("Admins only");
    }

    internal static async Task<string> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string? detailHas)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        if (detailHas is not null)
        {
            problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(detailHas);
        }

        return text;
    }
}
