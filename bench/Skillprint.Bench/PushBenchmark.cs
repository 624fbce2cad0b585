using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Npgsql;
using Skillprint.Core.Accounts;
using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.People;
using Skillprint.Store;

namespace Skillprint.Bench;

/// <summary>
/// Pushes at scale (issue 14): the load benchmark's seed as the organisation's background (people,
/// repositories, code hits), a team push token, the server in-process, and `scan --push` bodies
/// (gzipped JSON of <see cref="EvidencePush"/>, as the CLI sends them) with generated files and
/// hits by the seeded people. (a) One N-hit scan of a new repository, several rounds; the same push
/// again (unchanged); a push where a few files differ. (b) C repositories pushed at once by the same
/// authors, several rounds, then every repository's rows counted in SQL against what was sent, with
/// PostgreSQL's deadlock count and the store's retries. (c) <c>GET /healthz</c> in the same run.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- push --pg CONNECTION [--hits N]
/// [--concurrent C] [--rounds R] [--people N] [--background-hits N]</c>.
/// </summary>
internal static class PushBenchmark
{
    private const int HitsPerFile = 20;
    private const int Authors = 20;
    private const int ChangedFiles = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? pg = null;
        var hits = 10_000;
        var concurrent = 20;
        var rounds = 5;
        var people = 1000;
        var background = 1_000_000;
        var explain = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--pg" when value is not null: pg = value; i++; break;
                case "--hits" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= HitsPerFile * ChangedFiles: hits = n; i++; break;
                case "--concurrent" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1: concurrent = n; i++; break;
                case "--rounds" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1: rounds = n; i++; break;
                case "--people" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= Authors: people = n; i++; break;
                case "--background-hits" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0: background = n; i++; break;
                case "--explain": explain = true; break;
                default:
                    error.WriteLine($"push: unknown or incomplete option '{args[i]}' (--hits at least {HitsPerFile * ChangedFiles}, --people at least {Authors}, --concurrent and --rounds at least 1)");
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
        var skills = framework.Topics.SelectMany(t => t.Skills.Where(s => s.IsDetectable).Select(s => (Topic: t.Id, Skill: s.Id))).ToList();
        var clock = Stopwatch.StartNew();
        if (background > 0)
        {
            LoadBenchmark.Seed(location, framework, people, background, output);
        }
        else
        {
            SkillprintStore.Open(location).Dispose();
        }

        var token = TeamToken(location);
        var backgroundHits = Scalar(pg, "SELECT COUNT(*) FROM hits");
        output.WriteLine($"store: {Scalar(pg, "SELECT COUNT(*) FROM persons"):N0} people, {backgroundHits:N0} code hits in {Scalar(pg, "SELECT COUNT(*) FROM repositories"):N0} repositories (ready in {clock.Elapsed.TotalSeconds:0} s)");

        using var retries = new RetryCounter();
        using var server = LoadBenchmark.StartServer(pg);
        using var http = new HttpClient { BaseAddress = new Uri(server.Address + "/"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        // Warm-up, not counted: compiles the server's code and opens the pool's connections.
        Push(http, Body(Scan($"bench:{run}:warm", hits, 0, skills)));
        Health(http, 50);

        // (a) One scan at a time.
        var single = new List<double>();
        var body = default(byte[]);
        for (var round = 0; round < rounds; round++)
        {
            body = Body(Scan($"bench:{run}:new{round}", hits, 0, skills));
            single.Add(Push(http, body, expectChanged: true).Milliseconds);
        }

        var again = Push(http, body!, expectChanged: false);
        var changed = Push(http, Body(Scan($"bench:{run}:new{rounds - 1}", hits, 1, skills)), expectChanged: true);
        var health = Health(http, 500);

        // (b) Many repositories at once, by the same authors; every round after the first replaces them all.
        var deadlocksBefore = Scalar(pg, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
        var retriesBefore = retries.Count;
        var latencies = new List<double>();
        var walls = new List<double>();
        var failures = new List<string>();
        var sent = new Dictionary<string, EvidencePush>(StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            var pushes = Enumerable.Range(0, concurrent).Select(k => Scan($"bench:{run}:c{k}", hits, round, skills)).ToList();
            var bodies = pushes.Select(Body).ToList();
            using var start = new Barrier(concurrent);
            var wall = Stopwatch.StartNew();
            var results = bodies.AsParallel().WithDegreeOfParallelism(concurrent).Select(b =>
            {
                start.SignalAndWait();
                return TryPush(http, b);
            }).ToList();
            walls.Add(wall.Elapsed.TotalMilliseconds);
            latencies.AddRange(results.Where(r => r.Error is null).Select(r => r.Milliseconds));
            failures.AddRange(results.Where(r => r.Error is not null).Select(r => r.Error!));
            foreach (var push in pushes)
            {
                sent[push.RepositoryIdentity] = push;
            }
        }

        var deadlocks = Scalar(pg, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()") - deadlocksBefore;
        var lost = CheckRows(pg, sent.Values, output);
        var concurrentHealth = ConcurrentHealth(http, concurrent, rounds);

        output.WriteLine();
        output.WriteLine($"one push = {hits:N0} hits in {hits / HitsPerFile} files by {Authors} authors, {body!.Length / 1024.0:N0} KiB gzipped; team token; client, server and PostgreSQL on the same {Environment.ProcessorCount} cores");
        output.WriteLine($"{"what",-44} {"n",5} {"p50 ms",9} {"p99 ms",9} {"max ms",9}");
        Row(output, "push, new repository", single);
        Row(output, "push, the same again (unchanged)", [again.Milliseconds]);
        Row(output, $"push, {ChangedFiles} files changed", [changed.Milliseconds]);
        Row(output, "GET /healthz, one at a time", health);
        Row(output, $"push, {concurrent} repositories at once (each)", latencies);
        Row(output, $"  the {concurrent} at once (wall, per round)", walls);
        Row(output, $"GET /healthz, {concurrent} at once (each)", concurrentHealth);
        output.WriteLine($"new-repository push p50 / healthz p50: {Percentile(single, 50) / Percentile(health, 50):N0}x; under 1 s: {(Percentile(single, 99) < 1000 ? "yes" : "NO")} (p99 {Percentile(single, 99):N0} ms)");
        output.WriteLine($"concurrent: {rounds} rounds x {concurrent} pushes, {failures.Count} failed, {deadlocks} deadlocks (pg_stat_database), {retries.Count - retriesBefore} store retries, {lost} repositories with rows missing or extra");
        foreach (var failure in failures.Distinct().Take(5))
        {
            output.WriteLine($"  failure: {failure}");
        }

        if (explain)
        {
            Explain(pg, $"bench:{run}:c0", output);
        }

        return failures.Count == 0 && lost == 0 && !again.Changed && changed.Changed ? 0 : 1;
    }

    /// <summary>EXPLAIN ANALYZE of every statement a push runs (their text as in
    /// SkillprintStore.Push.cs), on <paramref name="identity"/>'s repository (one pushed above, its
    /// hits among the background's), in one transaction rolled back at the end.</summary>
    private static void Explain(string pg, string identity, TextWriter output)
    {
        using var connection = new NpgsqlConnection(StoreLocation.Resolve(pg, _ => null).Target);
        connection.Open();
        var repo = connection.ExecuteScalar<long>("SELECT id FROM repositories WHERE identity = @identity", new { identity });
        var team = connection.ExecuteScalar<long>("SELECT id FROM teams WHERE name_key = 'push bench'");
        var person = connection.ExecuteScalar<long>("SELECT person_id FROM person_emails WHERE email = 'p1@load.example'");
        var authors = Enumerable.Range(1, Authors).Select(n => $"p{n}@load.example").ToArray();
        var paths = Enumerable.Range(0, 500).Select(n => $"new/m{n}.py").ToArray();
        var count = 10_000;
        var stored =
            """
            SELECT h.file_id AS FileId, h.topic AS Topic, h.skill AS Skill, h.line AS Line, h.end_line AS EndLine,
                   h.author_email AS Author, h.commit_id AS CommitId, h.committed_at AS At, h.snippet AS Snippet
            FROM hits AS h
            WHERE h.file_id = ANY(ARRAY(SELECT id FROM files WHERE repository_id = @repo)) AND h.framework = 'python' AND {0}
            """;
        var delete =
            """
            DELETE FROM hits AS h
            WHERE h.file_id = ANY(ARRAY(SELECT id FROM files WHERE repository_id = @repo)) AND h.framework = 'python' AND {0}
            """;
        const string everyAuthor = "1 = 1";
        const string hisEmails = "h.author_email = ANY(@emails)";
        var steps = new (string Title, string Sql)[]
        {
            ("team push: the team exists", "SELECT COUNT(*) FROM teams WHERE id = @team"),
            ("person push: the person and their emails", "SELECT p.primary_email, e.email FROM persons AS p JOIN person_emails AS e ON e.person_id = p.id WHERE p.id = @person"),
            ("the repository by its identity, locked", "SELECT id FROM repositories WHERE identity = @identity FOR UPDATE"),
            ("a new repository: is its name taken", "SELECT COUNT(*) FROM repositories WHERE name = 'bench/a-new-name'"),
            ("a new repository: added", "INSERT INTO repositories (root, name, kind, remote, identity, added_at) VALUES ('pushed:explain', 'explain', 'git', NULL, 'explain', now()) RETURNING id"),
            ("the repository's name", "SELECT name FROM repositories WHERE id = @repo"),
            ("what the repository holds, team push (every author)", string.Format(CultureInfo.InvariantCulture, stored, everyAuthor)),
            ("what the repository holds, person push (their emails)", string.Format(CultureInfo.InvariantCulture, stored, hisEmails)),
            ("the replaced hits removed, team push", string.Format(CultureInfo.InvariantCulture, delete, everyAuthor)),
            ("the replaced hits removed, person push", string.Format(CultureInfo.InvariantCulture, delete, hisEmails)),
            ("the push's scan row", "INSERT INTO scans (repository_id, framework, state, started_at, finished_at) VALUES (@repo, 'python', 'complete', now(), now()) RETURNING id"),
            ("the repository's files", "SELECT path, id FROM files WHERE repository_id = @repo"),
            ("500 new files, one statement", "INSERT INTO files (repository_id, path, content_hash, size, scan_id) SELECT @repo, path, 'pushed', 0, @scan FROM unnest(@paths) AS path RETURNING path, id"),
            ("10,000 hits, one statement",
                """
                INSERT INTO hits (file_id, framework, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at, occurrence)
                SELECT r.file_id, 'python', r.topic, r.skill, r.line, r.end_line, r.snippet, r.author, r.commit_id, r.at, r.occurrence
                FROM unnest(@fileIds, @topics, @skills, @lines, @endLines, @snippets, @authorsOf, @commits, @ats, @occurrences)
                    AS r(file_id, topic, skill, line, end_line, snippet, author, commit_id, at, occurrence)
                """),
            ("team push: authors who are no one's email", "SELECT COUNT(*) FROM person_emails WHERE email = ANY(@authors)"),
        };
        // The hits as a push spreads them: over the repository's files, skills and authors.
        var fileIds = connection.Query<long>("SELECT id FROM files WHERE repository_id = @repo ORDER BY id", new { repo }).ToArray();
        var skills = BuiltInFrameworks.Load("python").Framework!.Topics.SelectMany(t => t.Skills.Where(s => s.IsDetectable).Select(s => (Topic: t.Id, Skill: s.Id))).ToList();
        var scan = connection.ExecuteScalar<long>("SELECT MAX(id) FROM scans WHERE repository_id = @repo", new { repo });
        var parameters = new
        {
            repo,
            scan,
            team,
            person,
            identity,
            emails = new[] { "p1@load.example" },
            authors,
            paths,
            fileIds = Enumerable.Range(0, count).Select(n => fileIds[n % fileIds.Length]).ToArray(),
            topics = Enumerable.Range(0, count).Select(n => skills[n % skills.Count].Topic).ToArray(),
            skills = Enumerable.Range(0, count).Select(n => skills[n % skills.Count].Skill).ToArray(),
            lines = Enumerable.Range(1, count).ToArray(),
            endLines = Enumerable.Range(1, count).ToArray(),
            snippets = Enumerable.Repeat("", count).ToArray(),
            authorsOf = Enumerable.Range(0, count).Select(n => authors[n % Authors]).ToArray(),
            commits = Enumerable.Repeat("c0ffee", count).ToArray(),
            ats = Enumerable.Repeat(DateTimeOffset.UtcNow, count).ToArray(),
            occurrences = Enumerable.Range(1, count).ToArray(),
        };
        output.WriteLine();
        output.WriteLine($"EXPLAIN ANALYZE of a push's statements on {identity} ({connection.ExecuteScalar<long>("SELECT COUNT(*) FROM hits AS h JOIN files AS f ON f.id = h.file_id WHERE f.repository_id = @repo", new { repo }):N0} hits) among {connection.ExecuteScalar<long>("SELECT COUNT(*) FROM hits"):N0} hits, {connection.ExecuteScalar<long>("SELECT COUNT(*) FROM files"):N0} files, {connection.ExecuteScalar<long>("SELECT COUNT(*) FROM repositories"):N0} repositories (rolled back):");
        using var transaction = connection.BeginTransaction();
        foreach (var (title, sql) in steps)
        {
            output.WriteLine($"== {title}");
            foreach (var line in connection.Query<string>("EXPLAIN (ANALYZE, COSTS OFF) " + sql, parameters, transaction))
            {
                output.WriteLine("   " + line);
            }
        }

        transaction.Rollback();
    }

    /// <summary>A generated scan of one repository: files of <see cref="HitsPerFile"/> hits each by
    /// the first <see cref="Authors"/> seeded people; <paramref name="variant"/> moves the lines of
    /// the first <see cref="ChangedFiles"/> files (0: none moved).</summary>
    internal static EvidencePush Scan(string identity, int hits, int variant, IReadOnlyList<(string Topic, string Skill)> skills)
    {
        var list = new List<PushedHit>(hits);
        var epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < hits; n++)
        {
            var file = n / HitsPerFile;
            var line = 1 + (n % HitsPerFile * 10) + (file < ChangedFiles ? variant : 0);
            var (topic, skill) = skills[(n * 7 + file) % skills.Count];
            var author = 1 + ((file + n) % Authors);
            var commit = Convert.ToHexStringLower(BitConverter.GetBytes((long)(file * 31 + author))).PadRight(40, '0');
            list.Add(new PushedHit(topic, skill, $"src/pkg{file / 50}/mod{file}.py", line, line + (n % 3), $"p{author}@load.example", commit, epoch.AddDays(-(n % 365)), null));
        }

        return new EvidencePush("python", identity, identity.Replace("bench:", "bench/", StringComparison.Ordinal), null, list);
    }

    /// <summary>The push's body as `scan --push` sends it: JSON, gzipped.</summary>
    private static byte[] Body(EvidencePush push)
    {
        using var body = new MemoryStream();
        using (var gzip = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, push, Json);
        }

        return body.ToArray();
    }

    private sealed record Timed(double Milliseconds, bool Changed, string? Error);

    private static Timed Push(HttpClient http, byte[] body, bool? expectChanged = null)
    {
        var result = TryPush(http, body);
        if (result.Error is not null || (expectChanged is { } changed && result.Changed != changed))
        {
            throw new InvalidOperationException($"push: {result.Error ?? $"changed {result.Changed}, expected {expectChanged}"}");
        }

        return result;
    }

    private static Timed TryPush(HttpClient http, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        var clock = Stopwatch.StartNew();
        using var response = http.PostAsync("api/v1/me/evidence/pushes", content).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            return new Timed(elapsed, false, $"{(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
        }

        var result = JsonSerializer.Deserialize<PushResult>(text, Json)!;
        return new Timed(elapsed, result.Changed, null);
    }

    private static List<double> Health(HttpClient http, int requests)
    {
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = http.GetAsync("healthz").GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static List<double> ConcurrentHealth(HttpClient http, int concurrent, int rounds)
    {
        var times = new List<double>();
        for (var round = 0; round < rounds * 10; round++)
        {
            using var start = new Barrier(concurrent);
            times.AddRange(Enumerable.Range(0, concurrent).AsParallel().WithDegreeOfParallelism(concurrent).Select(_ =>
            {
                start.SignalAndWait();
                return Health(http, 1)[0];
            }).ToList());
        }

        return times;
    }

    /// <summary>Every pushed repository's rows as the last push sent them: the hit count, the file
    /// count and the sum of the lines; returns how many repositories differ.</summary>
    private static int CheckRows(string pg, IEnumerable<EvidencePush> pushes, TextWriter output)
    {
        using var connection = new NpgsqlConnection(StoreLocation.Resolve(pg, _ => null).Target);
        connection.Open();
        var differ = 0;
        foreach (var push in pushes)
        {
            var (count, files, lines) = connection.QuerySingle<(long, long, long)>(
                """
                SELECT COUNT(*), COUNT(DISTINCT h.file_id), COALESCE(SUM(h.line), 0)
                FROM repositories AS r JOIN files AS f ON f.repository_id = r.id JOIN hits AS h ON h.file_id = f.id
                WHERE r.identity = @RepositoryIdentity
                """,
                new { push.RepositoryIdentity });
            var expected = (push.Hits.Count, push.Hits.Select(h => h.Path).Distinct(StringComparer.Ordinal).LongCount(), push.Hits.Sum(h => (long)h.Line));
            if ((count, files, lines) != expected)
            {
                differ++;
                output.WriteLine($"  {push.RepositoryIdentity}: {count} hits in {files} files (lines {lines}), sent {expected.Item1} in {expected.Item2} (lines {expected.Item3})");
            }
        }

        return differ;
    }

    /// <summary>A team "push bench" (made once) and a new push token for it, made through the accounts service.</summary>
    private static string TeamToken(StoreLocation location)
    {
        using var connection = new NpgsqlConnection(location.Target);
        connection.Open();
        var team = connection.ExecuteScalar<long>(
            "INSERT INTO teams (name, name_key, created_at) VALUES ('push bench', 'push bench', now()) ON CONFLICT (name_key) DO UPDATE SET name = excluded.name RETURNING id");
        var creator = connection.ExecuteScalar<long?>("SELECT id FROM persons ORDER BY id LIMIT 1")
            ?? connection.ExecuteScalar<long>("INSERT INTO persons (primary_email) VALUES ('p1@load.example') RETURNING id");
        connection.Execute(
            "INSERT INTO person_emails (email, person_id) SELECT primary_email, id FROM persons WHERE id = @creator ON CONFLICT (email) DO NOTHING",
            new { creator });
        using var store = SkillprintStore.OpenExisting(location);
        var accounts = new AccountService(store, TimeProvider.System);
        return accounts.CreateTeamTokenAsync(team, new PersonId(creator), "push bench", 1, CancellationToken.None).GetAwaiter().GetResult().Secret;
    }

    private static long Scalar(string pg, string sql)
    {
        using var connection = new NpgsqlConnection(StoreLocation.Resolve(pg, _ => null).Target);
        connection.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private static void Row(TextWriter output, string name, IReadOnlyList<double> times) =>
        output.WriteLine($"{name,-44} {times.Count,5} {Percentile(times, 50),9:N1} {Percentile(times, 99),9:N1} {(times.Count == 0 ? 0 : times.Max()),9:N1}");

    private static double Percentile(IReadOnlyList<double> times, int percent)
    {
        if (times.Count == 0)
        {
            return double.NaN;
        }

        var sorted = times.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Counts the store's retries of a transaction that lost a race (its meter, in this process).</summary>
    private sealed class RetryCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public RetryCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SkillprintStore.MeterName && instrument.Name == SkillprintStore.RetriesInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);

        public void Dispose() => listener.Dispose();
    }
}
