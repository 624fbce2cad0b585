using Skillprint.Core.People;
using Skillprint.Core.Evidence;
using Dapper;
using Skillprint.Core.Scanning;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What the store promises the scanner and the readers of hits, on each engine.</summary>
public abstract class ScanStoreContractTests : IDisposable
{
    private const string Framework = "python";
    private const string Ada = "ada@example.org";
    private const string Bo = "bo@example.org";

    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);
    private static readonly RepositoryInfo Api = new("/src/api", "api", RepositoryKind.Git, "git@example.org:api.git");

    protected ScanStoreContractTests(EngineHarness harness)
    {
        Harness = harness;
    }

    protected EngineHarness Harness { get; }

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }

    private static ScannedHit Hit(string skill, int line, string author, string snippet = "code", DateTimeOffset? at = null) =>
        new(skill.Split('.')[0], skill, line, line + 1, snippet, new LineAuthor(author, "c0ffee" + line, at ?? Monday));

    private static ScannedFile File(string path, string hash, params ScannedHit[] hits) => new(path, hash, 100, hits);

    private static ScanWrite Full(params ScannedFile[] files) =>
        new(true, [.. files.Select(f => new FileUpdate(f, FileChange.New))], [], new ScanCounts(files.Length, files.Length, 0, 0));

    private static void Scan(SkillprintStore store, ScanWrite write, string rules = "r1")
    {
        var id = store.BeginScan(Api, Framework, rules, "abc", Monday);
        store.CompleteScan(id, write, Monday.AddSeconds(5));
    }

    [Fact]
    public void A_complete_scan_reads_back_as_the_repository_state()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        store.LoadState(Api).ShouldBe(RepositoryState.Empty);

        Scan(store, Full(
            File("app/main.py", "h1", Hit("async.gather", 12, Ada, "await asyncio.gather(a, b)"), Hit("async.await", 12, Ada)),
            File("pyproject.toml", "h2")));

        var state = store.LoadState(Api);
        state.Framework.ShouldBe(Framework);
        state.RulesHash.ShouldBe("r1");
        state.Files.Keys.Order().ShouldBe(["app/main.py", "pyproject.toml"]);
        var main = state.Files["app/main.py"];
        main.Hash.ShouldBe("h1");
        main.Hits.Select(h => h.Skill).ShouldBe(["async.await", "async.gather"]);
        main.Hits[1].ShouldBe(Hit("async.gather", 12, Ada, "await asyncio.gather(a, b)"));
        state.Files["pyproject.toml"].Hits.ShouldBeEmpty();
    }

    [Fact]
    public void The_state_names_the_commit_of_the_last_complete_scan_not_of_a_failed_one()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        Scan(store, Full(File("a.py", "ha", Hit("async.queue", 3, Ada))));
        store.LoadState(Api).HeadCommit.ShouldBe("abc");

        var later = store.BeginScan(Api, Framework, "r1", "def", Monday.AddDays(1));
        store.FailScan(later, Monday.AddDays(1));
        store.LoadState(Api).HeadCommit.ShouldBe("abc");

        var complete = store.BeginScan(Api, Framework, "r1", "0123", Monday.AddDays(2));
        store.CompleteScan(complete, new ScanWrite(false, [], [], new ScanCounts(1, 0, 0, 0)), Monday.AddDays(2));
        store.LoadState(Api).HeadCommit.ShouldBe("0123");
    }

    [Fact]
    public void Changes_renames_and_deletions_are_applied_and_other_files_keep_their_rows()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        Scan(store, Full(
            File("a.py", "ha", Hit("async.queue", 3, Ada)),
            File("b.py", "hb", Hit("async.run", 9, Bo)),
            File("c.py", "hc", Hit("async.await", 1, Ada)),
            File("keep.py", "hk", Hit("async.gather", 2, Bo))));
        var gather = store.ListCodeHits(new CodeHitQuery(Framework)).Single(h => h.Skill == "async.gather");

        Scan(store, new ScanWrite(
            false,
            [
                new FileUpdate(File("a.py", "ha2", Hit("async.task-group", 4, Bo)), FileChange.Changed),
                new FileUpdate(File("b2.py", "hb", Hit("async.run", 9, Bo)), FileChange.Renamed, "b.py"),
                new FileUpdate(File("d.py", "hd", Hit("async.sleep", 7, Ada)), FileChange.New),
            ],
            ["c.py"],
            new ScanCounts(4, 2, 0, 0)));

        var hits = store.ListCodeHits(new CodeHitQuery(Framework));
        hits.Select(h => (h.Path, h.Skill, h.Line)).ShouldBe(
            [("a.py", "async.task-group", 4), ("b2.py", "async.run", 9), ("d.py", "async.sleep", 7), ("keep.py", "async.gather", 2)]);
        hits.Single(h => h.Skill == "async.gather").ShouldBe(gather);
        store.LoadState(Api).Files.Keys.Order().ShouldBe(["a.py", "b2.py", "d.py", "keep.py"]);
    }

    [Fact]
    public void Hits_are_read_per_author_skill_and_topic_with_their_attribution()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        Scan(store, Full(
            File("a.py", "ha", Hit("async.queue", 3, Ada, "q = asyncio.Queue()", Monday.AddDays(-3)), Hit("pydantic.model", 8, Bo))));

        var ada = store.ListCodeHits(new CodeHitQuery(Framework, [Ada.ToUpperInvariant()])).ShouldHaveSingleItem();
        ada.ShouldBe(ada with
        {
            Repository = "api",
            RepositoryRoot = "/src/api",
            Path = "a.py",
            Line = 3,
            EndLine = 4,
            Framework = Framework,
            Topic = "async",
            Skill = "async.queue",
            Snippet = "q = asyncio.Queue()",
            Author = Ada,
            Commit = "c0ffee3",
            At = Monday.AddDays(-3),
            Dismissed = false,
        });
        store.ListCodeHits(new CodeHitQuery(Framework, [Ada, Bo])).Count.ShouldBe(2);
        store.ListCodeHits(new CodeHitQuery(Framework, [])).ShouldBeEmpty();
        store.ListCodeHits(new CodeHitQuery(Framework, Skill: "pydantic.model")).ShouldHaveSingleItem().Author.ShouldBe(Bo);
        store.ListCodeHits(new CodeHitQuery(Framework, Topic: "async")).ShouldHaveSingleItem().Skill.ShouldBe("async.queue");
        store.ListCodeHits(new CodeHitQuery("other")).ShouldBeEmpty();
        store.FindCodeHit(ada.Id).ShouldBe(ada);
    }

    [Fact]
    public void A_dismissal_outlives_a_rescan_that_stores_the_hit_again_and_follows_a_rename()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        Scan(store, Full(File("a.py", "ha", Hit("async.queue", 3, Ada, "q = asyncio.Queue()"))));
        var hit = store.ListCodeHits(new CodeHitQuery(Framework)).ShouldHaveSingleItem();

        store.DismissHit(Ada, hit.Id, Monday).Outcome.ShouldBe(EvidenceOutcome.Done);
        store.DismissHit(Ada, hit.Id, Monday).Outcome.ShouldBe(EvidenceOutcome.Unchanged);
        store.ListCodeHits(new CodeHitQuery(Framework)).ShouldBeEmpty();

        // Rescanned with other rules: every row is written anew, at another line.
        Scan(store, Full(File("a.py", "ha", Hit("async.queue", 5, Ada, "q = asyncio.Queue()"))), rules: "r2");
        store.ListCodeHits(new CodeHitQuery(Framework)).ShouldBeEmpty();
        store.ListCodeHits(new CodeHitQuery(Framework, IncludeDismissed: true)).ShouldHaveSingleItem().Dismissed.ShouldBeTrue();

        Scan(store, new ScanWrite(false, [new FileUpdate(File("moved.py", "ha", Hit("async.queue", 5, Ada, "q = asyncio.Queue()")), FileChange.Renamed, "a.py")], [], new ScanCounts(1, 0, 0, 0)), rules: "r2");
        store.ListCodeHits(new CodeHitQuery(Framework)).ShouldBeEmpty();
        store.ListCodeHits(new CodeHitQuery(Framework, IncludeDismissed: true)).ShouldHaveSingleItem().Path.ShouldBe("moved.py");
        store.DismissHit(Ada, 424242, Monday).Outcome.ShouldBe(EvidenceOutcome.NotFound);
    }

    [Fact]
    public void Dismissing_one_of_several_identical_lines_dismisses_that_one_only_and_restore_undoes_it()
    {
        // Regression: the dismissal was keyed by the line's text, so one id dismissed every copy.
        using var store = SkillprintStore.Open(Harness.Location);
        var copies = Enumerable.Range(1, 9).Select(i => Hit("testing.fixtures", i * 10, Ada, "@pytest.fixture")).ToArray();
        Scan(store, Full(File("tests/conftest.py", "hc", copies)));
        var hits = store.ListCodeHits(new CodeHitQuery(Framework));
        hits.Count.ShouldBe(9);
        var fifth = hits.Single(h => h.Line == 50);

        var change = store.DismissHit(Ada, fifth.Id, Monday);

        change.Outcome.ShouldBe(EvidenceOutcome.Done);
        change.What.ShouldBe("testing.fixtures in api: tests/conftest.py:50");
        store.ListCodeHits(new CodeHitQuery(Framework)).Select(h => h.Line).ShouldBe([10, 20, 30, 40, 60, 70, 80, 90]);

        // Written anew by a rescan with other rules: still that one.
        Scan(store, Full(File("tests/conftest.py", "hc", copies)), rules: "r2");
        store.ListCodeHits(new CodeHitQuery(Framework)).Count.ShouldBe(8);
        var again = store.ListCodeHits(new CodeHitQuery(Framework, IncludeDismissed: true)).Single(h => h.Dismissed);
        again.Line.ShouldBe(50);

        store.RestoreHit(Ada, again.Id).Outcome.ShouldBe(EvidenceOutcome.Done);
        store.RestoreHit(Ada, again.Id).Outcome.ShouldBe(EvidenceOutcome.Unchanged);
        store.ListCodeHits(new CodeHitQuery(Framework)).Count.ShouldBe(9);
    }

    [Fact]
    public void Upgrading_to_version_5_keeps_every_dismissal_made_before_on_every_copy_it_covered()
    {
        using (var old = SkillprintStore.Open(Harness.Location, Migrations.MigrationCatalog.All.Take(4).ToList()))
        using (var db = old.Connect())
        {
            var at = db.Time(Monday);
            db.Connection.Execute(
                "INSERT INTO repositories (root, name, kind, added_at) VALUES ('/src/api', 'api', 'git', @at)", new { at });
            db.Connection.Execute(
                "INSERT INTO scans (repository_id, framework, state, started_at) SELECT id, 'python', 'complete', @at FROM repositories", new { at });
            db.Connection.Execute(
                "INSERT INTO files (repository_id, path, content_hash, size, scan_id) SELECT repository_id, 'a.py', 'h', 1, id FROM scans");
            foreach (var line in new[] { 3, 8, 9 })
            {
                db.Connection.Execute(
                    """
                    INSERT INTO hits (file_id, framework, topic, skill, line, end_line, snippet, author_email)
                    SELECT id, 'python', 'async', @skill, @line, @line, 'x = 1', 'ada@example.org' FROM files
                    """,
                    new { line, skill = line == 9 ? "async.run" : "async.queue" });
            }

            db.Connection.Execute(
                """
                INSERT INTO hit_dismissals (repository_id, path, framework, skill, snippet, dismissed_at)
                SELECT repository_id, 'a.py', 'python', 'async.queue', 'x = 1', @at FROM files
                """,
                new { at });
        }

        using var store = SkillprintStore.Open(Harness.Location);
        store.ListCodeHits(new CodeHitQuery(Framework)).Select(h => (h.Line, h.Skill)).ShouldBe([(9, "async.run")]);
        store.ListCodeHits(new CodeHitQuery(Framework, IncludeDismissed: true)).Count(h => h.Dismissed).ShouldBe(2);
    }

    [Fact]
    public void A_person_cannot_dismiss_a_hit_credited_to_someone_else_or_remove_their_evidence()
    {
        // Regression: `evidence dismiss 4` meant for manual evidence 4 dismissed another author's hit 4.
        using var store = SkillprintStore.Open(Harness.Location);
        Scan(store, Full(File("a.py", "ha", Hit("async.queue", 3, Bo, "q = asyncio.Queue()"))));
        var bos = store.ListCodeHits(new CodeHitQuery(Framework)).ShouldHaveSingleItem();
        var adas = store.AddManualEvidence(new Core.Status.ManualEvidence(0, Ada, Framework, "async", null, null, "talk", Monday));

        var refused = store.DismissHit(Ada, bos.Id, Monday);
        refused.Outcome.ShouldBe(EvidenceOutcome.NotYours);
        refused.Owner.ShouldBe(Bo);
        store.ListCodeHits(new CodeHitQuery(Framework)).ShouldHaveSingleItem();
        store.RemoveManualEvidence(Bo, adas, Monday).Outcome.ShouldBe(EvidenceOutcome.NotYours);
        store.ListManualEvidence(Ada, Framework).ShouldHaveSingleItem();

        // Once Ada claims Bo's email, the hit is hers to dismiss.
        store.EnsurePerson(Ada);
        store.ClaimEmail(Ada, Bo, merge: false).Outcome.ShouldBe(ClaimOutcome.Claimed);
        store.DismissHit(Ada, bos.Id, Monday).Outcome.ShouldBe(EvidenceOutcome.Done);
    }

    [Fact]
    public void A_clone_moved_or_scanned_by_another_path_is_the_same_repository_and_names_stay_apart()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var first = new RepositoryInfo("/home/ada/src/proj", "proj", RepositoryKind.Git, null, "1111");
        var moved = first with { Root = "/home/ada/work/proj" };
        var other = new RepositoryInfo("/home/ada/old/proj", "proj", RepositoryKind.Git, null, "2222");
        store.CompleteScan(store.BeginScan(first, Framework, "r1", "h", Monday), Full(File("a.py", "ha", Hit("async.queue", 3, Ada))), Monday);
        store.CompleteScan(store.BeginScan(moved, Framework, "r1", "h", Monday), Full(File("a.py", "ha", Hit("async.queue", 3, Ada))), Monday);
        store.CompleteScan(store.BeginScan(other, Framework, "r1", "h", Monday), Full(File("b.py", "hb", Hit("async.run", 3, Ada))), Monday);

        var repositories = store.ListRepositories();
        repositories.Select(r => (r.Repository.Root, r.Repository.Name)).Order().ShouldBe(
            [("/home/ada/old/proj", "old/proj"), ("/home/ada/work/proj", "proj")]);
        store.ListCodeHits(new CodeHitQuery(Framework)).Select(h => $"{h.Repository}:{h.Path}").Order().ShouldBe(["old/proj:b.py", "proj:a.py"]);
        store.LoadState(first).Files.Keys.ShouldBe(["a.py"]);
    }

    [Fact]
    public void A_scan_left_running_by_a_killed_process_becomes_failed_and_cannot_complete_later()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        Scan(store, Full(File("a.py", "ha", Hit("async.queue", 3, Ada))));
        var killed = store.BeginScan(Api, Framework, "r1", "abc", Monday);

        store.LoadState(Api).Files.Keys.ShouldBe(["a.py"]);
        var next = store.BeginScan(Api, Framework, "r1", "def", Monday.AddMinutes(1));

        using var raw = Harness.OpenRaw();
        raw.Query<string>("SELECT state FROM scans ORDER BY id").ShouldBe(["complete", "failed", "running"]);
        Should.Throw<StoreException>(() => store.CompleteScan(killed, Full(), Monday)).Message.ShouldContain("not running");
        store.CompleteScan(next, Full(File("b.py", "hb")), Monday.AddMinutes(2));
        store.LoadState(Api).Files.Keys.ShouldBe(["b.py"]);
        raw.ExecuteScalar<long>("SELECT files_seen FROM scans WHERE id = @next", new { next }).ShouldBe(1);
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_complete_state()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        Scan(store, Full(File("a.py", "ha", Hit("async.queue", 3, Ada))));
        var id = store.BeginScan(Api, Framework, "r1", "abc", Monday);

        // Two new rows for the same path break the unique key half-way through the write.
        var broken = new ScanWrite(
            false,
            [new FileUpdate(File("b.py", "hb", Hit("async.run", 1, Ada)), FileChange.New), new FileUpdate(File("b.py", "hb2"), FileChange.New)],
            ["a.py"],
            new ScanCounts(2, 2, 0, 0));
        Should.Throw<Exception>(() => store.CompleteScan(id, broken, Monday));
        store.FailScan(id, Monday);

        store.LoadState(Api).Files.Keys.ShouldBe(["a.py"]);
        store.ListCodeHits(new CodeHitQuery(Framework)).ShouldHaveSingleItem().Skill.ShouldBe("async.queue");
    }

    [Fact]
    public void Repositories_are_listed_with_their_last_complete_scan()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        Scan(store, Full());
        store.BeginScan(Api with { Root = "/src/zeta", Name = "zeta" }, Framework, "r1", null, Monday);

        var listed = store.ListRepositories();

        listed.Select(r => (r.Repository, r.LastScan)).ShouldBe([(Api, (DateTimeOffset?)Monday.AddSeconds(5)), (Api with { Root = "/src/zeta", Name = "zeta" }, null)]);
    }
}

public sealed class SqliteScanStoreTests() : ScanStoreContractTests(new SqliteHarness());

public sealed class PostgresScanStoreTests() : ScanStoreContractTests(new PostgresHarness());
