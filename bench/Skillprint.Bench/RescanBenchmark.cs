using System.Diagnostics;
using Skillprint.Core.Detection;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Scanning;
using Skillprint.Store;

namespace Skillprint.Bench;

/// <summary>
/// The blame benchmark's rescan row: a clone of a real repository (sharing its objects) is set
/// back N commits along its first parents and scanned into a fresh store; then it is moved
/// forward to its HEAD again (the N real commits arrive) and rescanned. Beside the rescan:
/// <c>git log --numstat</c> of those N commits, and a full scan of the new HEAD into another fresh
/// store, whose hits (place, skill, author, commit, date) must equal the rescan's.
/// </summary>
public static class RescanBenchmark
{
    /// <summary>Prints the rows; returns how many hits differ between the rescan and the full scan.</summary>
    public static int Measure(GitRunner git, string root, int newCommits, TextWriter output)
    {
        var work = Directory.CreateTempSubdirectory("skillprint-bench-rescan-").FullName;
        try
        {
            var clone = Path.Join(work, "clone");
            Check(git.Run(work, "clone", "-q", "--shared", root, clone));
            var head = Check(git.Run(clone, "rev-parse", "HEAD")).Output.Trim();
            var old = git.Run(clone, "rev-parse", $"HEAD~{newCommits}");
            if (!old.Ok)
            {
                output.WriteLine($"rescan: the history has fewer than {newCommits} first-parent commits");
                return 0;
            }

            var oldCommit = old.Output.Trim();
            Check(git.Run(clone, "reset", "-q", "--hard", oldCommit));
            var rules = CompiledRules.Compile(BuiltInFrameworks.Load("python").Framework!);
            var options = new ScanOptions("bench@example.org");

            using var store = SkillprintStore.Open(StoreLocation.Sqlite(Path.Join(work, "rescan.db")));
            var scanner = new Scanner(rules, store, git, options);
            var clock = Stopwatch.StartNew();
            scanner.Scan([clone]);
            var firstSeconds = clock.Elapsed.TotalSeconds;

            Check(git.Run(clone, "reset", "-q", "--hard", head));
            var commits = Check(git.Run(clone, "rev-list", "--count", $"{oldCommit}..{head}")).Output.Trim();
            clock.Restart();
            var rescan = scanner.Scan([clone]).Repositories.Single();
            var rescanSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var log = Check(git.Run(clone, "log", "--numstat", "--format=%H %ae %at", $"{oldCommit}..{head}"));
            var logSeconds = clock.Elapsed.TotalSeconds;

            using var fresh = SkillprintStore.Open(StoreLocation.Sqlite(Path.Join(work, "full.db")));
            clock.Restart();
            new Scanner(rules, fresh, git, options).Scan([clone]);
            var fullSeconds = clock.Elapsed.TotalSeconds;

            var ours = Rows(store);
            var theirs = Rows(fresh);
            var different = ours.Except(theirs).Count() + theirs.Except(ours).Count();
            foreach (var row in ours.Except(theirs).Take(10))
            {
                output.WriteLine($"  rescan only:    {row}");
            }

            foreach (var row in theirs.Except(ours).Take(10))
            {
                output.WriteLine($"  full scan only: {row}");
            }

            output.WriteLine($"rescan after the last {newCommits} first-parent commits ({commits} commits in all) of {root}:");
            output.WriteLine($"{"what",-70} {"seconds",9}");
            output.WriteLine($"{"Skillprint scan of the older HEAD, fresh store",-70} {firstSeconds,9:F2}");
            output.WriteLine($"{$"Skillprint rescan after {newCommits} new commits ({rescan.FilesParsed} of {rescan.FilesSeen} files parsed and attributed again)",-70} {rescanSeconds,9:F2}");
            output.WriteLine($"{"git log --numstat of those commits",-70} {logSeconds,9:F2}");
            output.WriteLine($"{"Skillprint full scan of the new HEAD, fresh store",-70} {fullSeconds,9:F2}");
            output.WriteLine($"rescan / git log --numstat of the new commits: {rescanSeconds / logSeconds:F1}x; rescan / full scan: {rescanSeconds / fullSeconds:F2}x ({log.Output.Length / 1e3:F0} kB of log)");
            output.WriteLine($"rescan equals the full scan: {(different == 0 ? "yes" : "NO")}, {ours.Count:N0} hits, {different} different");
            return different;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static GitResult Check(GitResult result) =>
        result.Ok ? result : throw new InvalidOperationException($"git failed: {result.FirstErrorLine}");

    private static HashSet<string> Rows(SkillprintStore store) =>
        store.ListCodeHitsAsync(new CodeHitQuery("python")).GetAwaiter().GetResult()
            .Select(h => $"{h.Path}:{h.Line}-{h.EndLine} {h.Skill} {h.Author} {h.Commit} {h.At:O} {h.Snippet}")
            .ToHashSet(StringComparer.Ordinal);
}
