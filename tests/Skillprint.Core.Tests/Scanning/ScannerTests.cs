using Skillprint.Core.Evidence;
using Skillprint.Core.Scanning;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>The pipeline over real repositories and a real store: incremental rescans, renames,
/// deletions, attribution by author, and the hits outside git.</summary>
public sealed class ScannerTests : IDisposable
{
    private const string Alice = "alice@example.org";
    private const string Bob = "bob@example.org";

    private readonly ScanWorkshop workshop = new();

    public void Dispose() => workshop.Dispose();

    private static RepositoryReport Single(ScanReport report)
    {
        report.Problems.ShouldBeEmpty();
        var repository = report.Repositories.ShouldHaveSingleItem();
        repository.Failure.ShouldBeNull();
        return repository;
    }

    [Fact]
    public void A_rescan_of_an_unchanged_repository_parses_nothing_and_keeps_every_hit()
    {
        var repo = workshop.FixtureRepository("domus-api");
        var first = Single(workshop.Scan(repo));
        var hitsBefore = workshop.Hits();

        var second = Single(workshop.Scan(repo));

        first.FilesParsed.ShouldBe(first.FilesSeen);
        first.FilesParsed.ShouldBeGreaterThan(3);
        second.FilesSeen.ShouldBe(first.FilesSeen);
        second.FilesParsed.ShouldBe(0);
        second.FilesReused.ShouldBe(first.FilesSeen);
        second.HitsPerTopic.ShouldBe(first.HitsPerTopic);
        workshop.Hits().ShouldBe(hitsBefore);
    }

    [Fact]
    public void A_changed_file_is_parsed_again_and_only_it()
    {
        var repo = workshop.FixtureRepository("domus-api");
        workshop.Scan(repo);

        ScanWorkshop.Write(repo, "domus/jobs.py", "import asyncio\n\nqueue = asyncio.Queue()\n");
        File.AppendAllText(Path.Join(repo, "domus", "__init__.py"), "\nasync def ping():\n    return 1\n");
        workshop.Commit(repo, Alice, "jobs");
        var rescan = Single(workshop.Scan(repo));

        rescan.FilesParsed.ShouldBe(2);
        var queue = workshop.Hits().Where(h => h.Skill == "async.queue").ShouldHaveSingleItem();
        queue.Path.ShouldBe("domus/jobs.py");
        queue.Line.ShouldBe(3);
        queue.Author.ShouldBe(Alice);
        workshop.Hits().Where(h => h.Path == "domus/__init__.py" && h.Skill == "async.async-def").ShouldHaveSingleItem().Author.ShouldBe(Alice);
        workshop.Hits().Where(h => h.Path == "domus/main.py").ShouldAllBe(h => h.Author == ScanWorkshop.Me);
    }

    [Fact]
    public void A_deleted_file_loses_its_hits_and_a_renamed_one_moves_them_without_a_parse()
    {
        var repo = workshop.FixtureRepository("domus-api");
        workshop.Scan(repo);
        var modelHits = workshop.Hits().Count(h => h.Path == "domus/models.py");
        modelHits.ShouldBeGreaterThan(5);

        workshop.Run(repo, "mv", "domus/models.py", "domus/schemas.py");
        workshop.Run(repo, "rm", "-q", "domus/__init__.py");
        workshop.Commit(repo, Alice, "rename");
        var rescan = Single(workshop.Scan(repo));

        rescan.FilesParsed.ShouldBe(0);
        rescan.FilesRenamed.ShouldBe(1);
        rescan.FilesDeleted.ShouldBe(1);
        var hits = workshop.Hits();
        hits.ShouldNotContain(h => h.Path == "domus/models.py" || h.Path == "domus/__init__.py");
        hits.Count(h => h.Path == "domus/schemas.py").ShouldBe(modelHits);
    }

    [Fact]
    public void In_a_repository_with_two_authors_each_hit_belongs_to_the_author_of_its_line()
    {
        var repo = workshop.Repository("two-authors");
        ScanWorkshop.Write(repo, "models.py", "from pydantic import BaseModel\n\n\nclass User(BaseModel):\n    name: str\n");
        workshop.Commit(repo, Alice, "models");
        ScanWorkshop.Write(repo, "jobs.py", "import asyncio\n\n\nasync def run(q: asyncio.Queue):\n    await q.get()\n");
        workshop.Commit(repo, Bob, "jobs", new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero));
        // Alice adds a line to Bob's file.
        File.AppendAllText(Path.Join(repo, "jobs.py"), "\n\nasync def main():\n    await asyncio.gather(run(asyncio.Queue()))\n");
        workshop.Commit(repo, Alice, "main");

        Single(workshop.Scan(repo));

        var alice = workshop.Hits(Alice);
        var bob = workshop.Hits(Bob);
        alice.ShouldContain(h => h.Skill == "pydantic.model" && h.Path == "models.py");
        alice.ShouldContain(h => h.Skill == "async.gather" && h.Path == "jobs.py" && h.Line == 9);
        bob.ShouldContain(h => h.Skill == "async.queue" && h.Path == "jobs.py" && h.Line == 4);
        bob.ShouldNotContain(h => h.Skill == "async.gather" || h.Skill == "pydantic.model");
        alice.ShouldNotContain(h => h.Line == 4 && h.Path == "jobs.py");
        bob.ShouldAllBe(h => h.At == new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero));
        workshop.Hits().Select(h => h.Author).Distinct().Order().ShouldBe([Alice, Bob]);
    }

    [Fact]
    public void The_mailmap_joins_an_old_address_to_the_current_one()
    {
        var repo = workshop.Repository("mapped");
        ScanWorkshop.Write(repo, "app.py", "import asyncio\n\nasyncio.run(asyncio.sleep(1))\n");
        workshop.Commit(repo, "bob@old-job.example", "first");
        ScanWorkshop.Write(repo, ".mailmap", $"Bob <{Bob}> <bob@old-job.example>\n");
        workshop.Commit(repo, Bob, "mailmap");

        Single(workshop.Scan(repo));

        workshop.Hits().ShouldAllBe(h => h.Author == Bob);
        workshop.Hits("bob@old-job.example").ShouldBeEmpty();
    }

    [Fact]
    public void Lines_not_committed_yet_belong_to_the_default_person()
    {
        var repo = workshop.FixtureRepository("tasker-cli", Alice);
        File.AppendAllText(Path.Join(repo, "tasker", "main.py"), "\n\nimport click\n");

        Single(workshop.Scan(repo));

        var hit = workshop.Hits().Single(h => h.Skill == "cli.framework" && h.Snippet == "import click");
        hit.Author.ShouldBe(ScanWorkshop.Me);
        hit.Commit.ShouldBeNull();
        workshop.Hits().Where(h => h.Skill == "cli.rich").ShouldAllBe(h => h.Author == Alice);
    }

    [Fact]
    public void A_folder_outside_git_is_walked_honouring_gitignore_and_its_hits_are_the_default_persons()
    {
        var folder = workshop.Folder("plain");
        ScanWorkshop.Write(folder, "app/main.py", "import asyncio\n\nasyncio.run(main())\n");
        ScanWorkshop.Write(folder, "app/generated.py", "import asyncio\nq = asyncio.Queue()\n");
        ScanWorkshop.Write(folder, ".gitignore", "generated.py\nout/\n");
        ScanWorkshop.Write(folder, "out/build.py", "import typer\n");
        ScanWorkshop.Write(folder, ".venv/lib/python3.12/site-packages/typer/main.py", "import click\n");
        ScanWorkshop.Write(folder, "env2/pyvenv.cfg", "home = /usr/bin\n");
        ScanWorkshop.Write(folder, "env2/lib/thing.py", "import rich\n");
        ScanWorkshop.Write(folder, "node_modules/x/y.py", "import rich\n");
        ScanWorkshop.Write(folder, "src/__pycache__/z.py", "import rich\n");
        var stamp = new DateTime(2025, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Join(folder, "app", "main.py"), stamp);

        var report = Single(workshop.Scan(folder));

        report.Repository.Kind.ShouldBe(RepositoryKind.Folder);
        workshop.Store.LoadState(report.Repository).Files.Keys.Where(p => p.EndsWith(".py", StringComparison.Ordinal)).ShouldBe(["app/main.py"]);
        var hits = workshop.Hits();
        hits.ShouldNotBeEmpty();
        hits.ShouldAllBe(h => h.Author == ScanWorkshop.Me && h.Commit == null);
        hits.Where(h => h.Path.EndsWith(".py", StringComparison.Ordinal)).ShouldAllBe(h => h.Path == "app/main.py");
        hits.Single(h => h.Skill == "async.run").At.ShouldBe(new DateTimeOffset(stamp));
    }

    [Fact]
    public void A_folder_of_repositories_scans_each_as_its_own_repository()
    {
        var parent = workshop.Folder("src");
        var api = workshop.Repository(Path.Join("src", "domus-api"));
        ScanWorkshop.CopyFolder(Path.Join(ScanWorkshop.Fixtures(), "domus-api"), api);
        workshop.Commit(api, Alice, "api");
        var cli = workshop.Repository(Path.Join("src", "tasker-cli"));
        ScanWorkshop.CopyFolder(Path.Join(ScanWorkshop.Fixtures(), "tasker-cli"), cli);
        workshop.Commit(cli, Bob, "cli");

        var report = workshop.Scan(parent);

        report.Repositories.Select(r => (r.Repository.Name, r.Repository.Kind)).ShouldBe([("domus-api", RepositoryKind.Git), ("tasker-cli", RepositoryKind.Git)]);
        workshop.Hits(Alice).ShouldAllBe(h => h.Repository == "domus-api");
        workshop.Hits(Bob).ShouldAllBe(h => h.Repository == "tasker-cli");
        workshop.Hits(Bob).ShouldContain(h => h.Skill == "cli.subcommands" && h.Path == "tasker/main.py");
        workshop.Hits(Bob).ShouldContain(h => h.Skill == "packaging.pyproject" && h.Path == "pyproject.toml");
    }

    [Fact]
    public void Only_tracked_files_of_a_git_repository_are_scanned()
    {
        var repo = workshop.FixtureRepository("tasker-cli");
        ScanWorkshop.Write(repo, "scratch.py", "import asyncio\nq = asyncio.Queue()\n");

        var report = Single(workshop.Scan(repo));

        workshop.Hits().ShouldNotContain(h => h.Path == "scratch.py");
        report.FilesSeen.ShouldBe(3, "pyproject.toml and the two tracked Python files");
    }

    [Fact]
    public async Task A_dismissed_hit_stops_counting_and_stays_dismissed_across_rescans()
    {
        var repo = workshop.FixtureRepository("domus-api");
        workshop.Scan(repo);
        var gather = workshop.Hits().Single(h => h.Skill == "async.gather");
        var me = await workshop.Store.EnsurePersonAsync(ScanWorkshop.Me);

        (await workshop.Store.DismissHitAsync(me.Id, gather.Id, DateTimeOffset.UtcNow)).Outcome.ShouldBe(EvidenceOutcome.Done);
        workshop.Hits().ShouldNotContain(h => h.Skill == "async.gather");

        // A change in the file makes the rescan parse it and store its hits anew.
        File.AppendAllText(Path.Join(repo, "domus", "main.py"), "\n# touched\n");
        workshop.Commit(repo, ScanWorkshop.Me, "touch");
        Single(workshop.Scan(repo)).FilesParsed.ShouldBe(1);

        workshop.Hits().ShouldNotContain(h => h.Skill == "async.gather");
        var all = workshop.Hits(includeDismissed: true);
        all.Single(h => h.Skill == "async.gather").Dismissed.ShouldBeTrue();
        (await workshop.Store.DismissHitAsync(me.Id, 999_999, DateTimeOffset.UtcNow)).Outcome.ShouldBe(EvidenceOutcome.NotFound);
    }
}
