using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Skillprint.Core.Accounts;
using Skillprint.Core.Frameworks;
using Skillprint.Store;

namespace Skillprint.Bench;

/// <summary>
/// Pushes at scale (issue 14): on the load benchmark's seeded organisation, a team push token sends
/// a 10,000-hit scan of a new repository, the same scan again (which changes nothing), and the scan
/// with a tenth of its files changed, one at a time for several rounds; then 20 repositories' pushes
/// at once, sharing their authors, and a check in SQL that every pushed hit is stored. <c>/healthz</c>
/// one request at a time in the same run is the peer figure.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- push --pg CONNECTION [--people N]
/// [--hits N] [--push-hits N] [--concurrent N] [--rounds N]</c>.
/// </summary>
internal static class PushBenchmark
{
    private const int HitsPerFile = 50;
    private const int Authors = 20;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? pg = null;
        var people = 1000;
        var hits = 2_000_000;
        var pushHits = 10_000;
        var concurrent = 20;
        var rounds = 5;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--pg" when value is not null: pg = value; i++; break;
                case "--people" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= Authors: people = n; i++; break;
                case "--hits" when int.TryParse(value, CultureInfo.InvariantCulture, out var n): hits = n; i++; break;
                case "--push-hits" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= HitsPerFile * 10: pushHits = n; i++; break;
                case "--concurrent" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1: concurrent = n; i++; break;
                case "--rounds" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1: rounds = n; i++; break;
                default:
                    error.WriteLine($"push: unknown or incomplete option '{args[i]}' (--people at least {Authors}, --push-hits at least {HitsPerFile * 10})");
                    return 2;
            }
        }

        if (pg is null)
        {
            error.WriteLine("push: give --pg \"Host=127.0.0.1;Port=PORT;Username=postgres;Database=NAME\" (the database is seeded)");
            return 2;
        }

        var location = StoreLocation.Resolve(pg, _ => null);
        var framework = BuiltInFrameworks.Load("python").Framework!;
        var skills = framework.Topics.SelectMany(t => t.Skills.Where(s => s.IsDetectable).Select(s => (Topic: t.Id, Skill: s.Id))).ToArray();
        LoadBenchmark.Seed(location, framework, people, hits, output);
        var token = TeamToken(location);
        output.WriteLine($"store: {people:N0} people, {hits:N0} code hits; pushes of {pushHits:N0} hits ({pushHits / HitsPerFile} files, {Authors} authors) with a team push token");

        using var server = LoadBenchmark.StartServer(pg);
        using var client = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        // One at a time: a new repository, the same scan again, a tenth of the files changed.
        var first = new List<double>();
        var again = new List<double>();
        var changed = new List<double>();
        var failures = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            var identity = $"bench:{run}:serial:{round}";
            first.Add(Push(client, Body(identity, skills, pushHits, shift: false), expectChanged: true, failures));
            again.Add(Push(client, Body(identity, skills, pushHits, shift: false), expectChanged: false, failures));
            changed.Add(Push(client, Body(identity, skills, pushHits, shift: true), expectChanged: true, failures));
        }

        var health = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var one = Stopwatch.StartNew();
            client.GetAsync("/healthz").GetAwaiter().GetResult().EnsureSuccessStatusCode();
            health.Add(one.Elapsed.TotalMilliseconds);
        }

        // Many at once: each its own new repository, all with the same authors.
        var together = new List<double>();
        var walls = new List<double>();
        var identities = new List<string>();
        for (var round = 1; round <= 3; round++)
        {
            var batch = Enumerable.Range(1, concurrent).Select(n => $"bench:{run}:concurrent:{round}:{n}").ToList();
            identities.AddRange(batch);
            var bodies = batch.Select(identity => Body(identity, skills, pushHits, shift: false)).ToList();
            var wall = Stopwatch.StartNew();
            var times = Task.WhenAll(bodies.Select(body => Task.Run(() => Push(client, body, expectChanged: true, failures)))).GetAwaiter().GetResult();
            walls.Add(wall.Elapsed.TotalMilliseconds);
            together.AddRange(times);
        }

        var lost = LostWrites(location, identities, pushHits);

        output.WriteLine();
        output.WriteLine("one request at a time, client, server and PostgreSQL on the same 2 cores:");
        output.WriteLine($"{"request",-40} {"n",4} {"p50 ms",9} {"p99 ms",9} {"max ms",9}");
        Row(output, $"push {pushHits:N0} hits, new repository", first);
        Row(output, "the same push again (unchanged)", again);
        Row(output, "a tenth of the files changed", changed);
        Row(output, "GET /healthz", health);
        Row(output, $"{concurrent} pushes at once (each)", together);
        Row(output, $"{concurrent} pushes at once (all of a round)", walls);
        output.WriteLine();
        output.WriteLine($"a {pushHits:N0}-hit push: p50 {Percentile(first, 50):N0} ms (target under 1,000 ms), {Percentile(first, 50) / Percentile(health, 50):N0} times /healthz's p50");
        output.WriteLine($"{concurrent} at once, {identities.Count} pushes: {failures.Count} failed, {lost.Count} repositories missing hits");
        foreach (var line in failures.Concat(lost).Take(10))
        {
            output.WriteLine("  " + line);
        }

        return failures.Count == 0 && lost.Count == 0 ? 0 : 1;
    }

    /// <summary>A team with the first <see cref="Authors"/> people as members and the first as its
    /// manager, made again on every run, and a push token of it.</summary>
    private static string TeamToken(StoreLocation location)
    {
        using (var connection = new NpgsqlConnection(location.Target))
        {
            connection.Open();
            connection.Execute("DELETE FROM team_people WHERE team_id IN (SELECT id FROM teams WHERE name_key = 'push bench')");
            connection.Execute("DELETE FROM teams WHERE name_key = 'push bench'");
            connection.Execute(
                """
                INSERT INTO teams (name, name_key, created_at) VALUES ('push bench', 'push bench', now());
                INSERT INTO team_people (team_id, person_id, role)
                    SELECT (SELECT id FROM teams WHERE name_key = 'push bench'), p.id, 'member' FROM persons AS p WHERE p.id <= @authors;
                INSERT INTO team_people (team_id, person_id, role) VALUES ((SELECT id FROM teams WHERE name_key = 'push bench'), 1, 'manager');
                """,
                new { authors = Authors });
        }

        using var store = SkillprintStore.OpenExisting(location);
        using var lookup = new NpgsqlConnection(location.Target);
        var team = lookup.ExecuteScalar<long>("SELECT id FROM teams WHERE name_key = 'push bench'");
        return new AccountService(store, TimeProvider.System)
            .CreateTeamTokenAsync(team, new Skillprint.Core.People.PersonId(1), "push bench", 1, CancellationToken.None)
            .GetAwaiter().GetResult().Secret;
    }

    /// <summary>A push body as `scan --push` sends it: <paramref name="count"/> hits in files of
    /// <see cref="HitsPerFile"/>, each file by one of the seeded authors; <paramref name="shift"/>
    /// moves every hit of the first tenth of the files one line down.</summary>
    private static byte[] Body(string identity, (string Topic, string Skill)[] skills, int count, bool shift)
    {
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var files = count / HitsPerFile;
        var hits = Enumerable.Range(0, count).Select(n =>
        {
            var file = n / HitsPerFile;
            var line = 1 + ((n % HitsPerFile) * 3) + (shift && file < files / 10 ? 1 : 0);
            var (topic, skill) = skills[(n * 7) % skills.Length];
            return new
            {
                topic,
                skill,
                path = $"pkg/module_{file}.py",
                line,
                endLine = line,
                author = $"p{1 + (file % Authors)}@load.example",
                commit = $"{file:x8}",
                at = at.AddDays(-(file % 300)),
                snippet = $"value_{n} = compute()",
            };
        });
        return JsonSerializer.SerializeToUtf8Bytes(new { framework = "python", repositoryIdentity = identity, repositoryName = "bench/" + identity.Replace(':', '-'), hits });
    }

    private static double Push(HttpClient client, byte[] body, bool expectChanged, List<string> failures)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var clock = Stopwatch.StartNew();
        using var response = client.PostAsync("/api/v1/me/evidence/pushes", content).GetAwaiter().GetResult();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            lock (failures)
            {
                failures.Add($"{(int)response.StatusCode}: {text[..Math.Min(200, text.Length)]}");
            }
        }
        else if (JsonDocument.Parse(text).RootElement.GetProperty("changed").GetBoolean() != expectChanged)
        {
            lock (failures)
            {
                failures.Add($"changed was not {expectChanged}: {text}");
            }
        }

        return elapsed;
    }

    /// <summary>The pushed repositories whose stored hits are not exactly what was sent.</summary>
    private static List<string> LostWrites(StoreLocation location, IReadOnlyList<string> identities, int expected)
    {
        using var connection = new NpgsqlConnection(location.Target);
        connection.Open();
        var counts = connection.Query<(string Identity, long Hits)>(
            """
            SELECT r.identity, COUNT(h.id) FROM repositories AS r LEFT JOIN files AS f ON f.repository_id = r.id LEFT JOIN hits AS h ON h.file_id = f.id
            WHERE r.identity = ANY(@identities) GROUP BY r.identity
            """,
            new { identities = identities.ToArray() }).ToDictionary(row => row.Identity, row => row.Hits);
        return [.. identities.Where(id => counts.GetValueOrDefault(id) != expected).Select(id => $"{id}: {counts.GetValueOrDefault(id)} hits stored, {expected} sent")];
    }

    private static void Row(TextWriter output, string name, List<double> times) =>
        output.WriteLine($"{name,-40} {times.Count,4} {Percentile(times, 50),9:N1} {Percentile(times, 99),9:N1} {times.Max(),9:N1}");

    private static double Percentile(List<double> times, int percentile)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
