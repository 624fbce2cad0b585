using System.Text;
using Skillprint.Core.Scanning;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>Bad input and odd repositories: each is reported, and the scan goes on where it can.</summary>
public sealed class ScanFaultTests : IDisposable
{
    private const string Alice = "alice@example.org";
    private const string Bob = "bob@example.org";

    private readonly ScanWorkshop workshop = new();

    public void Dispose() => workshop.Dispose();

    [Fact]
    public void A_path_that_does_not_exist_is_reported_and_the_other_paths_are_scanned()
    {
        var repo = workshop.FixtureRepository("tasker-cli");
        var missing = Path.Join(workshop.Root, "no-such-folder");

        var report = workshop.Scan(missing, repo);

        report.Problems.ShouldBe([$"{missing}: no such folder"]);
        report.Repositories.ShouldHaveSingleItem().Repository.Name.ShouldBe("tasker-cli");
        workshop.Hits().ShouldNotBeEmpty();
    }

    [Fact]
    public void A_file_path_is_reported_as_not_a_folder()
    {
        var repo = workshop.FixtureRepository("tasker-cli");

        var report = workshop.Scan(Path.Join(repo, "pyproject.toml"));

        report.Problems.ShouldHaveSingleItem().ShouldContain("is a file");
        report.Repositories.ShouldBeEmpty();
    }

    [Fact]
    public void Invalid_utf8_and_syntax_errors_are_reported_and_the_valid_parts_still_count()
    {
        var repo = workshop.Repository("broken");
        File.WriteAllBytes(
            Path.Join(repo, "latin.py"),
            [.. Encoding.ASCII.GetBytes("import asyncio\nname = \"caf"), 0xE9, .. Encoding.ASCII.GetBytes("\"\nq = asyncio.Queue()\n")]);
        ScanWorkshop.Write(repo, "half.py", "import asyncio\n\nasync def ok():\n    await asyncio.sleep(1)\n\ndef broken(:\n    pass\n");
        workshop.Commit(repo, Alice, "broken files");

        var report = workshop.Scan(repo).Repositories.ShouldHaveSingleItem();

        report.Failure.ShouldBeNull();
        report.Problems.Select(p => p.Path).Order().ShouldBe(["half.py", "latin.py"]);
        report.Problems.Single(p => p.Path == "half.py").Line.ShouldBe(6);
        var hits = workshop.Hits();
        hits.ShouldContain(h => h.Path == "half.py" && h.Skill == "async.async-def");
        hits.ShouldContain(h => h.Path == "latin.py" && h.Skill == "async.queue" && h.Author == Alice);
    }

    [Fact]
    public void A_binary_file_named_py_and_a_file_over_the_size_limit_are_skipped_and_counted()
    {
        var repo = workshop.Repository("odd");
        File.WriteAllBytes(Path.Join(repo, "blob.py"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 3]);
        ScanWorkshop.Write(repo, "big.py", "import asyncio\n" + new string('#', 2048) + "\n");
        ScanWorkshop.Write(repo, "fine.py", "import asyncio\nasyncio.run(main())\n");
        workshop.Commit(repo, Alice, "odd files");
        var scanner = new Scanner(ScanWorkshop.Rules, workshop.Store, workshop.Git, new ScanOptions(ScanWorkshop.Me, MaxFileSize: 1024));

        var report = scanner.Scan([repo]).Repositories.ShouldHaveSingleItem();

        report.Skipped.Select(s => (s.Path, s.Reason)).Order().ShouldBe([("big.py", SkipReason.TooLarge), ("blob.py", SkipReason.Binary)]);
        report.FilesSeen.ShouldBe(1);
        workshop.Hits().ShouldAllBe(h => h.Path == "fine.py");
        workshop.Hits().ShouldContain(h => h.Skill == "async.run");
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_skipped_and_the_rest_is_written()
    {
        var folder = workshop.Folder("vanishing");
        ScanWorkshop.Write(folder, "ok.py", "import asyncio\nasyncio.run(main())\n");
        var info = new RepositoryInfo(folder, "vanishing", RepositoryKind.Folder, null);
        // Listed by discovery, gone (or unreadable) by the time it is read.
        var discovered = new DiscoveredRepository(
            info,
            null,
            false,
            false,
            [new SourceFile("ok.py", Path.Join(folder, "ok.py"), 10), new SourceFile("gone.py", Path.Join(folder, "gone.py"), 10)],
            [],
            []);

        var report = workshop.Scanner().ScanRepository(discovered);

        report.Failure.ShouldBeNull();
        report.Skipped.ShouldBe([new SkippedFile("gone.py", SkipReason.Unreadable)]);
        workshop.Hits().ShouldContain(h => h.Path == "ok.py" && h.Skill == "async.run");
    }

    [Fact]
    public void A_repository_without_commits_credits_its_staged_files_to_the_default_person()
    {
        var repo = workshop.Repository("fresh");
        ScanWorkshop.Write(repo, "app.py", "import asyncio\nasyncio.run(main())\n");
        workshop.Run(repo, "add", "app.py");

        var report = workshop.Scan(repo).Repositories.ShouldHaveSingleItem();

        report.Failure.ShouldBeNull();
        report.HeadCommit.ShouldBeNull();
        report.Notes.ShouldContain(n => n.Contains("no commits yet", StringComparison.Ordinal));
        workshop.Hits().ShouldNotBeEmpty();
        workshop.Hits().ShouldAllBe(h => h.Author == ScanWorkshop.Me && h.Commit == null);
    }

    [Fact]
    public void A_detached_head_is_noted_and_scanned_as_checked_out()
    {
        var repo = workshop.FixtureRepository("tasker-cli", Alice);
        var first = workshop.Run(repo, "rev-parse", "HEAD").Trim();
        ScanWorkshop.Write(repo, "tasker/jobs.py", "import asyncio\nq = asyncio.Queue()\n");
        workshop.Commit(repo, Bob, "jobs");
        workshop.Run(repo, "checkout", "-q", "--detach", first);

        var report = workshop.Scan(repo).Repositories.ShouldHaveSingleItem();

        report.Failure.ShouldBeNull();
        report.HeadCommit.ShouldBe(first);
        var expected = "detached HEAD at " + first[..12];
        report.Notes.ShouldContain(n => n.StartsWith(expected, StringComparison.Ordinal));
        workshop.Hits().ShouldNotContain(h => h.Skill == "async.queue");
        workshop.Hits().ShouldAllBe(h => h.Author == Alice);
    }

    [Fact]
    public void A_shallow_clone_credits_older_lines_to_its_boundary_commit_and_says_so()
    {
        var origin = workshop.Repository("origin");
        ScanWorkshop.Write(origin, "app.py", "import asyncio\n\nasyncio.run(main())\n");
        workshop.Commit(origin, Alice, "first", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        ScanWorkshop.Write(origin, "README.md", "hello\n");
        workshop.Commit(origin, Bob, "second", new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var clone = Path.Join(workshop.Root, "clone");
        workshop.Run(workshop.Root, "clone", "-q", "--depth", "1", "file://" + origin, clone);

        var report = workshop.Scan(clone).Repositories.ShouldHaveSingleItem();

        report.Failure.ShouldBeNull();
        report.Notes.ShouldContain(n => n.StartsWith("shallow clone", StringComparison.Ordinal));
        report.Notes.ShouldContain(n => n.Contains("older than the shallow clone's first commit", StringComparison.Ordinal));
        var run = workshop.Hits().Single(h => h.Skill == "async.run");
        run.Author.ShouldBe(Bob);
    }

    [Fact]
    public void A_symlink_out_of_the_tree_is_not_followed()
    {
        var outside = workshop.Folder("outside");
        ScanWorkshop.Write(outside, "secret.py", "import asyncio\nq = asyncio.Queue()\n");
        var folder = workshop.Folder("linked");
        ScanWorkshop.Write(folder, "app.py", "import asyncio\nasyncio.run(main())\n");
        File.CreateSymbolicLink(Path.Join(folder, "escape.py"), Path.Join(outside, "secret.py"));
        Directory.CreateSymbolicLink(Path.Join(folder, "escape-dir"), outside);
        File.CreateSymbolicLink(Path.Join(folder, "inside.py"), Path.Join(folder, "app.py"));

        var report = workshop.Scan(folder).Repositories.ShouldHaveSingleItem();

        report.Skipped.ShouldBe([new SkippedFile("escape.py", SkipReason.SymlinkOutside)]);
        workshop.Hits().ShouldNotContain(h => h.Skill == "async.queue");
        workshop.Hits().Select(h => h.Path).Distinct().Order().ShouldBe(["app.py", "inside.py"]);
    }
}
