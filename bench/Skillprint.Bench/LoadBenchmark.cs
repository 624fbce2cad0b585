using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Skillprint.Core.Accounts;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skillprint.Core.Frameworks;
using Skillprint.Server;
using Skillprint.Store;

namespace Skillprint.Bench;

/// <summary>
/// The server under load (issue 12): a PostgreSQL store seeded with many people and code hits, the
/// real server (`skillprint serve`) as a child process, and wrk driving `GET /api/v1/me/status` for
/// random people (one token each) and, in the same run, `GET /healthz`.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- load --pg CONNECTION [--people N]
/// [--hits N] [--seconds S] [--connections C]</c>. The database named by CONNECTION is seeded once
/// (a second run reuses it when it holds the same numbers).
/// </summary>
internal static partial class LoadBenchmark
{
    private const int WarmUpSeconds = 5;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? pg = null;
        var people = 1000;
        var hits = 2_000_000;
        var seconds = 10;
        var connections = 32;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--pg" when value is not null: pg = value; i++; break;
                case "--people" when int.TryParse(value, CultureInfo.InvariantCulture, out var n): people = n; i++; break;
                case "--hits" when int.TryParse(value, CultureInfo.InvariantCulture, out var n): hits = n; i++; break;
                case "--seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out var n): seconds = n; i++; break;
                case "--connections" when int.TryParse(value, CultureInfo.InvariantCulture, out var n): connections = n; i++; break;
                default:
                    error.WriteLine($"load: unknown or incomplete option '{args[i]}'");
                    return 2;
            }
        }

        if (pg is null)
        {
            error.WriteLine("load: give --pg \"Host=127.0.0.1;Port=PORT;Username=postgres;Database=NAME\" (the database is seeded)");
            return 2;
        }

        if (!File.Exists("/usr/bin/wrk"))
        {
            error.WriteLine("load: wrk is missing (apt-get install wrk)");
            return 1;
        }

        var location = StoreLocation.Resolve(pg, _ => null);
        var framework = BuiltInFrameworks.Load("python").Framework!;
        var clock = Stopwatch.StartNew();
        var tokens = Seed(location, framework, people, hits, output);
        output.WriteLine($"store: {people:N0} people, {hits:N0} code hits, {framework.Skills.Count()} skills (ready in {clock.Elapsed.TotalSeconds:0} s)");

        using var server = StartServer(pg);
        var work = Directory.CreateTempSubdirectory("skillprint-load-").FullName;
        try
        {
            var script = Path.Combine(work, "status.lua");
            File.WriteAllText(script, StatusScript(tokens));
            // A warm-up of each endpoint that is not counted: the first requests compile code, open
            // the pool's connections and fill PostgreSQL's caches; the figures are the steady state.
            Wrk(server.Address + "/api/v1/me/status", script, WarmUpSeconds, connections);
            Wrk(server.Address + "/healthz", null, WarmUpSeconds, connections);
            var status = Wrk(server.Address + "/api/v1/me/status", script, seconds, connections);
            var health = Wrk(server.Address + "/healthz", null, seconds, connections);
            output.WriteLine();
            output.WriteLine($"wrk -t2 -c{connections} -d{seconds}s --latency, client and server on the same 2 cores:");
            output.WriteLine($"{"endpoint",-26} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"errors",8}");
            foreach (var (name, result) in new[] { ("GET /api/v1/me/status", status), ("GET /healthz", health) })
            {
                output.WriteLine($"{name,-26} {result.RequestsPerSecond,10:N0} {result.P50,8:0.0} {result.P99,8:0.0} {result.Errors,8}");
            }

            output.WriteLine($"status / healthz throughput: {status.RequestsPerSecond / health.RequestsPerSecond:P0} (target at least 25%); status p99 {status.P99:0.0} ms (target under 50 ms)");
            return status.Errors == 0 && health.Errors == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Seeds the store (when it does not hold these numbers yet) and returns one read
    /// token per person.</summary>
    internal static IReadOnlyList<string> Seed(StoreLocation location, Framework framework, int people, int hits, TextWriter output)
    {
        // The store's own schema first (as `skillprint db migrate` makes it), then the bulk rows in SQL.
        SkillprintStore.Open(location).Dispose();

        using var connection = new NpgsqlConnection(location.Target);
        connection.Open();
        var marker = $"load:{people}:{hits}";
        var seeded = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM repositories WHERE identity = @marker", new { marker }) == 1;
        if (!seeded)
        {
            output.WriteLine($"seeding {people:N0} people and {hits:N0} code hits...");
            connection.Execute("TRUNCATE persons, person_emails, repositories, scans, files, hits, hit_dismissals, self_assessments, manual_evidence RESTART IDENTITY CASCADE", commandTimeout: 0);
            var skills = framework.Topics.SelectMany(t => t.Skills.Where(s => s.IsDetectable).Select(s => (Topic: t.Id, Skill: s.Id))).ToList();
            using var command = new NpgsqlCommand(
                """
                INSERT INTO persons (primary_email) SELECT 'p' || n || '@load.example' FROM generate_series(1, @people) AS n;
                INSERT INTO person_emails (email, person_id) SELECT primary_email, id FROM persons;
                INSERT INTO repositories (root, name, kind, added_at, identity)
                    SELECT '/load/r' || n, 'org/r' || n, 'git', now(), 'root:r' || n FROM generate_series(1, @people * 2) AS n;
                INSERT INTO repositories (root, name, kind, added_at, identity) VALUES ('/load/marker', 'marker', 'folder', now(), @marker);
                INSERT INTO scans (repository_id, framework, state, started_at, finished_at)
                    SELECT id, 'python', 'complete', now(), now() FROM repositories;
                INSERT INTO files (repository_id, path, content_hash, size, scan_id)
                    SELECT s.repository_id, 'pkg/m' || f || '.py', md5(s.repository_id || ':' || f), 4000, s.id
                    FROM scans AS s, generate_series(1, 50) AS f
                    WHERE s.repository_id <= @people * 2;
                INSERT INTO hits (file_id, framework, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at)
                    SELECT f.id, 'python', (@topics)[1 + (h + f.id) % @skillCount], (@skills)[1 + (h + f.id) % @skillCount],
                           h * 7, h * 7, 'x = ' || h, 'p' || (1 + (f.repository_id - 1) % @people) || '@load.example',
                           md5(f.id::text), now() - ((h % 365) || ' days')::interval
                    FROM files AS f, generate_series(1, @perFile) AS h;
                """,
                connection);
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("people", people);
            command.Parameters.AddWithValue("marker", marker);
            command.Parameters.AddWithValue("topics", skills.Select(s => s.Topic).ToArray());
            command.Parameters.AddWithValue("skills", skills.Select(s => s.Skill).ToArray());
            command.Parameters.AddWithValue("skillCount", skills.Count);
            command.Parameters.AddWithValue("perFile", Math.Max(1, hits / (people * 2 * 50)));
            command.ExecuteNonQuery();
        }

        // What autovacuum would do soon after a bulk load: statistics for the planner, and the
        // visibility map that lets PostgreSQL answer a read from an index alone.
        connection.Execute("VACUUM ANALYZE", commandTimeout: 0);

        // A user per person (one password hash for all: signing in is not what is measured) and one
        // read token each, made through the accounts service, hashed as the server keeps them.
        connection.Execute("DELETE FROM access_tokens");
        connection.Execute("DELETE FROM users");
        connection.Execute(
            "INSERT INTO users (person_id, role, password_hash, created_at) SELECT id, 'member', @hash, now() FROM persons",
            new { hash = Secrets.HashPassword("load-benchmark-password") });
        using var store = SkillprintStore.OpenExisting(location);
        var accounts = new AccountService(store, TimeProvider.System);
        var tokens = new List<string>();
        foreach (var id in connection.Query<long>("SELECT id FROM persons ORDER BY id"))
        {
            tokens.Add(accounts.CreateTokenAsync(new Skillprint.Core.People.PersonId(id), "load", TokenScope.Read, 1, CancellationToken.None).GetAwaiter().GetResult().Secret);
        }

        return tokens;
    }

    internal sealed record Server(WebApplication App, string Address) : IDisposable
    {
        public void Dispose() => App.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The server as `skillprint serve` builds it, on a free loopback port.</summary>
    internal static Server StartServer(string pg)
    {
        var app = ServerApp.Build([], builder =>
        {
            builder.Configuration[StoreLocation.EnvironmentVariable] = pg;
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
        });
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Server(app, address.TrimEnd('/'));
    }

    /// <summary>wrk's Lua script: each request carries the token of a person picked at random.</summary>
    private static string StatusScript(IReadOnlyList<string> tokens)
    {
        var text = new StringBuilder("local tokens = {\n");
        foreach (var token in tokens)
        {
            text.Append("  \"").Append(token).Append("\",\n");
        }

        text.Append("}\n");
        text.Append("request = function()\n");
        text.Append("  local token = tokens[math.random(#tokens)]\n");
        text.Append("  return wrk.format(\"GET\", nil, { [\"Authorization\"] = \"Bearer \" .. token })\n");
        text.Append("end\n");
        return text.ToString();
    }

    internal sealed record WrkResult(double RequestsPerSecond, double P50, double P99, long Errors);

    internal static WrkResult Wrk(string url, string? script, int seconds, int connections)
    {
        var start = new ProcessStartInfo("/usr/bin/wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "5s"])
        {
            start.ArgumentList.Add(argument);
        }

        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var rate = double.Parse(RatePattern().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = ErrorsPattern().Matches(text).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var status = StatusErrorsPattern().Match(text) is { Success: true } bad ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(rate, Latency(text, "50%"), Latency(text, "99%"), errors + status);
    }

    /// <summary>A percentile line of wrk's latency distribution, in milliseconds.</summary>
    private static double Latency(string text, string percentile)
    {
        var match = Regex.Match(text, $@"^\s*{Regex.Escape(percentile)}\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex ErrorsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex StatusErrorsPattern();
}
