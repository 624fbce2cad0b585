using System.Net;
using Npgsql;
using Skillprint.Core.Accounts;
using Skillprint.Server.Tests.Harness;
using Skillprint.Store;

namespace Skillprint.Server.Tests;

/// <summary>The store going away under a running server, and coming back.</summary>
[Trait("Engine", "PostgreSQL")]
public sealed class FaultTests
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task PostgreSQL_gone_gives_503_problem_details_and_the_server_recovers_when_it_returns()
    {
        using var database = new PostgresSchema();
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        using var relay = new TcpForwarder(direct.Host!, direct.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 3 };
        using var server = new ServerFactory(StoreLocation.Postgres(throughRelay.ConnectionString, "test"));
        var ada = await server.AddUserAsync("ada@example.org", AccountRole.Member);
        using var client = server.ClientWith(await server.TokenAsync(ada.PersonId, TokenScope.Read));
        (await client.GetAsync(U("/api/v1/me/tokens"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        relay.Cut();

        var text = await HostingTests.ShouldBeProblem(await client.GetAsync(U("/api/v1/me/tokens")), HttpStatusCode.ServiceUnavailable, "try again");
        text.ShouldNotContain(relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), customMessage: "where the database is stays in the log");
        await HostingTests.ShouldBeProblem(await client.GetAsync(U("/healthz")), HttpStatusCode.ServiceUnavailable, "try again");

        relay.Start();

        var recovered = await FirstOkAsync(client, "/api/v1/me/tokens", attempts: 3);
        recovered.ShouldBeLessThanOrEqualTo(2, "a broken pooled connection may cost one more 503, not more");
        (await client.GetAsync(U("/healthz"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>How many attempts it took to get 200 (each other answer must be 503 problem details).</summary>
    private static async Task<int> FirstOkAsync(HttpClient client, string path, int attempts)
    {
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var response = await client.GetAsync(U(path));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return attempt;
            }

            await HostingTests.ShouldBeProblem(response, HttpStatusCode.ServiceUnavailable, null);
        }

        throw new ShouldAssertException($"{path} did not answer 200 within {attempts} attempts after the database came back");
    }
}
