using System.Runtime.CompilerServices;
using Skillprint.Core.Scanning;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>
/// Vendored and generated code is not the committer's skill (issue 9): files .gitattributes marks
/// linguist-vendored or linguist-generated, vendor folders, a repository's .skillprintignore and
/// `scan --exclude` globs are left out, and the summary counts each rule's files.
/// </summary>
public sealed class ExclusionTests : IDisposable
{
    private const string Queue = "import asyncio\nq = asyncio.Queue()\n";

    private readonly ScanWorkshop workshop = new();

    public void Dispose() => workshop.Dispose();

    [Fact]
    public void Vendored_generated_ignored_and_excluded_files_are_left_out_and_counted_by_rule()
    {
        var repo = workshop.Repository("app");
        foreach (var path in new[]
                 {
                     "app/main.py", "vendor/six.py", "src/pkg/_vendor/attr.py", "third_party/lib/x.py", "app/lib.py",
                     "app/api_pb2.py", "tests/fixtures/sample.py", "tests/data/old.py", "scratch/try.py", "tools/scratch/t.py",
                 })
        {
            ScanWorkshop.Write(repo, path, Queue);
        }

        ScanWorkshop.Write(repo, ".gitattributes", "app/lib.py linguist-vendored\n*_pb2.py linguist-generated=true\n");
        ScanWorkshop.Write(repo, ".skillprintignore", "# test fixtures are not the reader's code\ntests/fixtures/\nold.py\n");
        workshop.Commit(repo, ScanWorkshop.Me, "all");

        var scanner = new Scanner(ScanWorkshop.Rules, workshop.Store, workshop.Git, new ScanOptions(ScanWorkshop.Me) { Exclude = ["scratch"] });
        var report = scanner.Scan([repo]).Repositories.ShouldHaveSingleItem();

        workshop.Hits().Where(h => h.Skill == "async.queue").Select(h => h.Path).ShouldBe(["app/main.py"]);
        report.Skipped.Select(s => (s.Reason, s.Path)).ShouldBe(
            [
                (SkipReason.VendorFolder, "src/pkg/_vendor/attr.py"),
                (SkipReason.VendorFolder, "third_party/lib/x.py"),
                (SkipReason.VendorFolder, "vendor/six.py"),
                (SkipReason.Vendored, "app/lib.py"),
                (SkipReason.Generated, "app/api_pb2.py"),
                (SkipReason.SkillprintIgnore, "tests/data/old.py"),
                (SkipReason.SkillprintIgnore, "tests/fixtures/sample.py"),
                (SkipReason.Excluded, "scratch/try.py"),
                (SkipReason.Excluded, "tools/scratch/t.py"),
            ],
            ignoreOrder: true);
        SkipReason.SkillprintIgnore.Describe().ShouldBe("in .skillprintignore");
    }

    [Fact]
    public void A_plain_folder_honours_vendor_folders_skillprintignore_and_exclude_too()
    {
        var folder = workshop.Folder("plain");
        ScanWorkshop.Write(folder, "main.py", Queue);
        ScanWorkshop.Write(folder, "vendor/x.py", Queue);
        ScanWorkshop.Write(folder, "gen/out.py", Queue);
        ScanWorkshop.Write(folder, ".skillprintignore", "gen/\n");

        var report = workshop.Scan(folder).Repositories.ShouldHaveSingleItem();

        workshop.Hits().Where(h => h.Skill == "async.queue").Select(h => h.Path).ShouldBe(["main.py"]);
        report.Skipped.Select(s => (s.Path, s.Reason)).ShouldBe([("vendor/x.py", SkipReason.VendorFolder), ("gen/out.py", SkipReason.SkillprintIgnore)], ignoreOrder: true);
    }

    [Fact]
    public void Scanning_this_repository_credits_none_of_its_test_fixtures()
    {
        var root = RepositoryRoot();

        var report = workshop.Scan(root).Repositories.ShouldHaveSingleItem();

        report.Skipped.Where(s => s.Reason == SkipReason.SkillprintIgnore).ShouldNotBeEmpty();
        var hits = workshop.Hits();
        hits.ShouldNotContain(h => h.Path.StartsWith("tests/", StringComparison.Ordinal), "the README's first command must not rate the reader from test fixtures");
        hits.ShouldNotContain(h => h.Topic == "pydantic");
    }

    private static string RepositoryRoot([CallerFilePath] string path = "")
    {
        for (var dir = Path.GetDirectoryName(path); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Join(dir, Discovery.IgnoreFile)) && File.Exists(Path.Join(dir, "Skillprint.slnx")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"no repository root with {Discovery.IgnoreFile} above {path}");
    }
}
