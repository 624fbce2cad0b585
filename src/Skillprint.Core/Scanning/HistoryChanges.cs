namespace Skillprint.Core.Scanning;

/// <summary>How the history moved since a repository's last scan.</summary>
public enum HistoryStep
{
    /// <summary>HEAD is where it was: no file's attribution changed.</summary>
    Same,

    /// <summary>HEAD went forward from the last scan's commit along its first parents: only the
    /// files <see cref="HistoryChanges.Touched"/> names can have other authors.</summary>
    Forward,

    /// <summary>Anything else (a rebase or force-push, the last commit gone, a merge that put the
    /// last scan's commit off the first-parent line, a changed .mailmap or
    /// .git-blame-ignore-revs): every file is attributed again.</summary>
    Whole,
}

/// <summary>
/// What the commits since a repository's last scan can have changed in who wrote its lines.
/// When HEAD went forward along first parents from the last scan's commit OLD, a file that no
/// commit of that line changed against its first parent has exactly the blame it had at OLD: git
/// blame hands a file equal to its first parent's wholly to that parent, down to OLD. So only
/// the paths those commits touch (<see cref="Touched"/>) need attributing again. A rename that
/// keeps the content (git's R100, not of an empty file) hands every line on too, so its new path
/// is not touched unless its old one was; the scan moves such a file's stored hits, from
/// <see cref="RenamedFrom"/>.
/// </summary>
public sealed record HistoryChanges(HistoryStep Step, IReadOnlySet<string> Touched, IReadOnlyDictionary<string, string> RenamedFrom, string? Reason)
{
    /// <summary>The blob ids of an empty file (SHA-1 and SHA-256 repositories): a hit in an empty
    /// file belongs to whoever added it at its path, so renaming one changes its credit.</summary>
    private static readonly HashSet<string> EmptyBlobs = new(StringComparer.Ordinal)
    {
        "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
        "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813",
    };

    public static HistoryChanges Unchanged { get; } = new(HistoryStep.Same, new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), null);

    /// <summary>A file that no commit since the last scan touched keeps its stored attribution.</summary>
    public bool Keeps(string path) => Step != HistoryStep.Whole && !Touched.Contains(path);

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static HistoryChanges WholeBecause(string reason) =>
        new(HistoryStep.Whole, new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), reason);

    /// <summary>What changed between the last scan's commit <paramref name="old"/> and
    /// <paramref name="head"/> (either null: before the first commit, or outside git).</summary>
    public static HistoryChanges Since(GitRunner git, string root, string? old, string? head)
    {
        ArgumentNullException.ThrowIfNull(git);
        if (string.Equals(old, head, StringComparison.Ordinal))
        {
            return Unchanged;
        }

        if (old is null || head is null)
        {
            return WholeBecause(old is null ? "the last scan was before the first commit" : "the repository has no commit now");
        }

        try
        {
            if (!git.Run(root, "cat-file", "-e", old + "^{commit}").Ok)
            {
                return WholeBecause($"the last scan's commit {Short(old)} is gone");
            }

            if (!git.Run(root, "merge-base", "--is-ancestor", old, head).Ok)
            {
                return WholeBecause($"the last scan's commit {Short(old)} is no longer in the history (rebased or force-pushed)");
            }

            // The first-parent line from HEAD must reach OLD itself.
            var line = git.Run(root, "rev-list", "--first-parent", "--parents", head, "^" + old);
            var last = line.Ok ? line.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() : null;
            if (last is null || last.Split(' ') is not [_, var firstParent, ..] || !string.Equals(firstParent, old, StringComparison.Ordinal))
            {
                return WholeBecause($"the last scan's commit {Short(old)} is not on HEAD's first-parent line");
            }

            var dirty = git.Run(root, "status", "--porcelain", "--", ".mailmap", Attribution.IgnoreRevsFile);
            if (!dirty.Ok || dirty.Output.Length > 0)
            {
                return WholeBecause(".mailmap or .git-blame-ignore-revs has changes not committed");
            }

            return Touching(git, root, old, head);
        }
        catch (GitException error)
        {
            return WholeBecause(error.Message);
        }
    }

    /// <summary>The paths the commits of HEAD's first-parent line down to OLD change against their
    /// first parent, oldest first (<c>git log --first-parent --raw -M</c>, the replay's rename
    /// detection). A side branch merged in counts through its merge's diff: blame from HEAD hands a
    /// file its merge did not change to the first parent, and never visits the branch.</summary>
    private static HistoryChanges Touching(GitRunner git, string root, string old, string head)
    {
        var diffs = new List<ParentDiff>();
        var reader = new PatchStream(_ => 0, (_, _, diff) => diffs.Add(diff));
        var result = git.Stream(
            root,
            [.. HistoryBlame.DiffOptions, "log", "--reverse", "--first-parent", "--diff-merges=first-parent", "--no-show-signature", "--format=%H", "--raw", "-M", "--no-abbrev", head, "^" + old],
            bytes => reader.Line(bytes));
        reader.Finish();
        if (!result.Ok)
        {
            return WholeBecause($"git log failed: {result.FirstErrorLine}");
        }

        var touched = new HashSet<string>(StringComparer.Ordinal);
        var renamedFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in diffs.SelectMany(d => d.Entries))
        {
            var keepsLines = entry.Status == 'R' && entry.SameContent && !EmptyBlobs.Contains(entry.NewBlob);
            if (keepsLines && !touched.Contains(entry.OldPath))
            {
                renamedFrom[entry.NewPath] = renamedFrom.GetValueOrDefault(entry.OldPath, entry.OldPath);
                continue;
            }

            touched.Add(entry.OldPath);
            touched.Add(entry.NewPath);
        }

        foreach (var path in touched)
        {
            renamedFrom.Remove(path);
        }

        if (touched.Contains(".mailmap") || touched.Contains(Attribution.IgnoreRevsFile) || renamedFrom.ContainsKey(".mailmap") || renamedFrom.ContainsKey(Attribution.IgnoreRevsFile))
        {
            return WholeBecause(".mailmap or .git-blame-ignore-revs changed");
        }

        return new HistoryChanges(HistoryStep.Forward, touched, renamedFrom, null);
    }
}
