using System.Data.Common;
using Dapper;
using Skillprint.Core.Audit;
using Skillprint.Core.Repositories;
using Skillprint.Core.Scanning;

using Skillprint.Store.Engines;

namespace Skillprint.Store;

/// <summary>Repositories, scans, files and hits (issue 4): what the scanner writes and what
/// status, evidence lists and export read. A scan is one 'running' row, then one transaction that
/// writes every change of the repository and marks it complete.</summary>
public sealed partial class SkillprintStore : IScanStore, IRepositoryStore
{
    private const string HitColumns =
        """
        h.id AS Id, r.name AS Repository, r.root AS RepositoryRoot, f.path AS Path, h.line AS Line,
        h.end_line AS EndLine, h.framework AS Framework, h.topic AS Topic, h.skill AS Skill,
        h.snippet AS Snippet, h.author_email AS Author, h.commit_id AS CommitId, h.committed_at AS At
        """;

    private const string DismissalJoin =
        """
        LEFT JOIN hit_dismissals AS d ON d.repository_id = r.id AND d.path = f.path
            AND d.framework = h.framework AND d.skill = h.skill AND d.snippet = h.snippet AND d.occurrence = h.occurrence
        """;

    public RepositoryState LoadState(RepositoryInfo repository, bool withHits = true)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return Read(db =>
        {
            var connection = db.Connection;
            if (StoredRepositoryId(db, repository) is not { } id)
            {
                return RepositoryState.Empty;
            }

            var last = connection.QueryFirstOrDefault<(string Framework, string? RulesHash, long? StartedNs, string? HeadCommit)>(
                "SELECT framework, rules_hash, started_ns, head_commit FROM scans WHERE repository_id = @id AND state = 'complete' ORDER BY id DESC LIMIT 1",
                new { id });
            var files = connection.Query<FileRow>(
                """
                SELECT id AS Id, path AS Path, content_hash AS Hash, size AS Size, modified_ns AS ModifiedNs, inode AS Inode
                FROM files WHERE repository_id = @id
                """,
                new { id }).ToList();
            var hitsByFile = withHits ? HitsByFile(db, id, null) : [];
            var byPath = files.ToDictionary(
                f => f.Path,
                f => new ScannedFile(f.Path, f.Hash, f.Size, hitsByFile.GetValueOrDefault(f.Id) ?? [])
                {
                    Stamp = f.ModifiedNs is { } modified ? new FileStamp(f.Size, modified, f.Inode ?? 0) : null,
                },
                StringComparer.Ordinal);
            return new RepositoryState(last.Framework, last.RulesHash, byPath) { ScanStartNs = last.StartedNs, HeadCommit = last.HeadCommit };
        });
    }

    public IReadOnlyDictionary<string, IReadOnlyList<ScannedHit>> LoadHits(RepositoryInfo repository, IReadOnlyCollection<string> paths)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(paths);
        return Read(db =>
        {
            var result = new Dictionary<string, IReadOnlyList<ScannedHit>>(StringComparer.Ordinal);
            if (paths.Count == 0 || StoredRepositoryId(db, repository) is not { } id)
            {
                return result;
            }

            var wanted = paths.ToHashSet(StringComparer.Ordinal);
            var fileIds = db.Connection
                .Query<(long Id, string Path)>("SELECT id, path FROM files WHERE repository_id = @id", new { id })
                .Where(f => wanted.Contains(f.Path))
                .ToDictionary(f => f.Id, f => f.Path);
            foreach (var (fileId, hits) in HitsByFile(db, id, fileIds.Keys))
            {
                result[fileIds[fileId]] = hits;
            }

            return result;
        });
    }

    public IReadOnlyDictionary<string, int> CountHitsPerTopic(long scanId) => Read(db => db.Connection
        .Query<(string Topic, long Count)>(
            """
            SELECT h.topic, COUNT(*) FROM hits AS h JOIN files AS f ON f.id = h.file_id
            WHERE f.repository_id = (SELECT repository_id FROM scans WHERE id = @scanId)
            GROUP BY h.topic
            """,
            new { scanId })
        .OrderBy(row => row.Topic, StringComparer.Ordinal)
        .ToDictionary(row => row.Topic, row => (int)row.Count, StringComparer.Ordinal));

    private static long? StoredRepositoryId(StoreDatabase db, RepositoryInfo repository) =>
        db.Connection.QuerySingleOrDefault<long?>(
            "SELECT id FROM repositories WHERE identity = @identity", new { identity = repository.Identity })
        ?? db.Connection.QuerySingleOrDefault<long?>(
            "SELECT id FROM repositories WHERE root = @root AND identity = @pathIdentity",
            new { root = repository.Root, pathIdentity = "path:" + repository.Root });

    /// <summary>The hits of a repository's files (of the files given, or all), by file id, in line and skill order.</summary>
    private Dictionary<long, List<ScannedHit>> HitsByFile(StoreDatabase db, long repositoryId, IReadOnlyCollection<long>? fileIds)
    {
        const string Columns =
            """
            SELECT h.file_id AS FileId, h.topic AS Topic, h.skill AS Skill, h.line AS Line, h.end_line AS EndLine,
                   h.snippet AS Snippet, h.author_email AS Author, h.commit_id AS CommitId, h.committed_at AS At
            FROM hits AS h
            """;
        var connection = db.Connection;
        var rows = fileIds is null
            ? connection.Query<StateHitRow>(
                $"{Columns} JOIN files AS f ON f.id = h.file_id WHERE f.repository_id = @repositoryId ORDER BY h.file_id, h.line, h.skill",
                new { repositoryId })
            : fileIds.Chunk(500).SelectMany(ids => connection.Query<StateHitRow>(
                $"{Columns} WHERE {InList("h.file_id", "ids")} ORDER BY h.file_id, h.line, h.skill",
                new { ids }));
        var byFile = new Dictionary<long, List<ScannedHit>>();
        foreach (var row in rows)
        {
            if (!byFile.TryGetValue(row.FileId, out var hits))
            {
                byFile[row.FileId] = hits = [];
            }

            hits.Add(ToScannedHit(row));
        }

        return byFile;
    }

    public IReadOnlyList<string> FolderRoots() => Read(db => db.Connection
        .Query<string>("SELECT root FROM repositories WHERE kind = 'folder' ORDER BY root")
        .ToList());

    public long BeginScan(RepositoryInfo repository, string framework, string rulesHash, string? headCommit, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var kind = repository.Kind == RepositoryKind.Git ? "git" : "folder";
        return Write((db, transaction) =>
        {
            var connection = db.Connection;
            var time = db.Time(at);
            var identity = repository.Identity;
            var repositoryId = FindRepositoryId(db, repository, transaction);
            var name = UniqueName(db, repository, repositoryId, transaction);
            if (repositoryId is { } existing)
            {
                // Another repository stored at this root (the folder now holds something else) keeps
                // its evidence under a root that says so; the root column stays unique.
                connection.Execute(
                    "UPDATE repositories SET root = root || ' (replaced ' || @stamp || ')' WHERE root = @Root AND id <> @existing",
                    new { repository.Root, existing, stamp = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) },
                    transaction);
                connection.Execute(
                    "UPDATE repositories SET root = @Root, name = @name, kind = @kind, remote = @Remote, identity = @identity WHERE id = @existing",
                    new { repository.Root, name, kind, repository.Remote, identity, existing },
                    transaction);
                connection.Execute(
                    "UPDATE scans SET state = 'failed', finished_at = @time WHERE repository_id = @existing AND state = 'running'",
                    new { existing, time },
                    transaction);
            }
            else
            {
                connection.Execute(
                    "UPDATE repositories SET root = root || ' (replaced ' || @stamp || ')' WHERE root = @Root",
                    new { repository.Root, stamp = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) },
                    transaction);
                repositoryId = connection.ExecuteScalar<long>(
                    "INSERT INTO repositories (root, name, kind, remote, identity, added_at) VALUES (@Root, @name, @kind, @Remote, @identity, @time) RETURNING id",
                    new { repository.Root, name, kind, repository.Remote, identity, time },
                    transaction);
            }

            return connection.ExecuteScalar<long>(
                """
                INSERT INTO scans (repository_id, framework, head_commit, state, started_at, rules_hash)
                VALUES (@repositoryId, @framework, @headCommit, 'running', @time, @rulesHash)
                RETURNING id
                """,
                new { repositoryId, framework, headCommit, time, rulesHash },
                transaction);
        });
    }

    /// <summary>The stored repository that is <paramref name="repository"/>: the one with its identity,
    /// else one stored at its root before identities were kept (or as a plain folder, now a git
    /// repository with commits), else null.</summary>
    private static long? FindRepositoryId(StoreDatabase db, RepositoryInfo repository, DbTransaction? transaction)
    {
        var connection = db.Connection;
        return connection.QuerySingleOrDefault<long?>(
                "SELECT id FROM repositories WHERE identity = @Identity", new { repository.Identity }, transaction)
            ?? connection.QuerySingleOrDefault<long?>(
                "SELECT id FROM repositories WHERE root = @Root AND identity = @pathIdentity",
                new { repository.Root, pathIdentity = "path:" + repository.Root },
                transaction);
    }

    /// <summary>The name to show: the repository's own, unless another stored repository already
    /// has it; then its parent folder and name ("work/proj"), else its whole root.</summary>
    private static string UniqueName(StoreDatabase db, RepositoryInfo repository, long? self, DbTransaction transaction)
    {
        var taken = db.Connection.Query<string>(
            "SELECT name FROM repositories WHERE id <> @id", new { id = self ?? -1 }, transaction).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(repository.Name))
        {
            return repository.Name;
        }

        var parent = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(repository.Root)) ?? "");
        var longer = parent.Length == 0 ? repository.Root : $"{parent}/{repository.Name}";
        return taken.Contains(longer) ? repository.Root : longer;
    }

    public void CompleteScan(long scanId, ScanWrite write, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write((db, transaction) =>
        {
            var connection = db.Connection;
            var scan = connection.QuerySingleOrDefault<ScanRow>(
                "SELECT repository_id AS RepositoryId, framework AS Framework, state AS State FROM scans WHERE id = @scanId", new { scanId }, transaction)
                ?? throw new StoreException(StoreFault.InvalidInput, $"there is no scan {scanId}");
            if (!string.Equals(scan.State, "running", StringComparison.Ordinal))
            {
                throw new StoreException(StoreFault.InvalidInput, $"scan {scanId} is {scan.State}, not running (another scan of the repository started since)");
            }

            var repositoryId = scan.RepositoryId;
            if (write.ReplaceAll)
            {
                connection.Execute("DELETE FROM files WHERE repository_id = @repositoryId", new { repositoryId }, transaction);
            }

            foreach (var path in write.Deleted)
            {
                connection.Execute("DELETE FROM files WHERE repository_id = @repositoryId AND path = @path", new { repositoryId, path }, transaction);
            }

            foreach (var update in write.Updates)
            {
                var file = update.File;
                long fileId;
                switch (update.Change)
                {
                    case FileChange.Renamed:
                        connection.Execute(
                            """
                            UPDATE files SET path = @Path, scan_id = @scanId, modified_ns = @ModifiedNs, inode = @Inode
                            WHERE repository_id = @repositoryId AND path = @from
                            """,
                            new { file.Path, scanId, file.Stamp?.ModifiedNs, file.Stamp?.Inode, repositoryId, from = update.RenamedFrom },
                            transaction);
                        connection.Execute(
                            "UPDATE hit_dismissals SET path = @Path WHERE repository_id = @repositoryId AND path = @from",
                            new { file.Path, repositoryId, from = update.RenamedFrom },
                            transaction);
                        continue;
                    case FileChange.Changed when connection.QuerySingleOrDefault<long?>(
                        "SELECT id FROM files WHERE repository_id = @repositoryId AND path = @Path",
                        new { repositoryId, file.Path },
                        transaction) is { } existing:
                        fileId = existing;
                        connection.Execute("DELETE FROM hits WHERE file_id = @fileId", new { fileId }, transaction);
                        connection.Execute(
                            "UPDATE files SET content_hash = @Hash, size = @Size, scan_id = @scanId, modified_ns = @ModifiedNs, inode = @Inode WHERE id = @fileId",
                            new { file.Hash, file.Size, scanId, file.Stamp?.ModifiedNs, file.Stamp?.Inode, fileId },
                            transaction);
                        break;
                    default:
                        fileId = connection.ExecuteScalar<long>(
                            """
                            INSERT INTO files (repository_id, path, content_hash, size, scan_id, modified_ns, inode)
                            VALUES (@repositoryId, @Path, @Hash, @Size, @scanId, @ModifiedNs, @Inode) RETURNING id
                            """,
                            new { repositoryId, file.Path, file.Hash, file.Size, scanId, file.Stamp?.ModifiedNs, file.Stamp?.Inode },
                            transaction);
                        break;
                }

                if (file.Hits.Count > 0)
                {
                    var seen = new Dictionary<(string Skill, string Snippet), int>();
                    connection.Execute(
                        """
                        INSERT INTO hits (file_id, framework, topic, skill, line, end_line, snippet, occurrence, author_email, commit_id, committed_at)
                        VALUES (@fileId, @framework, @Topic, @Skill, @Line, @EndLine, @Snippet, @occurrence, @Author, @CommitId, @At)
                        """,
                        file.Hits.OrderBy(hit => hit.Line).ThenBy(hit => hit.Skill, StringComparer.Ordinal).Select(hit => new
                        {
                            occurrence = seen[(hit.Skill, hit.Snippet)] = seen.GetValueOrDefault((hit.Skill, hit.Snippet)) + 1,
                            fileId,
                            framework = scan.Framework,
                            hit.Topic,
                            hit.Skill,
                            hit.Line,
                            hit.EndLine,
                            hit.Snippet,
                            Author = hit.Author?.Email,
                            CommitId = hit.Author?.Commit,
                            At = db.Time(hit.Author?.At),
                        }),
                        transaction);
                }
            }

            if (write.Restamped.Count > 0)
            {
                connection.Execute(
                    "UPDATE files SET size = @Size, modified_ns = @ModifiedNs, inode = @Inode WHERE repository_id = @repositoryId AND path = @Path",
                    write.Restamped.Select(r => new { repositoryId, r.Path, r.Stamp.Size, r.Stamp.ModifiedNs, r.Stamp.Inode }),
                    transaction);
            }

            var counts = write.Counts;
            connection.Execute(
                """
                UPDATE scans SET state = 'complete', finished_at = @time, files_seen = @FilesSeen, files_parsed = @FilesParsed,
                                 files_skipped = @FilesSkipped, parse_errors = @ParseErrors, started_ns = @ScanStartNs
                WHERE id = @scanId
                """,
                new { time = db.Time(at), counts.FilesSeen, counts.FilesParsed, counts.FilesSkipped, counts.ParseErrors, write.ScanStartNs, scanId },
                transaction);
            return 0;
        });
    }

    public void FailScan(long scanId, DateTimeOffset at) => Write((db, transaction) =>
        db.Connection.Execute(
            "UPDATE scans SET state = 'failed', finished_at = @time WHERE id = @scanId AND state = 'running'",
            new { time = db.Time(at), scanId },
            transaction));

    /// <summary>The stored hits the query asks for, by repository name, path, line and skill.</summary>
    /// <summary>
    /// The hits a query asks for, by repository, path, line and skill. Two reads on one connection:
    /// the hits alone (on PostgreSQL an index-only scan of <c>hits_by_author_framework</c> when the
    /// query names authors and leaves commits out), then the files and repositories of those hits
    /// by id. One join would make the planner hash every file of the store for a person's few.
    /// </summary>
    public Task<IReadOnlyList<CodeHit>> ListCodeHitsAsync(CodeHitQuery query, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var authors = query.Authors?.Select(NormalizeEmail).Distinct(StringComparer.Ordinal).ToList();
        if (authors is { Count: 0 })
        {
            return Task.FromResult<IReadOnlyList<CodeHit>>([]);
        }

        var conditions = new List<string> { "h.framework = @Framework" };
        if (authors is not null)
        {
            conditions.Add(InList("h.author_email", "authors"));
        }

        if (query.Skill is not null)
        {
            conditions.Add("h.skill = @Skill");
        }

        if (query.Topic is not null)
        {
            conditions.Add("h.topic = @Topic");
        }

        // A dismissal names the hit by repository, path, skill, snippet and occurrence (it outlives
        // rescans, which give hits new ids).
        const string Dismissed = """
            EXISTS (SELECT 1 FROM hit_dismissals AS d JOIN files AS df ON df.repository_id = d.repository_id AND df.path = d.path
                    WHERE df.id = h.file_id AND d.framework = h.framework AND d.skill = h.skill AND d.snippet = h.snippet AND d.occurrence = h.occurrence)
            """;
        if (!query.IncludeDismissed)
        {
            conditions.Add("NOT " + Dismissed);
        }

        var sql = $"""
            SELECT h.id AS Id, h.file_id AS FileId, h.line AS Line, h.end_line AS EndLine, h.framework AS Framework, h.topic AS Topic,
                   h.skill AS Skill, h.snippet AS Snippet, h.author_email AS Author, {(query.WithCommits ? "h.commit_id" : "NULL")} AS CommitId,
                   h.committed_at AS At, {(query.IncludeDismissed ? $"CASE WHEN {Dismissed} THEN 1 ELSE 0 END" : "0")} AS Dismissed
            FROM hits AS h
            WHERE {string.Join(" AND ", conditions)}
            """;
        return ReadAsync<IReadOnlyList<CodeHit>>(
            async db =>
            {
                var hits = (await db.Connection.QueryAsync<CodeHitRow>(sql, new { query.Framework, authors = authors?.ToArray(), query.Skill, query.Topic })).ToList();
                var ids = hits.Select(h => h.FileId).Distinct().ToArray();
                var files = ids.Length == 0
                    ? []
                    : (await db.Connection.QueryAsync<HitFileRow>(
                        $"SELECT f.id AS Id, f.path AS Path, r.name AS Repository, r.root AS RepositoryRoot FROM files AS f JOIN repositories AS r ON r.id = f.repository_id WHERE {InList("f.id", "ids")}",
                        new { ids })).ToDictionary(f => f.Id);
                return hits
                    .Select(h => ToCodeHit(h, files[h.FileId]))
                    .OrderBy(h => h.Repository, StringComparer.Ordinal)
                    .ThenBy(h => h.RepositoryRoot, StringComparer.Ordinal)
                    .ThenBy(h => h.Path, StringComparer.Ordinal)
                    .ThenBy(h => h.Line)
                    .ThenBy(h => h.Skill, StringComparer.Ordinal)
                    .ToList();
            },
            cancel);
    }

    /// <summary>One stored hit by id (dismissed or not), or null.</summary>
    public Task<CodeHit?> FindCodeHitAsync(long id, CancellationToken cancel = default) => ReadAsync(
        async db => (await db.Connection.QueryAsync<CodeHitRow>(
            $"""
            SELECT {HitColumns}, CASE WHEN d.id IS NULL THEN 0 ELSE 1 END AS Dismissed
            FROM hits AS h JOIN files AS f ON f.id = h.file_id JOIN repositories AS r ON r.id = f.repository_id
            {DismissalJoin}
            WHERE h.id = @id
            """,
            new { id }))
        .Select(row => ToCodeHit(row, row))
        .FirstOrDefault(),
        cancel);

    /// <summary>The scanned repositories: name, root, kind, and when their last complete scan ended.</summary>
    public IReadOnlyList<(RepositoryInfo Repository, DateTimeOffset? LastScan)> ListRepositories() => Read(db => db.Connection
        .Query<RepositoryRow>(
            """
            SELECT r.root AS Root, r.name AS Name, r.kind AS Kind, r.remote AS Remote,
                   (SELECT MAX(s.finished_at) FROM scans AS s WHERE s.repository_id = r.id AND s.state = 'complete') AS LastScan
            FROM repositories AS r ORDER BY r.name, r.root
            """)
        .Select(row => (
            new RepositoryInfo(row.Root, row.Name, string.Equals(row.Kind, "git", StringComparison.Ordinal) ? RepositoryKind.Git : RepositoryKind.Folder, row.Remote),
            StoredTime.ReadOptional(row.LastScan, "scans.finished_at")))
        .ToList());

    public Task<IReadOnlyList<RepositorySummary>> ListRepositorySummariesAsync(CancellationToken cancel = default) => ReadAsync<IReadOnlyList<RepositorySummary>>(
        async db => (await db.Connection.QueryAsync<RepositorySummaryRow>(
            """
            SELECT r.id AS Id, r.root AS Root, r.name AS Name, r.kind AS Kind, r.remote AS Remote,
                   (SELECT MAX(s.finished_at) FROM scans AS s WHERE s.repository_id = r.id AND s.state = 'complete') AS LastScan,
                   (SELECT COUNT(*) FROM files AS f WHERE f.repository_id = r.id) AS Files,
                   (SELECT COUNT(*) FROM hits AS h JOIN files AS f ON f.id = h.file_id WHERE f.repository_id = r.id) AS Hits
            FROM repositories AS r ORDER BY r.name, r.root
            """))
        .Select(row => new RepositorySummary(
            row.Id,
            row.Name,
            row.Root,
            string.Equals(row.Kind, "git", StringComparison.Ordinal) ? RepositoryKind.Git : RepositoryKind.Folder,
            row.Remote,
            StoredTime.ReadOptional(row.LastScan, "scans.finished_at"),
            (int)row.Files,
            (int)row.Hits))
        .ToList(),
        cancel);

    public Task<bool> RemoveRepositoryAsync(long id, CancellationToken cancel = default) => WriteAsync(
        async (db, transaction) =>
        {
            var connection = db.Connection;
            await connection.ExecuteAsync("DELETE FROM hit_dismissals WHERE repository_id = @id", new { id }, transaction);
            await connection.ExecuteAsync("DELETE FROM hits WHERE file_id IN (SELECT id FROM files WHERE repository_id = @id)", new { id }, transaction);
            await connection.ExecuteAsync("DELETE FROM files WHERE repository_id = @id", new { id }, transaction);
            await connection.ExecuteAsync("DELETE FROM scans WHERE repository_id = @id", new { id }, transaction);
            var name = await connection.ExecuteScalarAsync<string?>("SELECT name FROM repositories WHERE id = @id", new { id }, transaction);
            if (name is null)
            {
                return false;
            }

            await connection.ExecuteAsync("DELETE FROM repositories WHERE id = @id", new { id }, transaction);
            await AuditAsync(db, transaction, AuditAction.RepositoryRemove, null, name, $"repository {id} and its code evidence");
            return true;
        },
        cancel);

    private static ScannedHit ToScannedHit(StateHitRow row) => new(
        row.Topic,
        row.Skill,
        (int)row.Line,
        (int)row.EndLine,
        row.Snippet,
        row.Author is null ? null : new LineAuthor(row.Author, row.CommitId, StoredTime.ReadOptional(row.At, "hits.committed_at") ?? DateTimeOffset.UnixEpoch));

    private static CodeHit ToCodeHit(CodeHitRow row, HitFileRow file) => new(
        row.Id,
        file.Repository,
        file.RepositoryRoot,
        file.Path,
        (int)row.Line,
        (int)row.EndLine,
        row.Framework,
        row.Topic,
        row.Skill,
        row.Snippet,
        row.Author,
        row.CommitId,
        StoredTime.ReadOptional(row.At, "hits.committed_at"),
        row.Dismissed != 0);

    private sealed class RepositorySummaryRow
    {
        public long Id { get; set; }

        public string Root { get; set; } = "";

        public string Name { get; set; } = "";

        public string Kind { get; set; } = "";

        public string? Remote { get; set; }

        public object? LastScan { get; set; }

        public long Files { get; set; }

        public long Hits { get; set; }
    }

    private sealed class ScanRow
    {
        public long RepositoryId { get; set; }

        public string Framework { get; set; } = "";

        public string State { get; set; } = "";
    }

    private sealed class FileRow
    {
        public long Id { get; set; }

        public string Path { get; set; } = "";

        public string Hash { get; set; } = "";

        public long Size { get; set; }

        public long? ModifiedNs { get; set; }

        public long? Inode { get; set; }
    }

    private sealed class StateHitRow
    {
        public long FileId { get; set; }

        public string Topic { get; set; } = "";

        public string Skill { get; set; } = "";

        public long Line { get; set; }

        public long EndLine { get; set; }

        public string Snippet { get; set; } = "";

        public string? Author { get; set; }

        public string? CommitId { get; set; }

        public object? At { get; set; }
    }

    /// <summary>Where a hit is: its file's path and repository.</summary>
    private class HitFileRow
    {
        public long Id { get; set; }

        public string Repository { get; set; } = "";

        public string RepositoryRoot { get; set; } = "";

        public string Path { get; set; } = "";
    }

    /// <summary>A hit as read, with its place when the read joins it (one hit by id).</summary>
    private sealed class CodeHitRow : HitFileRow
    {
        public long FileId { get; set; }

        public long Line { get; set; }

        public long EndLine { get; set; }

        public string Framework { get; set; } = "";

        public string Topic { get; set; } = "";

        public string Skill { get; set; } = "";

        public string Snippet { get; set; } = "";

        public string? Author { get; set; }

        public string? CommitId { get; set; }

        public object? At { get; set; }

        public long Dismissed { get; set; }
    }

    private sealed class RepositoryRow
    {
        public string Root { get; set; } = "";

        public string Name { get; set; } = "";

        public string Kind { get; set; } = "";

        public string? Remote { get; set; }

        public object? LastScan { get; set; }
    }
}
