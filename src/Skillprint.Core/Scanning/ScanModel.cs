namespace Skillprint.Core.Scanning;

/// <summary>How a repository's files are found: <c>git ls-files</c>, or a walk of a folder.</summary>
public enum RepositoryKind
{
    Git,
    Folder,
}

/// <summary>A scanned repository: its absolute root (the git work tree or the folder), its name
/// (the remote's owner/name when it has a remote, else the root folder's name) and, for git, the
/// URL of its <c>origin</c> remote and its first commit (the oldest root commit of HEAD).</summary>
public sealed record RepositoryInfo(string Root, string Name, RepositoryKind Kind, string? Remote, string? RootCommit = null)
{
    /// <summary>What the repository is, wherever it sits: a git repository with commits by its
    /// first commit and its remote (so a clone moved, or scanned by another path, is the same one;
    /// a fork with another remote is another), anything else by its path.</summary>
    public string Identity => RootCommit is { } commit
        ? $"git:{commit}{(Remote is null ? "" : " " + RepositoryNames.NormalizeRemote(Remote))}"
        : $"path:{Root}";
}

/// <summary>How repositories are named and their remotes compared.</summary>
public static class RepositoryNames
{
    /// <summary>A remote URL without what varies between clones of one repository: the scheme, the
    /// user, a trailing ".git" or slash, the case of the host ("git@github.com:Org/Proj.git" and
    /// "https://github.com/Org/Proj" give "github.com/Org/Proj").</summary>
    public static string NormalizeRemote(string remote)
    {
        var text = remote.Trim().TrimEnd('/');
        if (text.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4];
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }
        else if (text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !text[..colon].Contains('/', StringComparison.Ordinal))
        {
            text = text[..colon] + "/" + text[(colon + 1)..]; // scp-like: git@host:owner/name
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (at >= 0 && (slash < 0 || at < slash))
        {
            text = text[(at + 1)..];
        }

        slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? text : text[..slash];
        var port = host.IndexOf(':', StringComparison.Ordinal);
        if (port >= 0)
        {
            host = host[..port];
        }

        return (host.ToLowerInvariant() + (slash < 0 ? "" : text[slash..])).TrimEnd('/');
    }

    /// <summary>The owner/name of a remote ("github.com/pallets/click" gives "pallets/click"); null
    /// for a remote without two path parts (a local path with one folder, say).</summary>
    public static string? OwnerAndName(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote))
        {
            return null;
        }

        var parts = NormalizeRemote(remote).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 ? $"{parts[^2]}/{parts[^1]}" : null;
    }
}

/// <summary>Who wrote a line and when: the author's email (lower case, .mailmap applied), the
/// commit (null outside git and for lines not committed yet) and the author date.</summary>
public sealed record LineAuthor(string Email, string? Commit, DateTimeOffset At);

/// <summary>A hit as the store keeps it: the skill with its topic, the lines, the snippet and who
/// wrote the line (null when that could not be found out).</summary>
public sealed record ScannedHit(string Topic, string Skill, int Line, int EndLine, string Snippet, LineAuthor? Author);

/// <summary>A file of a repository as last scanned: path relative to the root ('/' separated),
/// SHA-256 of its content (lower-case hex), size in bytes, and its hits.</summary>
public sealed record ScannedFile(string Path, string Hash, long Size, IReadOnlyList<ScannedHit> Hits);

/// <summary>
/// What the store holds for a repository after its last complete scan: the framework and rules
/// fingerprint that scan used, and its files with their hits. <see cref="Empty"/> for a repository
/// never scanned.
/// </summary>
public sealed record RepositoryState(string? Framework, string? RulesHash, IReadOnlyDictionary<string, ScannedFile> Files)
{
    public static RepositoryState Empty { get; } = new(null, null, new Dictionary<string, ScannedFile>(StringComparer.Ordinal));

    /// <summary>The commit HEAD was at when that scan ran (null outside git, or before the first
    /// commit): a rescan re-attributes only what the commits since then touched.</summary>
    public string? HeadCommit { get; init; }
}

/// <summary>How a file differs from the last complete scan.</summary>
public enum FileChange
{
    /// <summary>A path the last scan did not have.</summary>
    New,

    /// <summary>The same path with other content (or any file, when every hit is replaced).</summary>
    Changed,

    /// <summary>The same content as a file of the last scan whose path is gone: its hits move.</summary>
    Renamed,
}

/// <summary>One file to write: what it is now, how it changed, and where it was before a rename.</summary>
public sealed record FileUpdate(ScannedFile File, FileChange Change, string? RenamedFrom = null);

/// <summary>The counts a scan row keeps.</summary>
public sealed record ScanCounts(int FilesSeen, int FilesParsed, int FilesSkipped, int ParseErrors);

/// <summary>
/// Everything one scan of a repository writes, in one transaction. With <see cref="ReplaceAll"/>
/// (the framework or its rules changed since the last scan) every stored file and hit of the
/// repository is replaced by <see cref="Updates"/>; otherwise files not named in
/// <see cref="Updates"/> or <see cref="Deleted"/> keep their rows.
/// </summary>
public sealed record ScanWrite(
    bool ReplaceAll,
    IReadOnlyList<FileUpdate> Updates,
    IReadOnlyList<string> Deleted,
    ScanCounts Counts);

/// <summary>
/// The store as the scanner needs it (implemented by Skillprint.Store). A scan is begun (a row in
/// state 'running'), then completed in one transaction that writes every change, so a scan killed
/// at any moment leaves the previous complete state.
/// </summary>
public interface IScanStore
{
    /// <summary>The repository's state after its last complete scan (empty when never scanned).</summary>
    RepositoryState LoadState(RepositoryInfo repository);

    /// <summary>The roots of the plain folders (not git repositories) scanned before.</summary>
    IReadOnlyList<string> FolderRoots();

    /// <summary>Records the repository (added or updated) and a running scan; returns the scan's id.
    /// Scans of the repository still 'running' from a killed process become 'failed'.</summary>
    long BeginScan(RepositoryInfo repository, string framework, string rulesHash, string? headCommit, DateTimeOffset at);

    /// <summary>Writes the scan's changes and marks it complete, all in one transaction.</summary>
    void CompleteScan(long scanId, ScanWrite write, DateTimeOffset at);

    /// <summary>Marks a scan failed (nothing of it was written).</summary>
    void FailScan(long scanId, DateTimeOffset at);
}
