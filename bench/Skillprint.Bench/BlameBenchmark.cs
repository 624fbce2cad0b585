using System.Diagnostics;
using System.Globalization;
using Skillprint.Core.Scanning;

namespace Skillprint.Bench;

/// <summary>
/// Attribution of a real clone, beside git in the same run, and checked against git blame:
/// 1. the replay of the whole history (<see cref="Attribution.BlameAll"/> for every line of every
///    Python file at HEAD), beside <c>git log --numstat</c> over the same history, and beside
///    <c>git blame -w</c> run file after file over a sample;
/// 2. every line of a sample of Python files (all of them with <c>--sample 0</c>) compared with
///    <c>git blame -w --porcelain</c>: commit and author must be the same; each difference is printed;
/// 3. a rescan after the last N commits (<see cref="RescanBenchmark"/>, default 10, none with
///    <c>--new-commits 0</c>), beside <c>git log --numstat</c> of those commits, checked against a
///    full scan.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- blame REPOSITORY... [--sample N] [--new-commits N]</c>
/// Exit code 1 when any line or hit differs.
/// </summary>
public static class BlameBenchmark
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var sample = 60;
        var newCommits = 10;
        var repositories = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--sample" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                sample = n;
                i++;
            }
            else if (args[i] == "--new-commits" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var commits))
            {
                newCommits = commits;
                i++;
            }
            else if (Directory.Exists(args[i]))
            {
                repositories.Add(Path.GetFullPath(args[i]));
            }
            else
            {
                errors.WriteLine($"usage: Skillprint.Bench blame REPOSITORY... [--sample N] [--new-commits N] ('{args[i]}' is not a folder)");
                return 2;
            }
        }

        if (repositories.Count == 0)
        {
            errors.WriteLine("usage: Skillprint.Bench blame REPOSITORY... [--sample N] [--new-commits N]");
            return 2;
        }

        var differences = 0;
        var git = new GitRunner();
        foreach (var repository in repositories)
        {
            differences += Compare(git, repository, sample, output);
            if (newCommits > 0)
            {
                output.WriteLine();
                differences += RescanBenchmark.Measure(git, repository, newCommits, output);
            }
        }

        return differences == 0 ? 0 : 1;
    }

    private static int Compare(GitRunner git, string root, int sample, TextWriter output)
    {
        var files = git.Run(root, "-c", "core.quotePath=false", "ls-files", "--", "*.py").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        var wanted = new Dictionary<string, IReadOnlyCollection<int>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var count = File.ReadAllBytes(Path.Join(root, file)).Count(b => b == (byte)'\n');
            wanted[file] = Enumerable.Range(1, Math.Max(count, 1)).ToArray();
        }

        var commits = git.Run(root, "rev-list", "--count", "HEAD").Output.Trim();
        output.WriteLine($"{root}: {commits} commits, {files.Count} Python files, {wanted.Values.Sum(l => l.Count):N0} lines");
        var attribution = new Attribution(git, "nobody@example.org", TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var ours = attribution.BlameAll(root, wanted);
        var oursSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var replayed = HistoryBlame.Replay(git, root, Attribution.ReadIgnoreRevs(root, [])?.Revs ?? new HashSet<string>());
        var replaySeconds = clock.Elapsed.TotalSeconds;
        var doubtful = files.Where(f => !replayed.Head.TryGetValue(f, out var state) || state.Doubtful || state.Questions.Count > 0).ToList();
        clock.Restart();
        git.Run(root, "log", "--numstat", "--format=%H %ae %at");
        var logSeconds = clock.Elapsed.TotalSeconds;

        var step = sample <= 0 || sample >= files.Count ? 1 : files.Count / (double)sample;
        var chosen = new List<string>();
        for (var at = 0.0; at < files.Count; at += step)
        {
            chosen.Add(files[(int)at]);
        }

        var ignore = Attribution.ReadIgnoreRevs(root, []);
        var differences = 0;
        var compared = 0;
        clock.Restart();
        var blamed = chosen.ToDictionary(f => f, f => attribution.Blame(root, f, wanted[f], ignore?.Path), StringComparer.Ordinal);
        var blameSeconds = clock.Elapsed.TotalSeconds;
        foreach (var file in chosen)
        {
            var theirs = blamed[file];
            var mine = ours.Files[file];
            foreach (var line in wanted[file])
            {
                compared++;
                var a = mine.Authors.GetValueOrDefault(line);
                var b = theirs.Authors.GetValueOrDefault(line);
                if (!string.Equals(a?.Commit, b?.Commit, StringComparison.Ordinal) || !string.Equals(a?.Email, b?.Email, StringComparison.Ordinal))
                {
                    if (differences++ < 20)
                    {
                        output.WriteLine($"  DIFFERENT {file}:{line}: ours {a?.Commit?[..10]} {a?.Email}, git blame {b?.Commit?[..10]} {b?.Email}{(theirs.Problem is null ? "" : " (" + theirs.Problem + ")")}");
                    }
                }
            }
        }

        // The files left to git blame: would the replay have been right about them?
        var doubtfulWrong = 0;
        foreach (var file in doubtful)
        {
            if (!replayed.Head.TryGetValue(file, out var state) || state.Lines is null)
            {
                continue;
            }

            var theirs = blamed.GetValueOrDefault(file) ?? attribution.Blame(root, file, wanted[file], ignore?.Path);
            var wrong = wanted[file].Count(line => line <= state.Lines.Length
                && !string.Equals(replayed.Commits[state.Lines[line - 1]].Sha, theirs.Authors.GetValueOrDefault(line)?.Commit, StringComparison.Ordinal));
            doubtfulWrong += wrong > 0 ? 1 : 0;
            foreach (var line in wanted[file].Where(line => line <= state.Lines.Length
                && !string.Equals(replayed.Commits[state.Lines[line - 1]].Sha, theirs.Authors.GetValueOrDefault(line)?.Commit, StringComparison.Ordinal)).Take(2))
            {
                output.WriteLine($"    {file}:{line}: replay {replayed.Commits[state.Lines[line - 1]].Sha[..10]}, git blame {theirs.Authors.GetValueOrDefault(line)?.Commit?[..10]}");
            }

            output.WriteLine($"  in doubt: {file} ({wrong} lines the replay alone had wrong)");
        }

        output.WriteLine($"in doubt after the replay: {doubtful.Count} files, of which the replay alone had {doubtfulWrong} wrong; after git confirmed renames, {files.Count - ours.Replayed} left to git blame");
        output.WriteLine($"{"what",-70} {"seconds",9}");
        output.WriteLine($"{"replay alone (git log -m -p and the replay)",-70} {replaySeconds,9:F2}");
        output.WriteLine($"{$"Skillprint attribution of every line of {files.Count} files (replay; {files.Count - ours.Replayed} files left to git blame)",-70} {oursSeconds,9:F2}");
        output.WriteLine($"{"git log --numstat over the same history",-70} {logSeconds,9:F2}");
        output.WriteLine($"{$"git blame -w, file after file, {chosen.Count} files",-70} {blameSeconds,9:F2}");
        output.WriteLine($"ratio to git log --numstat: {oursSeconds / logSeconds:F1}x; git blame of all {files.Count} files estimated at {blameSeconds * files.Count / Math.Max(1, chosen.Count):F1} s");
        output.WriteLine($"compared with git blame: {compared:N0} lines of {chosen.Count} files, {differences} different");
        return differences;
    }
}
