using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Skillprint.Core.Detection;
using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Scanning;

/// <summary>How a scan runs.</summary>
/// <param name="DefaultPerson">Who wrote code outside git (and lines not committed yet): the
/// default person's email.</param>
/// <param name="MaxFileSize">Python and config files bigger than this are skipped and counted.</param>
/// <param name="Parallelism">Files read and parsed at once; all cores by default.</param>
public sealed record ScanOptions(string DefaultPerson, long MaxFileSize = ScanOptions.DefaultMaxFileSize, int? Parallelism = null)
{
    public const long DefaultMaxFileSize = 5 * 1024 * 1024;

    /// <summary>Globs of paths (files or folders, relative to each repository) left out of the scan.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Up to this many files to attribute, and at most <see cref="BlameFilesShare"/> of
    /// the repository's files, each is asked of git blame; more, and the whole history is replayed once for all
    /// (<see cref="Attribution.BlameFilesAtMost"/>). Each git blame walks its file's history, the
    /// replay every file's once: on pallets/click (101 files) git blame of the 9 files its last 10
    /// commits touch cost less than the replay, on a generated history of 40 files that each
    /// commit appends to, git blame of 10 of them cost more (docs/performance.md).</summary>
    public int BlameFilesAtMost { get; init; } = 16;

    /// <summary>The share of a repository's files up to which its files are asked of git blame
    /// one by one (<see cref="BlameFilesAtMost"/>): a tenth.</summary>
    public double BlameFilesShare { get; init; } = 0.1;
}

/// <summary>Where a scan is: the repository, the stage ("reading", "parsing", "attributing"),
/// and how many of the stage's items are done.</summary>
public readonly record struct ScanProgress(string Repository, string Stage, int Done, int Total);

/// <summary>A file whose text has problems (a syntax error, undecodable bytes, invalid TOML): its
/// first problem, and how many it has. Its valid parts still count.</summary>
public sealed record FileProblem(string Path, int Line, int Column, string Message, int Count);

/// <summary>What the scan of one repository did.</summary>
/// <param name="FilesSeen">Files read (Python, config, and files the rules name).</param>
/// <param name="FilesParsed">Files run through detection in this scan (new or changed).</param>
/// <param name="FilesReused">Files unchanged since the last scan: their stored hits were kept.</param>
/// <param name="FilesRenamed">Files whose content moved to a new path: their hits moved with it.</param>
/// <param name="FilesDeleted">Files of the last scan that are gone: their hits were dropped.</param>
/// <param name="HitsPerTopic">Hits of the repository after the scan, by topic id.</param>
/// <param name="Failure">Why nothing of this scan was written, or null when it was.</param>
public sealed record RepositoryReport(
    RepositoryInfo Repository,
    string? HeadCommit,
    int FilesSeen,
    int FilesParsed,
    int FilesReused,
    int FilesRenamed,
    int FilesDeleted,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<FileProblem> Problems,
    IReadOnlyDictionary<string, int> HitsPerTopic,
    IReadOnlyList<string> Notes,
    TimeSpan Elapsed,
    string? Failure)
{
    public int HitCount => HitsPerTopic.Values.Sum();
}

/// <summary>What a whole scan did: one report per repository found, and the paths that could not
/// be scanned at all (with why).</summary>
public sealed record ScanReport(IReadOnlyList<RepositoryReport> Repositories, IReadOnlyList<string> Problems, TimeSpan Elapsed);

/// <summary>
/// The scan pipeline (architecture.md, "The flow of one scan"): discovery, then per repository
/// hashing of every file, detection of the new and changed ones in parallel, attribution of their
/// hits, and one write. A file whose content hash is unchanged since the repository's last
/// complete scan (with the same framework and rules) keeps its stored hits without being parsed,
/// unless a commit since that scan touched it (<see cref="HistoryChanges"/>: then it is detected
/// and attributed again, and after a rewritten history every file is); a file whose content
/// reappears under a new path moves its hits; a file that is gone drops them.
/// </summary>
public sealed class Scanner
{
    private readonly CompiledRules rules;
    private readonly IScanStore store;
    private readonly GitRunner git;
    private readonly ScanOptions options;
    private readonly TimeProvider time;
    private readonly Attribution attribution;
    private readonly Dictionary<string, string> topicOfSkill;

    public Scanner(CompiledRules rules, IScanStore store, GitRunner git, ScanOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(options);
        this.rules = rules;
        this.store = store;
        this.git = git;
        this.options = options;
        this.time = time ?? TimeProvider.System;
        attribution = new Attribution(git, options.DefaultPerson, this.time);
        topicOfSkill = rules.Framework.Skills.ToDictionary(s => s.Id, s => s.Topic, StringComparer.Ordinal);
        RulesHash = Fingerprint(rules.Framework);
    }

    /// <summary>The fingerprint of the framework's rules and of this build's detection code.</summary>
    public string RulesHash { get; }

    private int Parallelism => options.Parallelism ?? Environment.ProcessorCount;

    /// <summary>Scans every path in turn; a path that cannot be scanned is reported and the others go on.</summary>
    public ScanReport Scan(IEnumerable<string> paths, IProgress<ScanProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var reports = new List<RepositoryReport>();
        var problems = new List<string>();
        var discovery = new Discovery(git, new DiscoveryOptions(IsWanted, store.FolderRoots()) { Exclude = options.Exclude });
        foreach (var path in paths)
        {
            cancellation.ThrowIfCancellationRequested();
            DiscoveryResult found;
            try
            {
                found = discovery.Discover(path);
            }
            catch (GitException error)
            {
                problems.Add($"{path}: {error.Message}");
                continue;
            }

            problems.AddRange(found.Problems);
            foreach (var repository in found.Repositories)
            {
                reports.Add(ScanRepository(repository, progress, cancellation));
            }
        }

        return new ScanReport(reports, problems, clock.Elapsed);
    }

    /// <summary>True for the paths a scan reads: Python files, config files some rule reads, and
    /// files some <c>files</c> rule names.</summary>
    public bool IsWanted(string relativePath) =>
        Detector.IsPythonFile(relativePath) || rules.IsConfigFile(relativePath) || rules.DetectFile(relativePath).Count > 0;

    /// <summary>Scans one discovered repository and writes the result (or nothing, on failure).</summary>
    public RepositoryReport ScanRepository(DiscoveredRepository repository, IProgress<ScanProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var name = repository.Info.Name;
        var notes = new List<string>(repository.Notes);
        long scanId;
        RepositoryState state;
        try
        {
            state = store.LoadState(repository.Info);
            scanId = store.BeginScan(repository.Info, rules.Framework.Id, RulesHash, repository.HeadCommit, time.GetUtcNow());
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return Failed(repository, notes, clock, error.Message);
        }

        try
        {
            var replaceAll = !string.Equals(state.Framework, rules.Framework.Id, StringComparison.Ordinal)
                || !string.Equals(state.RulesHash, RulesHash, StringComparison.Ordinal);
            var history = HistorySince(repository, state, notes);
            replaceAll |= history.Step == HistoryStep.Whole;
            var files = repository.Files;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };

            // 1. Read and hash every file; keep the content of those that may need detection.
            var read = new ReadFile[files.Count];
            var done = 0;
            Parallel.For(0, files.Count, parallel, i =>
            {
                read[i] = AgainWhenTouched(Read(files[i], state, replaceAll), history);
                progress?.Report(new ScanProgress(name, "reading", Interlocked.Increment(ref done), files.Count));
            });

            var skipped = new List<SkippedFile>(repository.Skipped);
            skipped.AddRange(read.Where(r => r.Skip is not null).Select(r => new SkippedFile(r.Source.Path, r.Skip!.Value)));
            var present = read.Where(r => r.Skip is null).ToList();
            var presentPaths = present.Select(r => r.Source.Path).ToHashSet(StringComparer.Ordinal);

            // 2. Renames: a new path whose content is that of a path that is gone takes its hits.
            var updates = new List<FileUpdate>();
            var kept = new List<ScannedFile>();
            var toDetect = new List<ReadFile>();
            var goneByHash = replaceAll
                ? []
                : state.Files.Values
                    .Where(f => !presentPaths.Contains(f.Path))
                    .GroupBy(f => f.Hash, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => new Queue<ScannedFile>(g.OrderBy(f => f.Path, StringComparer.Ordinal)), StringComparer.Ordinal);
            var renamedFrom = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in present)
            {
                if (file.Unchanged is { } unchanged)
                {
                    kept.Add(unchanged);
                }
                else if (!replaceAll && !state.Files.ContainsKey(file.Source.Path) && history.Keeps(file.Source.Path)
                    && goneByHash.TryGetValue(file.Hash, out var sources) && sources.Count > 0
                    && (history.RenamedFrom.GetValueOrDefault(file.Source.Path) is not { } from || string.Equals(sources.Peek().Path, from, StringComparison.Ordinal)))
                {
                    var source = sources.Dequeue();
                    renamedFrom.Add(source.Path);
                    var moved = new ScannedFile(file.Source.Path, file.Hash, file.Size, [.. source.Hits]);
                    updates.Add(new FileUpdate(moved, FileChange.Renamed, source.Path));
                    kept.Add(moved);
                }
                else
                {
                    toDetect.Add(file);
                }
            }

            var deleted = replaceAll
                ? []
                : state.Files.Keys.Where(p => !presentPaths.Contains(p) && !renamedFrom.Contains(p)).Order(StringComparer.Ordinal).ToList();

            // 3. Detection of new and changed files, in parallel.
            var detected = new (ReadFile File, FileDetection Detection)[toDetect.Count];
            done = 0;
            Parallel.For(0, toDetect.Count, parallel, i =>
            {
                var file = toDetect[i];
                detected[i] = (file with { Content = null }, Detector.Detect(rules, file.Source.Path, file.Content!));
                progress?.Report(new ScanProgress(name, "parsing", Interlocked.Increment(ref done), toDetect.Count));
            });

            var problems = detected
                .Where(d => d.Detection.Diagnostics.Count > 0)
                .Select(d =>
                {
                    var first = d.Detection.Diagnostics[0];
                    return new FileProblem(d.File.Source.Path, first.Line, first.Column + 1, first.Message, d.Detection.Diagnostics.Count);
                })
                .ToList();

            // 4. Attribution of the new hits.
            var attributed = Attribute(repository, state, history, detected, notes, progress, parallel);
            foreach (var (file, hits) in attributed)
            {
                var scanned = new ScannedFile(file.Source.Path, file.Hash, file.Size, hits);
                var change = state.Files.ContainsKey(file.Source.Path) && !replaceAll ? FileChange.Changed : FileChange.New;
                updates.Add(new FileUpdate(scanned, change));
                kept.Add(scanned);
            }

            // 5. One write for the whole repository.
            var counts = new ScanCounts(present.Count, toDetect.Count, skipped.Count, problems.Count);
            store.CompleteScan(scanId, new ScanWrite(replaceAll, updates, deleted, counts), time.GetUtcNow());

            var perTopic = kept
                .SelectMany(f => f.Hits)
                .GroupBy(h => h.Topic, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new RepositoryReport(
                repository.Info,
                repository.HeadCommit,
                present.Count,
                toDetect.Count,
                present.Count - toDetect.Count - renamedFrom.Count,
                renamedFrom.Count,
                deleted.Count,
                skipped,
                problems,
                perTopic,
                notes,
                clock.Elapsed,
                null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            try
            {
                store.FailScan(scanId, time.GetUtcNow());
            }
            catch (Exception)
            {
                // The store itself is failing; the first error is the one to report.
            }

            return Failed(repository, notes, clock, error.Message);
        }
    }

    private static RepositoryReport Failed(DiscoveredRepository repository, List<string> notes, Stopwatch clock, string message) =>
        new(repository.Info, repository.HeadCommit, 0, 0, 0, 0, 0, repository.Skipped, [], new Dictionary<string, int>(), notes, clock.Elapsed, message);

    /// <summary>One file read: its hash and size, the stored file when it is unchanged, its content
    /// when it needs detection, or why it was skipped.</summary>
    private sealed record ReadFile(SourceFile Source, string Hash, long Size, ScannedFile? Unchanged, byte[]? Content, SkipReason? Skip);

    private ReadFile Read(SourceFile source, RepositoryState state, bool replaceAll)
    {
        byte[] content;
        var strict = Detector.IsPythonFile(source.Path) || rules.IsConfigFile(source.Path);
        try
        {
            var length = new FileInfo(source.FullPath).Length;
            if (length > options.MaxFileSize)
            {
                if (strict)
                {
                    return new ReadFile(source, "", length, null, null, SkipReason.TooLarge);
                }

                // A file named by a rule (a big lock file) counts by its name: its content is not read.
                return new ReadFile(source, $"size:{length}", length, Reuse(source.Path, $"size:{length}", state, replaceAll), [], null);
            }

            content = File.ReadAllBytes(source.FullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new ReadFile(source, "", 0, null, null, SkipReason.Unreadable);
        }

        if (strict && content.AsSpan(0, Math.Min(content.Length, 8000)).Contains((byte)0))
        {
            return new ReadFile(source, "", content.Length, null, null, SkipReason.Binary);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var unchanged = Reuse(source.Path, hash, state, replaceAll);
        return new ReadFile(source, hash, content.Length, unchanged, unchanged is null ? content : null, null);
    }

    /// <summary>How the history moved since the repository's last scan (<see cref="HistoryChanges"/>);
    /// when every file must be attributed again, a note says why.</summary>
    private HistoryChanges HistorySince(DiscoveredRepository repository, RepositoryState state, List<string> notes)
    {
        if (!repository.IsGit || state.Files.Count == 0)
        {
            return HistoryChanges.Unchanged;
        }

        var history = HistoryChanges.Since(git, repository.Info.Root, state.HeadCommit, repository.HeadCommit);
        if (history.Step == HistoryStep.Whole)
        {
            notes.Add($"every file attributed again: {history.Reason}");
        }

        return history;
    }

    /// <summary>A file the commits since the last scan touched is detected and attributed again,
    /// even with the content it had then (a line deleted and added back has a new author).</summary>
    private static ReadFile AgainWhenTouched(ReadFile file, HistoryChanges history)
    {
        if (file.Unchanged is null || history.Keeps(file.Source.Path))
        {
            return file;
        }

        try
        {
            return file with { Unchanged = null, Content = File.ReadAllBytes(file.Source.FullPath) };
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new ReadFile(file.Source, "", 0, null, null, SkipReason.Unreadable);
        }
    }

    private static ScannedFile? Reuse(string path, string hash, RepositoryState state, bool replaceAll) =>
        !replaceAll && state.Files.TryGetValue(path, out var stored) && string.Equals(stored.Hash, hash, StringComparison.Ordinal)
            ? stored
            : null;

    /// <summary>
    /// The author each new hit is credited to (<see cref="Attribution.Credit"/>: its line's, or for
    /// a hit about a whole function or class, the author of most of its lines): from the stored
    /// state when the same file with the same content had the same skill on the same line (a
    /// rescan with other rules), else as git blame -w has it at the work tree
    /// (<see cref="Attribution.BlameAll"/>: one replay of the history for every file), else (outside git, or before the first commit) the default person, dated by the
    /// file's last change.
    /// </summary>
    private List<(ReadFile File, IReadOnlyList<ScannedHit> Hits)> Attribute(
        DiscoveredRepository repository,
        RepositoryState state,
        HistoryChanges history,
        (ReadFile File, FileDetection Detection)[] detected,
        List<string> notes,
        IProgress<ScanProgress>? progress,
        ParallelOptions parallel)
    {
        // A hit about its own line whose file, content, line and skill a stored hit had keeps that
        // hit's author, unless a commit since touched the file; a hit about a whole function or
        // class is credited afresh.
        var known = new Dictionary<(string Path, string Hash, int Line, string Skill), LineAuthor>();
        foreach (var file in state.Files.Values.Where(f => history.Keeps(f.Path)))
        {
            foreach (var hit in file.Hits)
            {
                if (hit.Author is not null)
                {
                    known.TryAdd((file.Path, file.Hash, hit.Line, hit.Skill), hit.Author);
                }
            }
        }

        LineAuthor? Known(ReadFile file, Hit hit) =>
            hit.NodeEndLine == 0 ? known.GetValueOrDefault((file.Source.Path, file.Hash, hit.Line, hit.SkillId)) : null;

        var useGit = repository.IsGit && repository.HeadCommit is not null;
        var results = new (ReadFile File, IReadOnlyList<ScannedHit> Hits)[detected.Length];
        var problems = new ConcurrentBag<string>();
        var boundaryLines = 0;
        var done = 0;
        var withHits = detected.Count(d => d.Detection.Hits.Count > 0);

        // The lines no stored hit names, of every file, attributed together from one pass over the history.
        var missing = new Dictionary<string, IReadOnlyCollection<int>>(StringComparer.Ordinal);
        foreach (var (file, detection) in detected)
        {
            var lines = detection.Hits
                .Where(h => Known(file, h) is null)
                .SelectMany(h => Attribution.CreditLines(h, detection.BlankLines))
                .Distinct()
                .ToList();
            if (lines.Count > 0 && useGit)
            {
                missing[file.Source.Path] = lines;
            }
        }

        var attributed = missing.Count == 0
            ? new RepositoryAuthors(new Dictionary<string, FileAuthors>(), 0, [])
            : new Attribution(git, options.DefaultPerson, time) { BlameFilesAtMost = Math.Min(options.BlameFilesAtMost, (int)(Math.Max(state.Files.Count, detected.Length) * options.BlameFilesShare)) }
                .BlameAll(repository.Info.Root, missing, parallel.MaxDegreeOfParallelism, parallel.CancellationToken);
        notes.AddRange(attributed.Notes);
        Parallel.For(0, detected.Length, parallel, i =>
        {
            var (file, detection) = detected[i];
            if (detection.Hits.Count == 0)
            {
                results[i] = (file, []);
                return;
            }

            IReadOnlyDictionary<int, LineAuthor> authors = new Dictionary<int, LineAuthor>();
            if (attributed.Files.TryGetValue(file.Source.Path, out var blamed))
            {
                authors = blamed.Authors;
                Interlocked.Add(ref boundaryLines, blamed.BoundaryLines);
                if (blamed.Problem is not null)
                {
                    problems.Add($"{file.Source.Path}: {blamed.Problem}; its hits have no author");
                }
            }

            var fallback = useGit ? null : new LineAuthor(attribution.DefaultPerson, null, LastChange(file.Source.FullPath));
            var hits = detection.Hits
                .Select(h => new ScannedHit(
                    topicOfSkill.GetValueOrDefault(h.SkillId, ""),
                    h.SkillId,
                    h.Line,
                    h.EndLine,
                    h.Snippet,
                    Known(file, h) ?? Attribution.Credit(h, detection.BlankLines, authors) ?? fallback))
                .ToList();
            results[i] = (file, hits);
            progress?.Report(new ScanProgress(repository.Info.Name, "attributing", Interlocked.Increment(ref done), withHits));
        });

        notes.AddRange(problems.Order(StringComparer.Ordinal));
        // Git marks lines of a root commit "boundary" too; only a shallow clone's boundary hides older authors.
        if (boundaryLines > 0 && repository.Shallow)
        {
            notes.Add($"{boundaryLines} hit lines are older than the shallow clone's first commit and credited to its author");
        }

        return [.. results];
    }

    private DateTimeOffset LastChange(string fullPath)
    {
        try
        {
            return new DateTimeOffset(File.GetLastWriteTimeUtc(fullPath), TimeSpan.Zero);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return time.GetUtcNow();
        }
    }

    /// <summary>The location every rule takes in the fingerprint.</summary>
    private static readonly SourceLocation Unplaced = new("", 0, 0);

    /// <summary>
    /// A fingerprint of everything that decides a file's hits: the framework's id, each skill's
    /// id, topic and rules (every field of each rule but its location), and this build of the
    /// detection and parser code. A change in any of them makes the next scan re-detect every file.
    /// </summary>
    public static string Fingerprint(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var text = new StringBuilder();
        text.Append(framework.Id).Append('\n');
        text.Append(typeof(Detector).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        text.Append(typeof(Python.PythonParser).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        foreach (var skill in framework.Skills)
        {
            text.Append(skill.Id).Append('|').Append(skill.Topic).Append('\n');
            foreach (var rule in skill.Rules)
            {
                // The whole record, serialized: a field added to DetectionRule is in the fingerprint
                // without a change here. Only where the rule is written is left out: moving it does
                // not change what it finds.
                text.Append(JsonSerializer.Serialize(rule with { Location = Unplaced })).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
