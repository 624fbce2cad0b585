using Skillprint.Core.Scanning;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>
/// A rescan decides from size, modification time and inode which files can be unchanged, as git's
/// index does, and reads only the others; a file modified as the last scan ran (the racy case) is
/// read anyway. Each test works on real files and reads what the scan reports.
/// </summary>
public sealed class ChangeDetectionTests : IDisposable
{
    private static readonly DateTime AnHourAgo = DateTime.UtcNow.AddHours(-1);

    private readonly ScanWorkshop workshop = new();

    public void Dispose() => workshop.Dispose();

    private RepositoryReport ScanOne(string path)
    {
        var report = workshop.Scan(path);
        report.Problems.ShouldBeEmpty();
        var repository = report.Repositories.ShouldHaveSingleItem();
        repository.Failure.ShouldBeNull();
        return repository;
    }

    /// <summary>Every file of the folder as if checked out an hour ago.</summary>
    private static void AgeFiles(string root)
    {
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, AnHourAgo);
        }
    }

    [Fact]
    public void A_rescan_of_an_unchanged_tree_reads_no_file()
    {
        var repo = workshop.FixtureRepository("domus-api");
        AgeFiles(repo);
        var first = ScanOne(repo);
        var hits = workshop.Hits();

        var second = ScanOne(repo);

        first.FilesHashed.ShouldBe(first.FilesSeen);
        first.FilesSeen.ShouldBeGreaterThan(3);
        second.FilesSeen.ShouldBe(first.FilesSeen);
        second.FilesHashed.ShouldBe(0, "every file has the stamp of the last scan and is older than it");
        second.FilesParsed.ShouldBe(0);
        second.FilesReused.ShouldBe(first.FilesSeen);
        second.HitsPerTopic.ShouldBe(first.HitsPerTopic);
        workshop.Hits().ShouldBe(hits);
    }

    [Fact]
    public void Touching_a_file_without_changing_it_reads_it_once_and_does_not_detect_it_again()
    {
        var repo = workshop.FixtureRepository("domus-api");
        AgeFiles(repo);
        var first = ScanOne(repo);
        var hits = workshop.Hits();
        File.SetLastWriteTimeUtc(Path.Join(repo, "domus", "models.py"), AnHourAgo.AddMinutes(30));

        var touched = ScanOne(repo);
        var after = ScanOne(repo);

        touched.FilesHashed.ShouldBe(1, "only the touched file's stamp changed");
        touched.FilesParsed.ShouldBe(0, "its content is the same");
        touched.FilesReused.ShouldBe(first.FilesSeen);
        after.FilesHashed.ShouldBe(0, "the touched file's new stamp was kept");
        workshop.Hits().ShouldBe(hits);
    }

    [Fact]
    public void A_file_changed_keeping_its_size_and_a_whole_second_time_after_a_scan_is_still_detected()
    {
        // A file system that keeps whole seconds: the file is written in the second the scan runs,
        // and changed again within that second after the scan read it. Size, time and inode are all
        // as stored; only its time, not older than the scan's start, says it may have changed. The
        // whole second is taken half a minute ahead, so that a busy machine that starts the scan
        // late still has the file's time in the scan's second or after.
        var folder = workshop.Folder("racy");
        var path = Path.Join(folder, "jobs.py");
        const string before = "import asyncio\n\nqueue = asyncio.Queue()\n";
        const string after = "import asyncio\n\nasyncio.run(main())   #\n";
        after.Length.ShouldBe(before.Length);
        var second = DateTime.UnixEpoch.AddSeconds(Math.Floor((DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds) + 30);
        File.WriteAllText(path, before);
        File.SetLastWriteTimeUtc(path, second);
        var first = ScanOne(folder);
        var stamp = FileStamp.Of(path);
        workshop.Hits().ShouldContain(h => h.Skill == "async.queue");

        File.WriteAllText(path, after);
        File.SetLastWriteTimeUtc(path, second);
        FileStamp.Of(path).ShouldBe(stamp, "the change is invisible to size, modification time and inode");
        var rescan = ScanOne(folder);

        first.FilesParsed.ShouldBe(1);
        rescan.FilesHashed.ShouldBe(1);
        rescan.FilesParsed.ShouldBe(1, "a file modified as the last scan ran is read and found changed");
        workshop.Hits().ShouldNotContain(h => h.Skill == "async.queue");
        workshop.Hits().ShouldContain(h => h.Skill == "async.run");
    }

    [Fact]
    public void A_file_replaced_by_another_of_the_same_size_and_time_is_detected_by_its_inode()
    {
        // An editor's atomic save: the new content is written beside the file and renamed over it.
        var folder = workshop.Folder("replaced");
        var path = Path.Join(folder, "jobs.py");
        const string before = "import asyncio\n\nqueue = asyncio.Queue()\n";
        const string after = "import asyncio\n\nasyncio.run(main())   #\n";
        File.WriteAllText(path, before);
        File.SetLastWriteTimeUtc(path, AnHourAgo);
        ScanOne(folder);
        var stamp = FileStamp.Of(path);

        var temporary = Path.Join(workshop.Root, "jobs.py.new");
        File.WriteAllText(temporary, after);
        File.SetLastWriteTimeUtc(temporary, AnHourAgo);
        File.Move(temporary, path, overwrite: true);
        var now = FileStamp.Of(path);
        (now with { Inode = stamp.Inode }).ShouldBe(stamp, "only the inode differs");
        var rescan = ScanOne(folder);

        now.Inode.ShouldNotBe(stamp.Inode);
        rescan.FilesHashed.ShouldBe(1);
        rescan.FilesParsed.ShouldBe(1);
        workshop.Hits().ShouldContain(h => h.Skill == "async.run");
    }

    [Fact]
    public void Stamps_are_taken_from_the_file_system_to_the_nanosecond_where_it_keeps_them()
    {
        var path = Path.Join(workshop.Folder("stamp"), "a.py");
        File.WriteAllText(path, "x = 1\n");
        var when = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567);
        File.SetLastWriteTimeUtc(path, when);

        var stamp = FileStamp.Of(path);

        stamp.Size.ShouldBe(6);
        stamp.ModifiedNs.ShouldBe((when.Ticks - DateTime.UnixEpoch.Ticks) * 100);
        stamp.Inode.ShouldBeGreaterThan(0);

        Should.Throw<FileNotFoundException>(() => FileStamp.Of(path + ".gone"));
    }
}
