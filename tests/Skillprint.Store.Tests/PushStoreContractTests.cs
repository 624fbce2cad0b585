using Dapper;
using Skillprint.Core.Evidence;
using Skillprint.Core.Scanning;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What the store promises `scan --push` (issue 12), on each engine.</summary>
public abstract class PushStoreContractTests : IDisposable
{
    private const string Framework = "python";
    private const string Ada = "ada@example.org";
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);

    protected PushStoreContractTests(EngineHarness harness)
    {
        Harness = harness;
    }

    protected EngineHarness Harness { get; }

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }

    private static PushedHit Hit(string skill, string path, int line, string author = Ada) =>
        new(skill.Split('.')[0], skill, path, line, line, author, "c0ffee" + line, Monday.AddDays(line));

    private static EvidencePush Push(params PushedHit[] hits) => new(Framework, "root:abc123", "acme/api", "git@example.org:acme/api.git", hits);

    [Fact]
    public async Task A_push_keeps_the_pushers_own_hits_and_pushing_it_again_changes_nothing()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = await store.EnsurePersonAsync(Ada);
        var push = Push(Hit("async.queue", "app/main.py", 3), Hit("async.gather", "app/main.py", 9), Hit("typing.protocol", "app/types.py", 2, "bo@example.org"));

        var first = await store.ReplacePushedEvidenceAsync(ada.Id, push, Monday);
        var ids = (await store.ListCodeHitsAsync(new CodeHitQuery(Framework, ada.Emails))).Select(h => h.Id).ToList();
        var again = await store.ReplacePushedEvidenceAsync(ada.Id, push, Monday.AddHours(1));

        first.ShouldBe(new PushResult("acme/api", 2, 1, Changed: true));
        again.ShouldBe(new PushResult("acme/api", 2, 1, Changed: false));
        var hits = await store.ListCodeHitsAsync(new CodeHitQuery(Framework));
        hits.Select(h => h.Id).ShouldBe(ids, "the same push twice keeps the same hits");
        hits.Select(h => (h.Repository, h.Path, h.Line, h.Skill, h.Author, h.Snippet)).ShouldBe(
        [
            ("acme/api", "app/main.py", 3, "async.queue", Ada, ""),
            ("acme/api", "app/main.py", 9, "async.gather", Ada, ""),
        ]);
    }

    [Fact]
    public async Task A_push_after_a_rescan_replaces_the_repositorys_evidence_of_that_person_only()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = await store.EnsurePersonAsync(Ada);
        var bo = await store.EnsurePersonAsync("bo@example.org");
        await store.ReplacePushedEvidenceAsync(bo.Id, Push(Hit("typing.protocol", "app/types.py", 2, "bo@example.org")), Monday);
        await store.ReplacePushedEvidenceAsync(ada.Id, Push(Hit("async.queue", "app/main.py", 3), Hit("async.gather", "app/main.py", 9)), Monday);

        await store.ReplacePushedEvidenceAsync(ada.Id, Push(Hit("async.queue", "app/main.py", 4)), Monday.AddDays(1));

        (await store.ListCodeHitsAsync(new CodeHitQuery(Framework))).Select(h => (h.Path, h.Line, h.Skill, h.Author)).ShouldBe(
        [
            ("app/main.py", 4, "async.queue", Ada),
            ("app/types.py", 2, "typing.protocol", "bo@example.org"),
        ]);
        (await store.ListRepositorySummariesAsync()).ShouldHaveSingleItem().Name.ShouldBe("acme/api");
    }

    [Fact]
    public async Task A_push_that_fails_midway_leaves_the_previous_evidence_whole()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = await store.EnsurePersonAsync(Ada);
        await store.ReplacePushedEvidenceAsync(ada.Id, Push(Hit("async.queue", "app/main.py", 3)), Monday);
        var before = await store.ListCodeHitsAsync(new CodeHitQuery(Framework));

        // The database itself refuses the second hit's row, after the old rows are deleted and the
        // first new one is written: a trigger stands in for a server that fails mid-push.
        using (var setup = Harness.OpenRaw())
        {
            setup.Execute(Harness.Engine == StoreEngine.Sqlite
                ? "CREATE TRIGGER refuse_boom BEFORE INSERT ON hits WHEN NEW.skill = 'async.boom' BEGIN SELECT RAISE(ABORT, 'refused'); END"
                : """
                  CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN IF NEW.skill = 'async.boom' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
                  CREATE TRIGGER refuse_boom BEFORE INSERT ON hits FOR EACH ROW EXECUTE FUNCTION refuse_boom();
                  """);
        }

        var broken = Push(Hit("async.gather", "app/main.py", 9), Hit("async.boom", "app/main.py", 10));
        await Should.ThrowAsync<StoreException>(async () => await store.ReplacePushedEvidenceAsync(ada.Id, broken, Monday.AddDays(1)));

        (await store.ListCodeHitsAsync(new CodeHitQuery(Framework))).ShouldBe(before);
        using var raw = Harness.OpenRaw();
        raw.ExecuteScalar<long>("SELECT COUNT(*) FROM scans").ShouldBe(1);
    }

    [Fact]
    public async Task A_pushed_hit_without_a_place_is_refused_naming_it()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = await store.EnsurePersonAsync(Ada);

        var error = await Should.ThrowAsync<StoreException>(async () => await store.ReplacePushedEvidenceAsync(ada.Id, Push(Hit("async.queue", "app/main.py", 3), Hit("async.gather", "app/main.py", 0)), Monday));

        error.Fault.ShouldBe(StoreFault.InvalidInput);
        error.Message.ShouldStartWith("hits[1]: ");
        (await store.ListCodeHitsAsync(new CodeHitQuery(Framework))).ShouldBeEmpty();
    }
}

public sealed class SqlitePushStoreContractTests() : PushStoreContractTests(new SqliteHarness());

public sealed class PostgresPushStoreContractTests() : PushStoreContractTests(new PostgresHarness());
