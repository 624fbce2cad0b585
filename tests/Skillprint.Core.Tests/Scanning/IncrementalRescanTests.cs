using Skillprint.Core.Scanning;
using Skillprint.Store;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>
/// A rescan after new commits attributes again only the files those commits touch, and gives
/// exactly what a full scan into a fresh store gives (every hit, its author, commit and date),
/// also when the history was rewritten under it. Real repositories and real SQLite stores.
/// </summary>
public sealed class IncrementalRescanTests : IDisposable
{
    private const string Alice = "alice@example.org";
    private const string Bob = "bob@example.org";
    private const string Carol = "carol@example.org";

    private readonly ScanWorkshop workshop = new();

    public void Dispose() => workshop.Dispose();

    private static DateTimeOffset Day(int day) => new(2024, 1, day, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Five files by two authors, committed on days 1 to 3.</summary>
    private string History()
    {
        var repo = workshop.Repository("history");
        ScanWorkshop.Write(repo, "app/jobs.py",
            "import asyncio\n\n\nasync def worker(q: asyncio.Queue):\n    while True:\n        item = await q.get()\n        yield item\n");
        ScanWorkshop.Write(repo, "app/models.py", "from pydantic import BaseModel\n\n\nclass User(BaseModel):\n    name: str\n");
        ScanWorkshop.Write(repo, "app/cli.py", "import typer\n\napp = typer.Typer()\n");
        workshop.Commit(repo, Alice, "start", Day(1));
        ScanWorkshop.Write(repo, "app/net.py", "import httpx\n\n\nasync def fetch(url):\n    async with httpx.AsyncClient() as client:\n        return await client.get(url)\n");
        ScanWorkshop.Write(repo, "app/old.py", "import asyncio\n\nlock = asyncio.Lock()\n");
        workshop.Commit(repo, Bob, "net", Day(2));
        File.AppendAllText(Path.Join(repo, "app", "models.py"), "    email: str\n");
        workshop.Commit(repo, Bob, "email", Day(3));
        return repo;
    }

    /// <summary>A scan into the workshop's store that asks git blame for each file to attribute
    /// (the way a rescan after a few commits goes), never the replay.</summary>
    private RepositoryReport Rescan(string repo)
    {
        var options = new ScanOptions(ScanWorkshop.Me) { BlameFilesAtMost = int.MaxValue, BlameFilesShare = 1 };
        var report = new Scanner(ScanWorkshop.Rules, workshop.Store, workshop.Git, options).Scan([repo]);
        report.Problems.ShouldBeEmpty();
        var single = report.Repositories.ShouldHaveSingleItem();
        single.Failure.ShouldBeNull();
        return single;
    }

    /// <summary>The hits of a full scan of <paramref name="repo"/> into a fresh store, attributed
    /// from one replay of the whole history (never file by file).</summary>
    private List<string> FullScan(string repo)
    {
        using var store = SkillprintStore.Open(StoreLocation.Sqlite(Path.Join(workshop.Root, "fresh-" + Guid.NewGuid().ToString("N") + ".db")));
        var scanner = new Scanner(ScanWorkshop.Rules, store, workshop.Git, new ScanOptions(ScanWorkshop.Me) { BlameFilesAtMost = 0 });
        scanner.Scan([repo]).Repositories.ShouldHaveSingleItem().Failure.ShouldBeNull();
        return Rows(store.ListCodeHits(new CodeHitQuery(ScanWorkshop.Framework.Id)));
    }

    private static List<string> Rows(IEnumerable<CodeHit> hits) =>
        [.. hits.Select(h => $"{h.Path}:{h.Line}-{h.EndLine} {h.Skill} {h.Author} {h.Commit} {h.At:O} {h.Snippet}").Order(StringComparer.Ordinal)];

    [Fact]
    public void After_commits_that_add_change_rename_delete_and_restore_files_a_rescan_equals_a_full_scan()
    {
        var repo = History();
        Rescan(repo);

        // Carol rewrites Bob's function body, adds a file, renames one as it is and one with a change.
        ScanWorkshop.Write(repo, "app/net.py", "import httpx\n\n\nasync def fetch(url):\n    async with httpx.AsyncClient(timeout=5) as client:\n        response = await client.get(url)\n        return response\n");
        ScanWorkshop.Write(repo, "app/queue.py", "import asyncio\n\nq = asyncio.Queue()\n");
        workshop.Run(repo, "mv", "app/cli.py", "app/command.py");
        workshop.Commit(repo, Carol, "carol's changes", Day(4));
        workshop.Run(repo, "mv", "app/models.py", "app/schemas.py");
        File.AppendAllText(Path.Join(repo, "app", "schemas.py"), "    age: int\n");
        workshop.Run(repo, "rm", "-q", "app/old.py");
        workshop.Commit(repo, Bob, "schemas", Day(5));
        // Alice's yield line goes and comes back: the same content as at the last scan, a new author.
        var jobs = File.ReadAllText(Path.Join(repo, "app", "jobs.py"));
        ScanWorkshop.Write(repo, "app/jobs.py", jobs.Replace("        yield item\n", "", StringComparison.Ordinal));
        workshop.Commit(repo, Carol, "drop the yield", Day(6));
        ScanWorkshop.Write(repo, "app/jobs.py", jobs);
        workshop.Commit(repo, Carol, "bring it back", Day(7));

        var rescan = Rescan(repo);

        Rows(workshop.Hits()).ShouldBe(FullScan(repo));
        rescan.FilesParsed.ShouldBe(4, "net.py, queue.py, schemas.py and jobs.py; command.py moved as it was");
        rescan.FilesRenamed.ShouldBe(1);
        rescan.FilesDeleted.ShouldBe(2, "models.py went into schemas.py with a change; old.py was deleted");
        workshop.Hits().Where(h => h.Path == "app/jobs.py" && h.Line == 7).ShouldAllBe(h => h.Author == Carol);
        workshop.Hits().Where(h => h.Path == "app/command.py").ShouldAllBe(h => h.Author == Alice);
    }

    [Fact]
    public void After_a_merge_a_rescan_equals_a_full_scan()
    {
        var repo = History();
        Rescan(repo);
        workshop.Run(repo, "checkout", "-q", "-b", "feature", "HEAD~1");
        ScanWorkshop.Write(repo, "app/old.py", "import asyncio\n\nlock = asyncio.Lock()\nsem = asyncio.Semaphore(3)\n");
        workshop.Commit(repo, Carol, "semaphore", Day(4));
        workshop.Run(repo, "checkout", "-q", "main");
        ScanWorkshop.Write(repo, "app/cli.py", "import typer\n\napp = typer.Typer()\n\n\n@app.command()\ndef hello(name: str):\n    print(name)\n");
        workshop.Commit(repo, Alice, "hello", Day(5));
        workshop.Run(repo, "-c", "user.email=bob@example.org", "-c", "user.name=bob", "merge", "-q", "--no-ff", "-m", "merge feature", "feature");

        var rescan = Rescan(repo);

        Rows(workshop.Hits()).ShouldBe(FullScan(repo));
        rescan.FilesParsed.ShouldBe(2);
    }

    [Fact]
    public void After_a_force_push_that_rewrote_the_scanned_commit_every_file_is_attributed_again()
    {
        var repo = History();
        Rescan(repo);
        // The same trees, committed again by Carol: no content changed, every author did.
        workshop.Run(repo, "reset", "-q", "--soft", "HEAD~2");
        workshop.Commit(repo, Carol, "squashed", Day(8));

        var rescan = Rescan(repo);

        Rows(workshop.Hits()).ShouldBe(FullScan(repo));
        workshop.Hits().Where(h => h.Path == "app/net.py").ShouldAllBe(h => h.Author == Carol);
        rescan.Notes.ShouldContain(n => n.Contains("no longer in the history", StringComparison.Ordinal));
    }

    [Fact]
    public void Git_blame_of_more_ranges_than_one_run_takes_gives_each_asked_line_its_author()
    {
        var repo = workshop.Repository("long");
        var lines = Enumerable.Range(1, 2 * Attribution.RangesPerRun + 10).Select(i => $"x{i} = {i}").ToList();
        ScanWorkshop.Write(repo, "long.py", string.Join('\n', lines) + "\n");
        workshop.Commit(repo, Alice, "long", Day(1));
        for (var i = 0; i < lines.Count; i += 3)
        {
            lines[i] = $"x{i + 1} = {i} + 1";
        }

        ScanWorkshop.Write(repo, "long.py", string.Join('\n', lines) + "\n");
        workshop.Commit(repo, Bob, "every third", Day(2));
        var asked = Enumerable.Range(1, lines.Count).Where(i => i % 2 == 1).ToList();

        var blamed = new Attribution(workshop.Git, ScanWorkshop.Me, TimeProvider.System).Blame(repo, "long.py", asked);

        blamed.Problem.ShouldBeNull();
        Attribution.Ranges(asked).Count.ShouldBeGreaterThan(Attribution.RangesPerRun);
        foreach (var line in asked)
        {
            blamed.Authors[line].Email.ShouldBe((line - 1) % 3 == 0 ? Bob : Alice, $"line {line}");
        }
    }

    [Fact]
    public void A_mailmap_committed_since_the_last_scan_renames_every_author_it_maps()
    {
        var repo = History();
        Rescan(repo);
        ScanWorkshop.Write(repo, ".mailmap", $"Alice <{Carol}> <{Alice}>\n");
        workshop.Commit(repo, Bob, "mailmap", Day(9));

        Rescan(repo);

        Rows(workshop.Hits()).ShouldBe(FullScan(repo));
        workshop.Hits(Alice).ShouldBeEmpty();
    }
}
