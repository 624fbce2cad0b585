using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skillprint.Cli;
using Skillprint.Core.Accounts;
using Skillprint.Server.Tests.Harness;

namespace Skillprint.Server.Tests;

/// <summary>The data endpoints: the same JSON as the CLI's for the same store, ETags, cursor pages,
/// changes to evidence, and hostile text (markup, SQL metacharacters) kept as it is.</summary>
public sealed class DataEndpointTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static Uri U(string path) => new(path, UriKind.Relative);

    private static Task<(ServerFactory Server, HttpClient Client, Account Ada)> StartAsync(TempFolder folder) => StartAsync(folder.SqliteStore());

    private static async Task<(ServerFactory Server, HttpClient Client, Account Ada)> StartAsync(Store.StoreLocation location)
    {
        var server = new ServerFactory(location);
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        return (server, server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Write)), ada);
    }

    [Fact]
    public Task Status_and_explain_are_the_JSON_of_the_CLI_for_the_same_store() => SameJsonAsTheCliAsync(folder.SqliteStore());

    [Fact]
    [Trait("Engine", "PostgreSQL")]
    public Task Status_and_explain_are_the_JSON_of_the_CLI_for_the_same_PostgreSQL_store() => OnPostgresAsync(SameJsonAsTheCliAsync);

    private static async Task OnPostgresAsync(Func<Store.StoreLocation, Task> test)
    {
        using var database = new PostgresSchema();
        await test(database.Location);
    }

    private async Task SameJsonAsTheCliAsync(Store.StoreLocation location)
    {
        var (server, client, _) = await StartAsync(location);
        using var _s = server;
        using var _c = client;
        (await client.PostAsJsonAsync(U("/api/v1/me/assessments"), new { topic = "async", level = "intermediate", note = "FastAPI services" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync(U("/api/v1/me/evidence"), new { topic = "async", skill = "async.gather", link = "https://example.org/talk", note = "a talk" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var api = await client.GetStringAsync(U("/api/v1/me/status"));
        var cli = Cli("status", "--format", "json", "--person", "ada@example.org");
        var apiExplain = await client.GetStringAsync(U("/api/v1/me/status/explain/async"));
        var cliExplain = Cli("status", "--explain", "async", "--format", "json", "--person", "ada@example.org");

        WithoutTime(api).ShouldBe(WithoutTime(cli));
        var apiEvidence = await client.GetStringAsync(U("/api/v1/me/status?include=evidence"));
        WithoutTime(apiEvidence).ShouldBe(WithoutTime(Cli("status", "--format", "json", "--evidence", "--person", "ada@example.org")));
        api.ShouldNotContain("a talk", Case.Sensitive, "the summary counts evidence and leaves its items out");
        apiEvidence.ShouldContain("a talk");
        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/me/status?include=everything")), HttpStatusCode.BadRequest, "include");
        var apiHistory = await client.GetStringAsync(U("/api/v1/me/history"));
        JsonNode.Parse(apiHistory)!.ToJsonString().ShouldBe(JsonNode.Parse(Cli("history", "--format", "json", "--person", "ada@example.org"))!.ToJsonString());
        var apiRoadmaps = await client.GetStringAsync(U("/api/v1/me/roadmaps"));
        JsonNode.Parse(apiRoadmaps)!.ToJsonString().ShouldBe(JsonNode.Parse(Cli("roadmap", "show", "--format", "json", "--person", "ada@example.org"))!.ToJsonString());
        var apiRoadmap = await client.GetStringAsync(U("/api/v1/me/roadmaps/python-80-20"));
        JsonNode.Parse(apiRoadmap)!.ToJsonString().ShouldBe(JsonNode.Parse(Cli("roadmap", "show", "python-80-20", "--format", "json", "--person", "ada@example.org"))!.ToJsonString());
        var apiRoles = await client.GetStringAsync(U("/api/v1/me/roles"));
        JsonNode.Parse(apiRoles)!.ToJsonString().ShouldBe(JsonNode.Parse(Cli("role", "list", "--format", "json", "--person", "ada@example.org"))!.ToJsonString());
        JsonNode.Parse(apiExplain)!.ToJsonString().ShouldBe(JsonNode.Parse(cliExplain)!.ToJsonString());
        api.ShouldContain("FastAPI services");

        string Cli(params string[] args) => new CliRunner(server, folder).Run(args);
    }

    [Fact]
    public Task Marks_and_practice_are_the_JSON_of_the_CLI_for_the_same_store() => MarksAndPracticeAsync(folder.SqliteStore());

    [Fact]
    [Trait("Engine", "PostgreSQL")]
    public Task Marks_and_practice_are_the_JSON_of_the_CLI_for_the_same_PostgreSQL_store() => OnPostgresAsync(MarksAndPracticeAsync);

    private async Task MarksAndPracticeAsync(Store.StoreLocation location)
    {
        var (server, client, _) = await StartAsync(location);
        using var _s = server;
        using var _c = client;
        var cli = new CliRunner(server, folder);

        var marked = await client.PostAsJsonAsync(U("/api/v1/me/roadmaps/marks"), new { item = "async/gather", status = "doing" });
        marked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mark = JsonNode.Parse(await marked.Content.ReadAsStringAsync())!;
        mark["item"]!.GetValue<string>().ShouldBe("async.gather");
        mark["marked"]!.GetValue<string>().ShouldBe("Doing");
        mark["shows"]!["status"]!.GetValue<string>().ShouldBe("Doing");
        mark["roadmaps"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ShouldContain("python-80-20");
        // The same mark by the command, at the same moment, is the same record.
        var at = mark["at"]!.GetValue<string>();
        JsonNode.Parse(cli.Run("roadmap", "mark", "async.gather", "doing", "--at", at, "--format", "json", "--person", "ada@example.org"))!.ToJsonString().ShouldBe(mark.ToJsonString());
        await HostingTests.ShouldBeProblem(await client.PostAsJsonAsync(U("/api/v1/me/roadmaps/marks"), new { item = "async.nope", status = "done" }), HttpStatusCode.BadRequest, "item");
        await HostingTests.ShouldBeProblem(await client.PostAsJsonAsync(U("/api/v1/me/roadmaps/marks"), new { item = "async", status = "later" }), HttpStatusCode.BadRequest, "status");

        const string Later = "2031-01-01T00:00:00Z";
        var due = await client.GetStringAsync(U($"/api/v1/me/practice/due?at={Later}"));
        JsonNode.Parse(due)!.ToJsonString().ShouldBe(JsonNode.Parse(cli.Run("practice", "due", "--at", Later, "--format", "json", "--person", "ada@example.org"))!.ToJsonString());
        var reviewed = await client.PostAsJsonAsync(U("/api/v1/me/practice/reviews"), new { card = "async.queue-question", rating = "good" });
        reviewed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var review = JsonNode.Parse(await reviewed.Content.ReadAsStringAsync())!.AsObject();
        review["card"]!.GetValue<string>().ShouldBe("async.queue-question");
        review["rating"]!.GetValue<string>().ShouldBe("Good");
        review["person"]!.GetValue<string>().ShouldBe("ada@example.org");
        var byCli = JsonNode.Parse(cli.Run("practice", "review", "async.queue-question", "good", "--at", Later, "--no-fuzz", "--format", "json", "--person", "ada@example.org"))!.AsObject();
        byCli.Select(p => p.Key).ShouldBe(review.Select(p => p.Key), "one record for both");
        byCli["before"]!["state"]!.GetValue<string>().ShouldBe(review["after"]!["state"]!.GetValue<string>(), "the command's review follows the server's");
        await HostingTests.ShouldBeProblem(await client.PostAsJsonAsync(U("/api/v1/me/practice/reviews"), new { card = "async.queue-question", rating = "good" }), HttpStatusCode.BadRequest, "before the card's last review");
        await HostingTests.ShouldBeProblem(await client.PostAsJsonAsync(U("/api/v1/me/practice/reviews"), new { card = "no-such-card", rating = "good" }), HttpStatusCode.BadRequest, "card");
        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/me/practice/due?limit=0")), HttpStatusCode.BadRequest, "limit");
    }

    /// <summary>The command line over the server's store.</summary>
    private sealed class CliRunner(ServerFactory server, TempFolder folder)
    {
        public string Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = Skillprint.Cli.Program.Run([.. args, "--db", server.Store.Target], new CliContext
            {
                Out = CliContext.PlainConsole(output),
                Error = error,
                Environment = new Dictionary<string, string>(StringComparer.Ordinal),
                CurrentDirectory = folder.Path,
            });
            code.ShouldBe(0, error.ToString());
            return output.ToString();
        }
    }

    [Fact]
    public async Task A_push_keeps_only_the_callers_own_lines_and_the_same_push_twice_changes_nothing()
    {
        var (server, client, ada) = await StartAsync(folder);
        using var _s = server;
        using var _c = client;
        var push = new
        {
            framework = "python",
            repositoryIdentity = "root:0123abcd",
            repositoryName = "acme/api",
            remote = "git@example.org:acme/api.git",
            hits = new object[]
            {
                new { topic = "async", skill = "async.queue", path = "app/main.py", line = 3, endLine = 3, author = "Ada@Example.org", commit = "c0ffee", at = "2025-03-03T09:00:00Z" },
                new { topic = "async", skill = "async.gather", path = "app/main.py", line = 9, endLine = 9, author = "bo@example.org", commit = "c0ffee", at = "2025-03-03T09:00:00Z" },
            },
        };

        var first = await client.PostAsJsonAsync(U("/api/v1/me/evidence/pushes"), push);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        (result["kept"]!.GetValue<int>(), result["ignored"]!.GetValue<int>(), result["changed"]!.GetValue<bool>()).ShouldBe((1, 1, true));
        var again = JsonNode.Parse(await (await client.PostAsJsonAsync(U("/api/v1/me/evidence/pushes"), push)).Content.ReadAsStringAsync())!;
        again["changed"]!.GetValue<bool>().ShouldBeFalse();

        var evidence = JsonNode.Parse(await client.GetStringAsync(U("/api/v1/me/evidence")))!.ToJsonString();
        evidence.ShouldContain("async.queue");
        evidence.ShouldNotContain("async.gather");

        var reader = server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Read));
        (await reader.PostAsJsonAsync(U("/api/v1/me/evidence/pushes"), push)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await client.PostAsJsonAsync(U("/api/v1/me/evidence/pushes"), new { framework = "python", repositoryIdentity = "root:x", repositoryName = "x", hits = new object[] { new { topic = "async", skill = "async.queue", path = "a.py", line = 0, endLine = 0, author = "ada@example.org" } } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("hits[0]");
    }

    [Fact]
    public async Task A_push_larger_than_the_server_limit_fits_the_push_limit_gzipped_or_not_and_a_bigger_one_is_413()
    {
        var settings = new Dictionary<string, string?> { ["Skillprint:MaxRequestBodyBytes"] = "10000", ["Skillprint:MaxPushBodyBytes"] = "200000" };
        using var server = new ServerFactory(folder.SqliteStore(), settings);
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        using var client = server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Write));

        var fits = PushBody(hits: 300); // about 50 KB: five times the server's limit, a quarter of the push limit
        fits.Length.ShouldBeInRange(20_000, 150_000);
        (await client.PostAsync(U("/api/v1/me/evidence/pushes"), Json(fits, gzip: false))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var gzipped = await client.PostAsync(U("/api/v1/me/evidence/pushes"), Json(PushBody(hits: 301), gzip: true));
        gzipped.StatusCode.ShouldBe(HttpStatusCode.OK, await gzipped.Content.ReadAsStringAsync());
        JsonNode.Parse(await gzipped.Content.ReadAsStringAsync())!["kept"]!.GetValue<int>().ShouldBe(301);

        // A small gzipped body that grows past the push limit is stopped while it is read (no zip bomb).
        var tooBig = await client.PostAsync(U("/api/v1/me/evidence/pushes"), Json(PushBody(hits: 2000), gzip: true));
        tooBig.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await tooBig.Content.ReadAsStringAsync());
        (await client.PostAsync(U("/api/v1/me/evidence/pushes"), Json(PushBody(hits: 2000), gzip: false))).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await client.PostAsync(U("/api/v1/me/evidence"), Json(new string(' ', 20_000) + "{}", gzip: false))).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, "other endpoints keep the server's limit");

        var evidence = JsonNode.Parse(await client.GetStringAsync(U("/api/v1/me/evidence?limit=1")))!;
        evidence["total"]!.GetValue<int>().ShouldBe(301, "the refused pushes changed nothing");
    }

    private static string PushBody(int hits) => JsonSerializer.Serialize(new
    {
        framework = "python",
        repositoryIdentity = "git:0123abcd",
        repositoryName = "acme/api",
        hits = Enumerable.Range(1, hits).Select(i => new { topic = "async", skill = "async.queue", path = "app/main.py", line = i, endLine = i, author = "ada@example.org", commit = "c0ffee", at = "2025-03-03T09:00:00Z" }),
    });

    private static HttpContent Json(string body, bool gzip)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        if (gzip)
        {
            using var compressed = new MemoryStream();
            using (var stream = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal))
            {
                stream.Write(bytes);
            }

            bytes = compressed.ToArray();
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return content;
    }

    [Fact]
    public async Task Status_has_an_ETag_that_If_None_Match_turns_into_304_until_the_status_changes()
    {
        var (server, client, _) = await StartAsync(folder);
        using var _s = server;
        using var _c = client;

        var first = await client.GetAsync(U("/api/v1/me/status"));
        var tag = first.Headers.ETag.ShouldNotBeNull();
        using (var again = new HttpRequestMessage(HttpMethod.Get, U("/api/v1/me/status")))
        {
            again.Headers.IfNoneMatch.Add(tag);
            (await client.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }

        using (var full = new HttpRequestMessage(HttpMethod.Get, U("/api/v1/me/status?include=evidence")))
        {
            full.Headers.IfNoneMatch.Add(tag);
            var answer = await client.SendAsync(full);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, "the status with its evidence is another representation, with a tag of its own");
            answer.Headers.ETag.ShouldNotBe(tag);
        }

        await client.PostAsJsonAsync(U("/api/v1/me/assessments"), new { topic = "async", level = "Advanced" });
        using var changed = new HttpRequestMessage(HttpMethod.Get, U("/api/v1/me/status"));
        changed.Headers.IfNoneMatch.Add(tag);
        var response = await client.SendAsync(changed);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBe(tag);
    }

    [Fact]
    public async Task Evidence_comes_in_cursor_pages_and_is_removed_and_restored_by_its_owner_only()
    {
        var (server, client, _) = await StartAsync(folder);
        using var _s = server;
        using var _c = client;
        var bob = await server.AddUserAsync("bob@example.org", AccountRole.Member);
        using var bobClient = server.ClientWith(await server.TokenAsync(bob.PersonId, TokenScope.Write));
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync(U("/api/v1/me/evidence"), new { topic = "async", note = $"note {i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(U("/api/v1/me/evidence?limit=2" + (cursor is null ? "" : "&cursor=" + cursor)));
            page.GetProperty("total").GetInt32().ShouldBe(5);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("note").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.ShouldBe(["note 4", "note 3", "note 2", "note 1", "note 0"]);
        var id = (await client.GetFromJsonAsync<JsonElement>(U("/api/v1/me/evidence?limit=1"))).GetProperty("items")[0].GetProperty("id").GetString()!;

        await HostingTests.ShouldBeProblem(await bobClient.DeleteAsync(U($"/api/v1/me/evidence/{id}")), HttpStatusCode.NotFound, "of yours");
        var removed = await client.DeleteAsync(U($"/api/v1/me/evidence/{id}"));
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().ShouldBe("Done");
        (await client.GetFromJsonAsync<JsonElement>(U("/api/v1/me/evidence"))).GetProperty("total").GetInt32().ShouldBe(4);
        await HostingTests.ShouldBeProblem(await client.PostAsync(U($"/api/v1/me/evidence/{id}/dismiss"), null), HttpStatusCode.BadRequest, "removed");
        (await client.PostAsync(U($"/api/v1/me/evidence/{id}/restore"), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>(U("/api/v1/me/evidence"))).GetProperty("total").GetInt32().ShouldBe(5);
        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/me/evidence?cursor=not-a-cursor")), HttpStatusCode.BadRequest, "cursor");
        await HostingTests.ShouldBeProblem(await client.DeleteAsync(U("/api/v1/me/evidence/4")), HttpStatusCode.BadRequest, "m4");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("'; DROP TABLE manual_evidence; --")]
    [InlineData("%' OR '1'='1")]
    public async Task Hostile_text_is_kept_as_it_is_and_changes_nothing_else(string text)
    {
        var (server, client, _) = await StartAsync(folder);
        using var _s = server;
        using var _c = client;

        var created = await client.PostAsJsonAsync(U("/api/v1/me/evidence"), new { topic = "async", note = text, link = text });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");

        var list = await client.GetFromJsonAsync<JsonElement>(U("/api/v1/me/evidence"));
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("note").GetString().ShouldBe(text);
        (await client.GetAsync(U("/api/v1/me/evidence?topic=" + Uri.EscapeDataString(text)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/me/status?framework=" + Uri.EscapeDataString(text))), HttpStatusCode.NotFound, "no built-in framework");
        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/me/status/explain/" + Uri.EscapeDataString(text))), HttpStatusCode.NotFound, null);
        await HostingTests.ShouldBeProblem(await client.DeleteAsync(U("/api/v1/me/evidence/" + Uri.EscapeDataString(text))), HttpStatusCode.BadRequest, null);
        (await client.GetFromJsonAsync<JsonElement>(U("/api/v1/me/evidence"))).GetProperty("total").GetInt32().ShouldBe(1, "the store still has its one row");
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("/etc/passwd")]
    [InlineData("content/python")]
    public async Task A_framework_id_never_reaches_the_file_system(string id)
    {
        var (server, client, _) = await StartAsync(folder);
        using var _s = server;
        using var _c = client;

        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/frameworks/" + Uri.EscapeDataString(id))), HttpStatusCode.NotFound, "no built-in framework");
        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/me/status?framework=" + Uri.EscapeDataString(id))), HttpStatusCode.NotFound, "no built-in framework");
        (await client.GetFromJsonAsync<JsonElement>(U("/api/v1/frameworks/python"))).GetProperty("id").GetString().ShouldBe("python");
    }

    private static string WithoutTime(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("generatedAt");
        return node.ToJsonString();
    }
}
