using MAB.DotIgnore;

namespace Skillprint.Core.Scanning;

/// <summary>Why a file that a scan wanted to read was left out.</summary>
public enum SkipReason
{
    /// <summary>Bigger than the size limit (<see cref="ScanOptions.MaxFileSize"/>).</summary>
    TooLarge,

    /// <summary>Not text: a NUL byte in its first 8,000 bytes (git's own test).</summary>
    Binary,

    /// <summary>Could not be read (permissions, an I/O error).</summary>
    Unreadable,

    /// <summary>A symbolic link to something outside the repository, or to a folder.</summary>
    SymlinkOutside,

    /// <summary>Tracked by git but not in the work tree.</summary>
    Missing,

    /// <summary>Marked <c>linguist-vendored</c> in .gitattributes: someone else's code, copied in.</summary>
    Vendored,

    /// <summary>Marked <c>linguist-generated</c> in .gitattributes: written by a tool.</summary>
    Generated,

    /// <summary>In a vendor folder (<c>vendor/</c>, <c>_vendor/</c>, <c>third_party/</c>).</summary>
    VendorFolder,

    /// <summary>Matched by the repository's <c>.skillprintignore</c> (gitignore syntax).</summary>
    SkillprintIgnore,

    /// <summary>Matched by a <c>scan --exclude</c> glob.</summary>
    Excluded,
}

public static class SkipReasons
{
    /// <summary>The words a summary prints for a reason.</summary>
    public static string Describe(this SkipReason reason) => reason switch
    {
        SkipReason.TooLarge => "too large",
        SkipReason.Binary => "not text",
        SkipReason.Unreadable => "unreadable",
        SkipReason.SymlinkOutside => "symlink out of the tree",
        SkipReason.Missing => "missing from the work tree",
        SkipReason.Vendored => "vendored (.gitattributes)",
        SkipReason.Generated => "generated (.gitattributes)",
        SkipReason.VendorFolder => "in a vendor folder",
        SkipReason.SkillprintIgnore => "in .skillprintignore",
        SkipReason.Excluded => "excluded by --exclude",
        _ => reason.ToString(),
    };
}

/// <summary>A file to read: its path relative to the repository root ('/' separated), its full
/// path, and its size when it was found.</summary>
public sealed record SourceFile(string Path, string FullPath, long Size);

/// <summary>A file left out, with the reason.</summary>
public sealed record SkippedFile(string Path, SkipReason Reason);

/// <summary>
/// A repository found under a scanned path, with the files to read. For git: the commit checked
/// out (null without commits), whether HEAD is detached and whether the clone is shallow.
/// <see cref="Notes"/> says, for a person, what is unusual about it.
/// </summary>
public sealed record DiscoveredRepository(
    RepositoryInfo Info,
    string? HeadCommit,
    bool DetachedHead,
    bool Shallow,
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<string> Notes)
{
    public bool IsGit => Info.Kind == RepositoryKind.Git;
}

/// <summary>What discovery found under one path: repositories (a folder may hold several git
/// repositories), and problems that stopped it (the path does not exist).</summary>
public sealed record DiscoveryResult(string Path, IReadOnlyList<DiscoveredRepository> Repositories, IReadOnlyList<string> Problems);

/// <summary>What discovery keeps: <see cref="Wanted"/> says which paths (relative, '/'
/// separated) the scan reads; every other file is not even looked at. Of the wanted files, those
/// matching an <see cref="Exclude"/> glob (or in a folder matching one) are left out and counted.
/// <see cref="FolderProjects"/> are the roots of plain folders scanned on their own before: a walk
/// of a folder above one leaves it to its own project (as it does a nested git repository), and a
/// path inside one scans it whole.</summary>
public sealed record DiscoveryOptions(Func<string, bool> Wanted, IReadOnlyCollection<string>? FolderProjects = null)
{
    public IReadOnlyList<string> Exclude { get; init; } = [];
}

/// <summary>
/// Finds the files of the paths a person scans. A git work tree gives the files git tracks
/// (<c>git ls-files</c>); another folder is walked, honouring its .gitignore files, and each git
/// repository inside it is a repository of its own. Both leave out virtual environments,
/// site-packages, node_modules, build output and caches; symbolic links are not followed out of
/// the tree (a link to a file inside it is read as that file).
/// </summary>
public sealed class Discovery(GitRunner git, DiscoveryOptions options)
{
    /// <summary>Folders never scanned: environments, installed packages, build output, caches.</summary>
    /// <summary>Folders that hold someone else's code by convention: left out and counted.</summary>
    public static readonly IReadOnlySet<string> VendorFolders = new HashSet<string>(StringComparer.Ordinal) { "vendor", "_vendor", "third_party" };

    /// <summary>The file, at a repository's root, that lists in gitignore syntax what not to credit.</summary>
    public const string IgnoreFile = ".skillprintignore";

    private readonly IReadOnlyList<Detection.Glob> excludes = [.. options.Exclude.Select(Detection.Glob.Parse)];

    public static readonly IReadOnlySet<string> SkippedFolders = new HashSet<string>(StringComparer.Ordinal)
    {
        ".venv", "venv", "site-packages", "node_modules", "__pycache__", "build", "dist",
        ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".git", ".hg", ".svn", ".eggs",
    };

    public DiscoveryResult Discover(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return new DiscoveryResult(path, [], [$"{path}: is a file; give the folder or repository that holds it"]);
        }

        if (!Directory.Exists(full))
        {
            return new DiscoveryResult(path, [], [$"{path}: no such folder"]);
        }

        var repositories = new List<DiscoveredRepository>();
        var problems = new List<string>();
        var (top, note) = GitTopLevel(full);
        if (top is not null)
        {
            var repository = DiscoverGit(top);
            if (!PathsEqual(top, full))
            {
                repository = repository with { Notes = [$"{path} is inside the git repository {top}: the whole repository is scanned", .. repository.Notes] };
            }

            repositories.Add(repository);
        }
        else if (FolderProjectAbove(full) is { } project)
        {
            Walk(project, repositories, note);
            repositories[0] = repositories[0] with { Notes = [$"{path} is inside the folder {project}, scanned on its own before: the whole folder is scanned", .. repositories[0].Notes] };
        }
        else
        {
            Walk(full, repositories, note);
        }

        return new DiscoveryResult(path, repositories, problems);
    }

    /// <summary>The root of a folder project that holds <paramref name="folder"/> (not the folder itself), or null.</summary>
    private string? FolderProjectAbove(string folder) =>
        options.FolderProjects?
            .Where(root => !PathsEqual(root, folder) && folder.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(root => root.Length)
            .FirstOrDefault();

    /// <summary>The work tree's root when <paramref name="folder"/> is in one; else null, with a
    /// note when git could not tell (not installed, a repository git refuses to read).</summary>
    private (string? Top, string? Note) GitTopLevel(string folder)
    {
        if (!Directory.Exists(Path.Combine(folder, ".git")) && !File.Exists(Path.Combine(folder, ".git")) && !HasGitAbove(folder))
        {
            return (null, null);
        }

        try
        {
            var result = git.Run(folder, "rev-parse", "--show-toplevel");
            if (result.Ok && result.Output.Trim().Length > 0)
            {
                return (Path.GetFullPath(result.Output.Trim()), null);
            }

            return (null, $"git cannot read {folder} ({result.FirstErrorLine}); scanned as a plain folder");
        }
        catch (GitException error)
        {
            return (null, $"{error.Message}; {folder} is scanned as a plain folder");
        }
    }

    private static bool HasGitAbove(string folder)
    {
        for (var dir = Directory.GetParent(folder); dir is not null; dir = dir.Parent)
        {
            var marker = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return true;
            }
        }

        return false;
    }

    private DiscoveredRepository DiscoverGit(string top)
    {
        var notes = new List<string>();
        string? head = null;
        var detached = false;
        var shallow = false;
        string? remote = null;
        var files = new List<SourceFile>();
        var skipped = new List<SkippedFile>();

        var headResult = git.Run(top, "rev-parse", "--verify", "-q", "HEAD");
        if (headResult.Ok)
        {
            head = headResult.Output.Trim();
            detached = !git.Run(top, "symbolic-ref", "-q", "HEAD").Ok;
            if (detached)
            {
                notes.Add($"detached HEAD at {head[..Math.Min(12, head.Length)]}: scanned as checked out");
            }

            shallow = string.Equals(git.Run(top, "rev-parse", "--is-shallow-repository").Output.Trim(), "true", StringComparison.Ordinal);
            if (shallow)
            {
                notes.Add("shallow clone: lines older than its first commit are credited to that commit's author");
            }
        }
        else
        {
            notes.Add("no commits yet: every hit is credited to the default person");
        }

        var remoteResult = git.Run(top, "config", "--get", "remote.origin.url");
        if (remoteResult.Ok && remoteResult.Output.Trim().Length > 0)
        {
            remote = remoteResult.Output.Trim();
        }

        var listed = git.Run(top, "-c", "core.quotepath=off", "ls-files", "-z", "--full-name");
        if (!listed.Ok)
        {
            notes.Add($"git ls-files failed ({listed.FirstErrorLine}): no files scanned");
        }
        else
        {
            var ignore = ReadIgnoreFile(top, notes);
            var wanted = new List<string>();
            foreach (var relative in listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (InSkippedFolder(relative) || !options.Wanted(relative))
                {
                    continue;
                }

                if (LeftOut(relative, ignore) is { } reason)
                {
                    skipped.Add(new SkippedFile(relative, reason));
                    continue;
                }

                wanted.Add(relative);
            }

            var marked = LinguistMarks(top, wanted, notes);
            foreach (var relative in wanted)
            {
                if (marked.TryGetValue(relative, out var reason))
                {
                    skipped.Add(new SkippedFile(relative, reason));
                    continue;
                }

                Consider(top, relative, files, skipped, missingIsSkipped: true);
            }
        }

        string? rootCommit = null;
        if (head is not null)
        {
            // The oldest root commit of HEAD: two clones of one history share it.
            var roots = git.Run(top, "rev-list", "--max-parents=0", "HEAD");
            rootCommit = roots.Ok
                ? roots.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
                : null;
        }

        var info = new RepositoryInfo(top, RepositoryNames.OwnerAndName(remote) ?? NameOf(top), RepositoryKind.Git, remote, rootCommit);
        return new DiscoveredRepository(info, head, detached, shallow, files, skipped, notes);
    }

    /// <summary>Walks a folder that is not in a git work tree, honouring .gitignore files; a git
    /// repository met on the way is discovered on its own.</summary>
    private void Walk(string root, List<DiscoveredRepository> repositories, string? note)
    {
        var files = new List<SourceFile>();
        var skipped = new List<SkippedFile>();
        var notes = new List<string>();
        if (note is not null)
        {
            notes.Add(note);
        }

        var skillprintIgnore = ReadIgnoreFile(root, notes);
        var pending = new Stack<(string Dir, string Relative, IReadOnlyList<(string Base, IgnoreList List)> Ignores)>();
        pending.Push((root, "", []));
        var nestedRepositories = new List<string>();
        while (pending.Count > 0)
        {
            var (dir, relative, ignores) = pending.Pop();
            var gitignore = Path.Combine(dir, ".gitignore");
            if (File.Exists(gitignore))
            {
                try
                {
                    ignores = [.. ignores, (relative, new IgnoreList(gitignore, MatchFlags.PATHNAME))];
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
                {
                    notes.Add($"{Join(relative, ".gitignore")}: cannot be read ({error.Message}); its rules are not applied");
                }
            }

            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir)
                    .EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false })
                    .OrderBy(e => e.Name, StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                notes.Add($"{(relative.Length == 0 ? "." : relative)}: cannot be listed ({error.Message})");
                continue;
            }

            var subfolders = new List<(string, string)>();
            foreach (var entry in entries)
            {
                var entryRelative = Join(relative, entry.Name);
                var isLink = entry.LinkTarget is not null;
                var isDir = entry is DirectoryInfo;
                if (isDir)
                {
                    if (isLink || SkippedFolders.Contains(entry.Name) || File.Exists(Path.Combine(entry.FullName, "pyvenv.cfg"))
                        || IsIgnored(ignores, entryRelative, isDirectory: true))
                    {
                        continue;
                    }

                    var marker = Path.Combine(entry.FullName, ".git");
                    if (Directory.Exists(marker) || File.Exists(marker)
                        || options.FolderProjects?.Any(p => PathsEqual(p, entry.FullName)) == true)
                    {
                        nestedRepositories.Add(entry.FullName);
                        continue;
                    }

                    subfolders.Add((entry.FullName, entryRelative));
                }
                else if (!IsIgnored(ignores, entryRelative, isDirectory: false) && options.Wanted(entryRelative))
                {
                    if (LeftOut(entryRelative, skillprintIgnore) is { } reason)
                    {
                        skipped.Add(new SkippedFile(entryRelative, reason));
                    }
                    else
                    {
                        Consider(root, entryRelative, files, skipped, missingIsSkipped: false);
                    }
                }
            }

            // Pushed in reverse, so folders are visited in name order.
            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push((subfolders[i].Item1, subfolders[i].Item2, ignores));
            }
        }

        // A folder that only holds repositories is not a repository of its own.
        if (files.Count > 0 || skipped.Count > 0 || nestedRepositories.Count == 0)
        {
            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var info = new RepositoryInfo(root, NameOf(root), RepositoryKind.Folder, null);
            repositories.Add(new DiscoveredRepository(info, null, false, false, files, skipped, notes));
        }

        foreach (var nested in nestedRepositories)
        {
            var (top, gitNote) = GitTopLevel(nested);
            if (top is not null && PathsEqual(top, nested))
            {
                repositories.Add(DiscoverGit(top));
            }
            else
            {
                Walk(nested, repositories, gitNote);
            }
        }
    }

    /// <summary>The repository's .skillprintignore, or null when it has none (or it cannot be read: noted).</summary>
    private static IgnoreList? ReadIgnoreFile(string root, List<string> notes)
    {
        var path = Path.Combine(root, IgnoreFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return new IgnoreList(path, MatchFlags.PATHNAME);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            notes.Add($"{IgnoreFile}: cannot be read ({error.Message}); its rules are not applied");
            return null;
        }
    }

    /// <summary>Why a wanted file is not credited to anyone: a vendor folder, the repository's
    /// .skillprintignore, or an --exclude glob (matching the file or a folder above it); null to keep it.</summary>
    private SkipReason? LeftOut(string relative, IgnoreList? ignore)
    {
        var segments = relative.Split('/');
        if (segments[..^1].Any(VendorFolders.Contains))
        {
            return SkipReason.VendorFolder;
        }

        if (ignore is not null && (ignore.IsIgnored(relative, pathIsDirectory: false) || Ancestors(segments).Any(folder => ignore.IsIgnored(folder, pathIsDirectory: true))))
        {
            return SkipReason.SkillprintIgnore;
        }

        if (excludes.Count > 0 && (excludes.Any(glob => glob.IsMatch(segments)) || Ancestors(segments).Any(folder => excludes.Any(glob => glob.IsMatch(folder)))))
        {
            return SkipReason.Excluded;
        }

        return null;
    }

    private static IEnumerable<string> Ancestors(string[] segments)
    {
        for (var i = 1; i < segments.Length; i++)
        {
            yield return string.Join('/', segments[..i]);
        }
    }

    /// <summary>The files .gitattributes marks <c>linguist-vendored</c> or <c>linguist-generated</c>
    /// (git check-attr, in batches so that no command line grows too long).</summary>
    private Dictionary<string, SkipReason> LinguistMarks(string top, IReadOnlyList<string> paths, List<string> notes)
    {
        var marked = new Dictionary<string, SkipReason>(StringComparer.Ordinal);
        if (paths.Count == 0 || !HasAttributes(top))
        {
            return marked;
        }

        foreach (var batch in paths.Chunk(200))
        {
            var result = git.Run(top, ["-c", "core.quotepath=off", "check-attr", "-z", "linguist-vendored", "linguist-generated", "--", .. batch]);
            if (!result.Ok)
            {
                notes.Add($"git check-attr failed ({result.FirstErrorLine}): .gitattributes' linguist marks are not applied");
                return marked;
            }

            var fields = result.Output.Split('\0');
            for (var i = 0; i + 2 < fields.Length; i += 3)
            {
                var (path, attribute, value) = (fields[i], fields[i + 1], fields[i + 2]);
                if (value is "set" or "true" && !marked.ContainsKey(path))
                {
                    marked[path] = attribute == "linguist-vendored" ? SkipReason.Vendored : SkipReason.Generated;
                }
            }
        }

        return marked;
    }

    private static bool HasAttributes(string top) =>
        File.Exists(Path.Combine(top, ".gitattributes")) || Directory.EnumerateFiles(top, ".gitattributes", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 6 }).Any();

    /// <summary>Adds a wanted file to the files, or to the skipped ones with its reason.</summary>
    private void Consider(string root, string relative, List<SourceFile> files, List<SkippedFile> skipped, bool missingIsSkipped)
    {
        var full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        FileInfo info;
        try
        {
            info = new FileInfo(full);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists || target is not FileInfo targetFile || !IsInside(root, target.FullName))
                {
                    skipped.Add(new SkippedFile(relative, SkipReason.SymlinkOutside));
                    return;
                }

                info = targetFile;
            }

            if (!info.Exists)
            {
                if (missingIsSkipped && !Directory.Exists(full))
                {
                    skipped.Add(new SkippedFile(relative, SkipReason.Missing));
                }

                return;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new SkippedFile(relative, SkipReason.Unreadable));
            return;
        }

        files.Add(new SourceFile(relative, full, info.Length));
    }

    private static bool IsIgnored(IReadOnlyList<(string Base, IgnoreList List)> ignores, string relative, bool isDirectory)
    {
        foreach (var (baseDir, list) in ignores)
        {
            var local = baseDir.Length == 0 ? relative : relative[(baseDir.Length + 1)..];
            if (list.IsIgnored(local, isDirectory))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InSkippedFolder(string relative)
    {
        var segments = relative.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (SkippedFolders.Contains(segments[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInside(string root, string path)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(rootFull, StringComparison.Ordinal);
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    private static string Join(string relative, string name) => relative.Length == 0 ? name : relative + "/" + name;

    private static string NameOf(string root) => Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) is { Length: > 0 } name ? name : root;
}
