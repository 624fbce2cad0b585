using Dapper;
using Skillprint.Core.Evidence;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>Pushes at once on PostgreSQL (issue 14: "20 concurrent pushes without a deadlock or lost
/// write"): many CI jobs push at the same moment, by the same authors; every push commits, and
/// every repository then holds exactly the rows of one push, never a mix or a union of two.</summary>
public sealed class PushConcurrencyTests : IDisposable
{
    private const int Pushes = 20;
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);
    private static readonly string[] Authors = ["ada@example.org", "bob@example.org", "cy@example.org", "dee@example.org"];

    private readonly PostgresHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>A scan of <paramref name="files"/> files of 10 hits, by the four authors in turn;
    /// <paramref name="variant"/> moves every line, so two variants share no row.</summary>
    private static EvidencePush Scan(string repository, int files, int variant) => new(
        "python",
        "root:" + repository,
        "acme/" + repository,
        null,
        Enumerable.Range(0, files * 10).Select(n =>
        {
            var line = 1 + (n % 10 * 10) + variant;
            return new PushedHit("async", n % 2 == 0 ? "async.queue" : "async.gather", $"pkg/m{n / 10}.py", line, line, Authors[n % Authors.Length], "c0ffee" + variant, Monday.AddDays(n % 30));
        }).ToList());

    /// <summary>The repository's rows as sorted keys (path, skill, line, author).</summary>
    private List<string> Rows(string identity)
    {
        using var connection = harness.OpenRaw();
        return connection.Query<string>(
            """
            SELECT f.path || ' ' || h.skill || ' ' || h.line || ' ' || h.author_email
            FROM repositories AS r JOIN files AS f ON f.repository_id = r.id JOIN hits AS h ON h.file_id = f.id
            WHERE r.identity = @identity
            """,
            new { identity }).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Keys(EvidencePush push) =>
        push.Hits.Select(h => $"{h.Path} {h.Skill} {h.Line} {h.Author}").Order(StringComparer.Ordinal).ToList();

    private static async Task<PushResult[]> AllAtOnceAsync(SkillprintStore store, long team, IEnumerable<EvidencePush> pushes)
    {
        using var start = new SemaphoreSlim(0);
        var running = pushes.Select(push => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await store.ReplaceTeamPushedEvidenceAsync(team, push, Monday);
        })).ToList();
        start.Release(running.Count);
        return await Task.WhenAll(running);
    }

    [Fact]
    public async Task Twenty_repositories_pushed_at_once_by_the_same_authors_keep_every_row_of_every_push()
    {
        using var store = SkillprintStore.Open(harness.Location);
        foreach (var author in Authors)
        {
            await store.EnsurePersonAsync(author);
        }

        var team = (await store.AddTeamAsync("platform", Monday))!.Id;
        for (var round = 0; round < 3; round++)
        {
            var pushes = Enumerable.Range(0, Pushes).Select(k => Scan($"r{k}", files: 30, variant: round)).ToList();

            var results = await AllAtOnceAsync(store, team, pushes);

            results.ShouldAllBe(r => r.Changed && r.Kept == 300, $"round {round}");
            foreach (var push in pushes)
            {
                Rows(push.RepositoryIdentity).ShouldBe(Keys(push), $"round {round}, {push.RepositoryIdentity}: every row of the last push, no other");
            }
        }
    }

    [Fact]
    public async Task Pushes_of_one_repository_at_once_leave_exactly_one_pushs_rows()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var team = (await store.AddTeamAsync("platform", Monday))!.Id;
        await store.ReplaceTeamPushedEvidenceAsync(team, Scan("api", files: 5, variant: 0), Monday);
        foreach (var fresh in new[] { "api", "web" })
        {
            // "api" exists when the pushes start; "web" is new, so all of them race to add it.
            var pushes = Enumerable.Range(1, 8).Select(v => Scan(fresh, files: 5 + v, variant: v)).ToList();

            var results = await AllAtOnceAsync(store, team, pushes);

            results.Select(r => r.Kept).ShouldBe(pushes.Select(p => p.Hits.Count));
            var rows = Rows("root:" + fresh);
            pushes.Count(p => Keys(p).SequenceEqual(rows)).ShouldBe(1, $"{fresh}: {rows.Count} rows, which are no single push's");
        }
    }
}
