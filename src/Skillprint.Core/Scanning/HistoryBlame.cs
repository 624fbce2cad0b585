using System.Collections.Immutable;
using System.Globalization;

namespace Skillprint.Core.Scanning;

/// <summary>
/// A file at one commit as the replay knows it: its blob, for each line the commit that line comes
/// from (an index into the replay's commits), the commit that added the file, and whether the
/// replay cannot vouch that this is what <c>git blame</c> says (then the file is blamed by git).
/// </summary>
/// <param name="Lines">Null when git showed no text for the file (a binary patch).</param>
/// <param name="Questions">Renames git's log paired among several files at once, which blame,
/// following this one path, might pair otherwise: the file can be trusted once git confirms each
/// (<see cref="HistoryBlame.Confirm"/>).</param>
public sealed record FileLines(string Blob, int[]? Lines, int Added, bool Doubtful, ImmutableHashSet<RenameQuestion> Questions)
{
    public FileLines(string blob, int[]? lines, int added, bool doubtful)
        : this(blob, lines, added, doubtful, [])
    {
    }
}

/// <summary>Where a commit's file came from against its first parent, as the log paired it:
/// <paramref name="Source"/> the path it was renamed from, or null for a file the commit added.</summary>
public readonly record struct RenameQuestion(int Commit, string Path, string? Source);

/// <summary>The commits of a history, oldest first (parents before children), as the replay numbers them.</summary>
public sealed record HistoryCommit(string Sha, int[] Parents, string Email, DateTimeOffset At);

/// <summary>
/// The whole history of a repository's HEAD replayed forward from one streamed
/// <c>git log -m -p -U0 -w -M --reverse --topo-order</c>, giving for every line of every file at
/// HEAD the commit <c>git blame -w</c> names for it. It follows git's blame (blame.c) step by step:
/// a file whose blob equals a parent's takes that parent's lines whole (the first such parent);
/// otherwise each parent in order that has the file (at the same path, else through the rename
/// git's rename detection finds) gives the lines its diff leaves unchanged and that no earlier
/// parent gave; the remaining lines are the commit's own. Renamed, merged, moved and reverted files
/// come out as blame has them. Where git's choices cannot be repeated from the log (a rename git
/// could pair otherwise for one path alone, a commit in .git-blame-ignore-revs that changes lines,
/// a binary patch), the file is marked <see cref="FileLines.Doubtful"/>, and so is every later
/// version of it, so that its caller asks <c>git blame</c> for it.
/// </summary>
public sealed class HistoryBlame
{
    /// <summary>The diff options blame uses by default, spelled out for <c>git log</c> and <c>git diff</c>.</summary>
    public static readonly string[] DiffOptions =
    [
        "-c", "core.quotePath=false",
        "-c", "diff.noprefix=false",
        "-c", "diff.mnemonicPrefix=false",
        "-c", "diff.relative=false",
    ];

    private static readonly string[] PatchOptions =
    [
        "--raw", "-p", "-U0", "-w", "-M", "--no-abbrev", "--no-color", "--no-ext-diff", "--no-textconv",
        "--diff-algorithm=myers", "--indent-heuristic", "--no-relative", "--src-prefix=a/", "--dst-prefix=b/",
    ];

    private readonly List<HistoryCommit> commits;
    private readonly Dictionary<string, int> index;
    private readonly HashSet<int> ignored;

    private HistoryBlame(List<HistoryCommit> commits, Dictionary<string, int> index, HashSet<int> ignored, ImmutableDictionary<string, FileLines> head)
    {
        this.commits = commits;
        this.index = index;
        this.ignored = ignored;
        Head = head;
    }

    /// <summary>Every file at HEAD, by path.</summary>
    public ImmutableDictionary<string, FileLines> Head { get; }

    public IReadOnlyList<HistoryCommit> Commits => commits;

    public int CommitIndex(string sha) => index.GetValueOrDefault(sha, -1);

    /// <summary>Replays the history of HEAD of the repository at <paramref name="root"/>. Commits
    /// named in <paramref name="ignoreRevs"/> are blamed as <c>--ignore-revs-file</c> has them.
    /// Throws <see cref="GitException"/> when git fails.</summary>
    public static HistoryBlame Replay(GitRunner git, string root, IReadOnlySet<string> ignoreRevs, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(ignoreRevs);

        // 1. The commits, parents first, with their mailmapped author (as blame prints it), read
        // while git already computes the patches of step 2.
        var listing = Task.Run(() => git.Run(root, [.. DiffOptions, "log", "--reverse", "--topo-order", "--no-show-signature", "--format=%H%x00%P%x00%aE%x00%at", "HEAD"]), cancellation);
        List<HistoryCommit>? commits = null;
        Dictionary<string, int>? index = null;
        HashSet<int>? ignored = null;
        Replayer? replay = null;
        PatchStream? reader = null;
        void Begin()
        {
            (commits, index) = ReadCommits(listing.GetAwaiter().GetResult());
            var known = index;
            var list = commits;
            ignored = ignoreRevs.Select(s => known.GetValueOrDefault(s, -1)).Where(i => i >= 0).ToHashSet();
            var replayer = new Replayer(list, ignored);
            replay = replayer;
            reader = new PatchStream(
                sha => known.TryGetValue(sha, out var i) ? list[i].Parents.Length : null,
                (sha, from, diff) => replayer.Add(known[sha], from is null ? 0 : Array.FindIndex(list[known[sha]].Parents, p => list[p].Sha == from), diff));
        }

        // 2. One pass over the patches, a commit at a time.
        var result = git.Stream(root, [.. DiffOptions, "log", "--reverse", "--topo-order", "-m", "--no-show-signature", "--no-decorate", "--pretty=oneline", "--parents", .. PatchOptions, "HEAD"], line =>
        {
            cancellation.ThrowIfCancellationRequested();
            if (reader is null)
            {
                Begin();
            }

            reader!.Line(line);
        });
        if (reader is null)
        {
            Begin();
        }

        reader!.Finish();
        if (!result.Ok)
        {
            throw new GitException($"git log -p failed: {result.FirstErrorLine}");
        }

        return new HistoryBlame(commits!, index!, ignored!, replay!.Finish());
    }

    private static (List<HistoryCommit> Commits, Dictionary<string, int> Index) ReadCommits(GitResult list)
    {
        if (!list.Ok)
        {
            throw new GitException($"git log failed: {list.FirstErrorLine}");
        }

        var commits = new List<HistoryCommit>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\0');
            if (fields.Length < 4)
            {
                continue;
            }

            var parents = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => index.TryGetValue(p, out var i) ? i : -1)
                .ToArray();
            if (parents.Contains(-1))
            {
                throw new GitException($"git log listed commit {fields[0]} before its parent");
            }

            var at = long.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : DateTimeOffset.UnixEpoch;
            index[fields[0]] = commits.Count;
            commits.Add(new HistoryCommit(fields[0], parents, fields[2].Trim().ToLowerInvariant(), at));
        }

        return (commits, index);
    }

    /// <summary>The diff options of the replay, for <c>git diff HEAD</c> at the work tree.</summary>
    public static IEnumerable<string> WorkTreeDiff() => [.. DiffOptions, "diff", .. PatchOptions, "HEAD"];

    /// <summary>
    /// The file at the work tree, from its state at HEAD and the work tree's diff against HEAD:
    /// lines the diff leaves unchanged keep their commit, the others are <see cref="NotCommitted"/>.
    /// Null when blame would look for a rename (a file new since HEAD) or cannot be followed.
    /// </summary>
    public FileLines? AtWorkTree(string path, ParentDiff workTree)
    {
        ArgumentNullException.ThrowIfNull(workTree);
        var entry = workTree.ForNewPath(path);
        Head.TryGetValue(path, out var head);
        if (entry is null)
        {
            return head;
        }

        if (entry.Status != 'M' || head?.Lines is null || entry.Binary || workTree.Unmatched)
        {
            return null;
        }

        var lines = new int[NewLength(head.Lines.Length, entry.Hunks)];
        Array.Fill(lines, -1);
        PassUnchanged(lines, head.Lines, entry.Hunks);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] < 0)
            {
                lines[i] = NotCommitted;
            }
        }

        return head with { Lines = lines };
    }

    /// <summary>
    /// Asks git how it follows each path of <paramref name="questions"/> alone at its commit
    /// (<c>git log -1 --follow</c>, the rename search blame makes), <paramref name="parallelism"/>
    /// at a time; returns the questions whose answer is the log's.
    /// </summary>
    public IReadOnlySet<RenameQuestion> Confirm(GitRunner git, string root, IEnumerable<RenameQuestion> questions, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(git);
        var confirmed = new System.Collections.Concurrent.ConcurrentDictionary<RenameQuestion, bool>();
        Parallel.ForEach(questions.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, question =>
        {
            var result = git.Run(root, [.. DiffOptions, "log", "-1", "-m", "--follow", "-M", "--raw", "--no-abbrev", "--format=", "--no-show-signature", commits[question.Commit].Sha, "--", question.Path]);
            if (!result.Ok)
            {
                return;
            }

            var answer = PatchStream.ReadDiff(result.Output).ForNewPath(question.Path);
            var same = answer is not null && (question.Source is null
                ? answer.Status == 'A'
                : answer.Status is 'R' or 'C' && string.Equals(answer.OldPath, question.Source, StringComparison.Ordinal));
            if (same)
            {
                confirmed[question] = true;
            }
        });
        return confirmed.Keys.ToHashSet();
    }

    /// <summary>The commit index of a line changed in the work tree and not committed.</summary>
    public const int NotCommitted = -2;

    public bool IsIgnored(int commit) => ignored.Contains(commit);

    private static int NewLength(int oldLength, List<Hunk> hunks)
    {
        var length = oldLength;
        foreach (var hunk in hunks)
        {
            length += hunk.NewCount - hunk.OldCount;
        }

        return length;
    }

    /// <summary>Gives every line of <paramref name="target"/> that the diff from
    /// <paramref name="parent"/> leaves unchanged, and that has no commit yet (-1), the parent's
    /// commit of that line. Returns false when the hunks do not fit the parent's length.</summary>
    private static bool PassUnchanged(int[] target, int[] parent, List<Hunk> hunks)
    {
        var oldAt = 0;
        var newAt = 0;
        foreach (var hunk in hunks)
        {
            if (!Copy(hunk.OldFirst - oldAt))
            {
                return false;
            }

            oldAt = hunk.OldFirst + hunk.OldCount;
            newAt = hunk.NewFirst + hunk.NewCount;
        }

        return Copy(parent.Length - oldAt) && newAt + (parent.Length - oldAt) == target.Length;

        bool Copy(int count)
        {
            if (count < 0 || oldAt + count > parent.Length || newAt + count > target.Length)
            {
                return false;
            }

            for (var i = 0; i < count; i++)
            {
                if (target[newAt + i] == -1)
                {
                    target[newAt + i] = parent[oldAt + i];
                }
            }

            return true;
        }
    }

    /// <summary>The forward replay: a snapshot of the files at each commit whose children are still to come.</summary>
    private sealed class Replayer(List<HistoryCommit> commits, HashSet<int> ignored)
    {
        private static readonly ImmutableDictionary<string, FileLines> Empty = ImmutableDictionary.Create<string, FileLines>(StringComparer.Ordinal);

        private readonly Dictionary<int, ImmutableDictionary<string, FileLines>> snapshots = [];
        private readonly int[] childrenLeft = Children(commits);
        private readonly Dictionary<int, ParentDiff> pending = [];
        private int current = -1;
        private int next;

        public void Add(int commit, int parent, ParentDiff diff)
        {
            if (commit != current)
            {
                Flush(commit);
                current = commit;
            }

            if (parent >= 0)
            {
                pending.TryAdd(parent, diff);
            }
        }

        public ImmutableDictionary<string, FileLines> Finish()
        {
            Flush(commits.Count);
            return commits.Count == 0 ? Empty : snapshots[commits.Count - 1];
        }

        private static int[] Children(List<HistoryCommit> commits)
        {
            var children = new int[commits.Count];
            foreach (var commit in commits)
            {
                foreach (var parent in commit.Parents)
                {
                    children[parent]++;
                }
            }

            return children;
        }

        /// <summary>Processes every commit before <paramref name="upTo"/> not processed yet (the
        /// one with pending diffs, and those git printed no diff for).</summary>
        private void Flush(int upTo)
        {
            while (next < upTo && next < commits.Count)
            {
                var commit = next++;
                var diffs = commit == current ? new Dictionary<int, ParentDiff>(pending) : [];
                if (commit == current)
                {
                    pending.Clear();
                }

                snapshots[commit] = Apply(commit, diffs);
                foreach (var parent in commits[commit].Parents)
                {
                    if (--childrenLeft[parent] == 0 && parent != commits.Count - 1)
                    {
                        snapshots.Remove(parent);
                    }
                }
            }
        }

        private ImmutableDictionary<string, FileLines> Apply(int commit, Dictionary<int, ParentDiff> diffs)
        {
            var parents = commits[commit].Parents;
            var first = parents.Length == 0 ? Empty : snapshots[parents[0]];
            // A root commit's diff is printed as against no parent; a commit identical to its
            // first parent has no diff against it.
            if (!diffs.TryGetValue(0, out var diff))
            {
                return first;
            }

            var files = first.ToBuilder();
            foreach (var entry in diff.Entries)
            {
                if (entry.Status is 'D' or 'R')
                {
                    files.Remove(entry.OldPath);
                }
            }

            foreach (var entry in diff.Entries)
            {
                if (entry.Status != 'D')
                {
                    files[entry.NewPath] = Blame(commit, entry, diffs);
                }
            }

            return files.ToImmutable();
        }

        /// <summary>The lines of one file the commit changed against its first parent, as blame.c's
        /// pass_blame gives them: two passes over the parents to find where the file was in each
        /// (same path, then rename), the whole file to the first parent with the same blob, else
        /// the unchanged lines to each parent in turn.</summary>
        private FileLines Blame(int commit, DiffEntry changed, Dictionary<int, ParentDiff> diffs)
        {
            var parents = commits[commit].Parents;
            var path = changed.NewPath;
            var blob = changed.NewBlob;
            var origins = new (FileLines File, List<Hunk> Hunks, string Blob, bool SamePath)?[parents.Length];
            var doubtful = changed.Binary;
            var questions = ImmutableHashSet<RenameQuestion>.Empty;
            var deferred = new bool[parents.Length];
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < parents.Length; i++)
                {
                    if (origins[i] is not null)
                    {
                        continue;
                    }

                    var snapshot = snapshots[parents[i]];
                    var diff = diffs.GetValueOrDefault(i);
                    var entry = diff?.ForNewPath(path);
                    FileLines? file;
                    string originBlob;
                    if (pass == 0)
                    {
                        if (entry is null)
                        {
                            // Not in this parent's diff: the same blob at the same path.
                            return snapshot.TryGetValue(path, out var whole) ? whole : new FileLines(blob, null, commit, true);
                        }

                        if (entry.Status != 'M' || !snapshot.TryGetValue(path, out file))
                        {
                            continue;
                        }

                        originBlob = entry.OldBlob;
                    }
                    else
                    {
                        if (diff!.RenameAmbiguous(entry!))
                        {
                            // Git can say how it follows this path alone from the first parent
                            // (git log --follow shows a merge's diff against that parent only).
                            if (i == 0 && !diff.Unmatched && entry!.Status is 'A' or 'R')
                            {
                                questions = questions.Add(new RenameQuestion(commit, path, entry.Status == 'R' ? entry.OldPath : null));
                            }
                            else if (i > 0 && !diff.Unmatched && !diff.Entries.Any(e => e.Status is 'D' or 'R' && string.Equals(e.OldBlob, blob, StringComparison.Ordinal)))
                            {
                                // A later parent only gets the lines the earlier ones left: the
                                // doubt counts only if some are left when its turn comes.
                                deferred[i] = true;
                            }
                            else
                            {
                                doubtful = true;
                            }
                        }

                        if (entry!.Status is not ('R' or 'C') || !snapshot.TryGetValue(entry.OldPath, out file))
                        {
                            continue;
                        }

                        originBlob = entry.OldBlob;
                    }

                    if (string.Equals(originBlob, blob, StringComparison.Ordinal))
                    {
                        // The whole file, renamed: it was added at this path by this commit.
                        return file with { Added = pass == 0 ? file.Added : commit, Doubtful = file.Doubtful || doubtful, Questions = file.Questions.Union(questions) };
                    }

                    var same = false;
                    for (var j = 0; j < i && !same; j++)
                    {
                        same = origins[j] is { } earlier && string.Equals(earlier.Blob, originBlob, StringComparison.Ordinal);
                    }

                    if (!same)
                    {
                        origins[i] = (file, entry.Hunks, originBlob, pass == 0);
                    }
                }
            }

            // The length of the new file: from any parent's version and its hunks, else from the
            // hunks of the file's creation.
            var length = -1;
            foreach (var origin in origins)
            {
                if (origin is { File.Lines: { } lines })
                {
                    length = NewLength(lines.Length, origin.Value.Hunks);
                    break;
                }
            }

            if (length < 0)
            {
                length = changed.Status is 'A' ? changed.Hunks.Sum(h => h.NewCount) : 0;
                doubtful |= changed.Status is not 'A' && origins.Any(o => o is not null);
            }

            var result = new int[Math.Max(length, 0)];
            Array.Fill(result, -1);
            var added = commit;
            var addedSet = false;
            for (var i = 0; i < origins.Length; i++)
            {
                doubtful |= deferred[i] && Array.IndexOf(result, -1) >= 0;
                if (origins[i] is not { } o)
                {
                    continue;
                }

                if (!addedSet && o.SamePath)
                {
                    added = o.File.Added;
                    addedSet = true;
                }

                var fits = o.File.Lines is not null && PassUnchanged(result, o.File.Lines, o.Hunks);
                questions = questions.Union(o.File.Questions);
                doubtful |= o.File.Doubtful || o.File.Lines is null
                    || (ignored.Contains(commit) && o.Hunks.Any(h => h.NewCount > 0))
                    || !fits;
            }

            for (var i = 0; i < result.Length; i++)
            {
                if (result[i] == -1)
                {
                    result[i] = commit;
                }
            }

            return new FileLines(blob, changed.Binary ? null : result, added, doubtful || changed.Binary, questions);
        }
    }
}
