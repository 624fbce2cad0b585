using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;
using Skillprint.Core.Frameworks;
using Skillprint.Store;

namespace Skillprint.Bench;

/// <summary>
/// The team matrix under load (issue 14): the load benchmark's seed (people, repositories, code
/// hits, a read token each), then 60 teams over the people (team 1 holds the first 50, the others
/// share the rest; each team's first member is also its manager), and wrk at 16 connections against
/// <c>GET /api/v1/teams/{id}/matrix</c> as each team's manager, the 50-person team alone, and
/// <c>GET /healthz</c>, in the same run.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- teams --pg CONNECTION [--people N]
/// [--hits N] [--teams N] [--seconds S] [--connections C]</c>.
/// </summary>
internal static class TeamsBenchmark
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? pg = null;
        var people = 1000;
        var hits = 2_000_000;
        var teams = 60;
        var seconds = 10;
        var connections = 16;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--pg" when value is not null: pg = value; i++; break;
                case "--people" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 100: people = n; i++; break;
                case "--hits" when int.TryParse(value, CultureInfo.InvariantCulture, out var n): hits = n; i++; break;
                case "--teams" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 2: teams = n; i++; break;
                case "--seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out var n): seconds = n; i++; break;
                case "--connections" when int.TryParse(value, CultureInfo.InvariantCulture, out var n): connections = n; i++; break;
                default:
                    error.WriteLine($"teams: unknown or incomplete option '{args[i]}' (--people at least 100, --teams at least 2)");
                    return 2;
            }
        }

        if (pg is null || !File.Exists("/usr/bin/wrk"))
        {
            error.WriteLine(pg is null ? "teams: give --pg \"Host=127.0.0.1;Port=PORT;Username=postgres;Database=NAME\" (the database is seeded)" : "teams: wrk is missing (apt-get install wrk)");
            return pg is null ? 2 : 1;
        }

        var location = StoreLocation.Resolve(pg, _ => null);
        var framework = BuiltInFrameworks.Load("python").Framework!;
        var clock = Stopwatch.StartNew();
        var tokens = LoadBenchmark.Seed(location, framework, people, hits, output);
        var managers = SeedTeams(location, people, teams);
        // The last person is the organisation's admin, who reads the bus-factor report.
        var adminToken = tokens[^1];
        using (var connection = new NpgsqlConnection(location.Target))
        {
            connection.Open();
            connection.Execute("UPDATE users SET role = 'admin' WHERE person_id = (SELECT MAX(id) FROM persons)");
        }

        output.WriteLine($"store: {people:N0} people, {hits:N0} code hits, {teams} teams (team 1: 50 members; the rest {(people - 50) / (teams - 1)} or so each) (ready in {clock.Elapsed.TotalSeconds:0} s)");

        using var server = LoadBenchmark.StartServer(pg);
        var work = Directory.CreateTempSubdirectory("skillprint-teams-").FullName;
        try
        {
            var any = Path.Combine(work, "any.lua");
            File.WriteAllText(any, Script(managers.Select(m => ($"/api/v1/teams/{m.Team}/matrix", tokens[(int)m.Person - 1]))));
            var big = Path.Combine(work, "big.lua");
            File.WriteAllText(big, Script([($"/api/v1/teams/{managers[0].Team}/matrix", tokens[(int)managers[0].Person - 1])]));
            // One request at a time first: the 50-person matrix cold (no standing kept yet), then
            // warm (every member's code standing kept, checked against the evidence stamp).
            using (var client = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromMinutes(5) })
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", tokens[(int)managers[0].Person - 1]);
                var path = $"/api/v1/teams/{managers[0].Team}/matrix";
                var times = new List<double>();
                long bytes = 0;
                for (var i = 0; i < 6; i++)
                {
                    var one = Stopwatch.StartNew();
                    bytes = client.GetByteArrayAsync(path).GetAwaiter().GetResult().LongLength;
                    times.Add(one.Elapsed.TotalMilliseconds);
                }

                output.WriteLine($"50-person matrix one at a time: cold {times[0]:N0} ms, then warm {string.Join(", ", times.Skip(1).Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms; {bytes:N0} bytes of JSON");
            }

            // Every team once, so that the wrk runs below measure kept standings, as a server that
            // has been up a while has them.
            var warm = Stopwatch.StartNew();
            foreach (var (team, manager) in managers)
            {
                using var client = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromMinutes(5) };
                client.DefaultRequestHeaders.Authorization = new("Bearer", tokens[(int)manager - 1]);
                client.GetByteArrayAsync($"/api/v1/teams/{team}/matrix").GetAwaiter().GetResult();
            }

            output.WriteLine($"every team's matrix once, cold, one at a time: {warm.Elapsed.TotalSeconds:0.0} s for {managers.Count} teams");
            using (var client = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromMinutes(10) })
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
                var times = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    var one = Stopwatch.StartNew();
                    client.GetByteArrayAsync("/api/v1/org/bus-factor").GetAwaiter().GetResult();
                    times.Add(one.Elapsed.TotalMilliseconds);
                }

                output.WriteLine($"organisation bus-factor report one at a time (every standing kept by the matrices above): {string.Join(", ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms");
            }

            var report = Path.Combine(work, "report.lua");
            File.WriteAllText(report, Script([("/api/v1/org/bus-factor", adminToken)]));
            var rows = new (string Name, LoadBenchmark.WrkResult Result)[]
            {
                ("GET .../matrix, any team", LoadBenchmark.Wrk(server.Address + "/", any, seconds, connections)),
                ("GET .../matrix, 50 people", LoadBenchmark.Wrk(server.Address + "/", big, seconds, connections)),
                ("GET /api/v1/org/bus-factor", LoadBenchmark.Wrk(server.Address + "/", report, seconds, connections)),
                ("GET /healthz", LoadBenchmark.Wrk(server.Address + "/healthz", null, seconds, connections)),
            };
            output.WriteLine();
            output.WriteLine($"wrk -t2 -c{connections} -d{seconds}s --latency, client, server and PostgreSQL on the same 2 cores:");
            output.WriteLine($"{"endpoint",-30} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"errors",8}");
            foreach (var (name, result) in rows)
            {
                output.WriteLine($"{name,-30} {result.RequestsPerSecond,10:N1} {result.P50,8:0.0} {result.P99,8:0.0} {result.Errors,8}");
            }

            output.WriteLine($"50-person matrix p99 {rows[1].Result.P99:0} ms (target under 100 ms); its throughput is {rows[1].Result.RequestsPerSecond / rows[3].Result.RequestsPerSecond:P1} of /healthz's");
            output.WriteLine($"bus-factor report p99 {rows[2].Result.P99:0} ms (target under 2,000 ms); its throughput is {rows[2].Result.RequestsPerSecond / rows[3].Result.RequestsPerSecond:P2} of /healthz's");
            return rows.All(r => r.Result.Errors == 0) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The teams, made again on every run; each team's manager (its first member), team 1 first.</summary>
    private static IReadOnlyList<(long Team, long Person)> SeedTeams(StoreLocation location, int people, int teams)
    {
        using var connection = new NpgsqlConnection(location.Target);
        connection.Open();
        connection.Execute("TRUNCATE team_people, teams RESTART IDENTITY CASCADE");
        connection.Execute(
            """
            INSERT INTO teams (name, name_key, created_at) SELECT 'team ' || n, 'team ' || n, now() FROM generate_series(1, @teams) AS n;
            INSERT INTO team_people (team_id, person_id, role)
                SELECT CASE WHEN p.id <= 50 THEN 1 ELSE 2 + (p.id - 51) % (@teams - 1) END, p.id, 'member' FROM persons AS p WHERE p.id <= @people;
            INSERT INTO team_people (team_id, person_id, role)
                SELECT team_id, MIN(person_id), 'manager' FROM team_people GROUP BY team_id;
            ANALYZE team_people;
            """,
            new { teams, people });
        return connection.Query<(long, long)>("SELECT team_id, person_id FROM team_people WHERE role = 'manager' ORDER BY team_id").ToList();
    }

    /// <summary>wrk's Lua script: each request is one of the (path, token) pairs, picked at random.</summary>
    private static string Script(IEnumerable<(string Path, string Token)> requests)
    {
        var text = new StringBuilder("local requests = {\n");
        foreach (var (path, token) in requests)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {{ \"{path}\", \"{token}\" }},\n");
        }

        text.Append("}\nrequest = function()\n");
        text.Append("  local r = requests[math.random(#requests)]\n");
        text.Append("  return wrk.format(\"GET\", r[1], { [\"Authorization\"] = \"Bearer \" .. r[2] })\n");
        text.Append("end\n");
        return text.ToString();
    }
}
