using System.Data.Common;
using Dapper;
using Skillprint.Core.Audit;
using Skillprint.Core.Evidence;
using Skillprint.Core.People;
using Skillprint.Store.Engines;

namespace Skillprint.Store;

/// <summary>Evidence pushed by `scan --push` (issue 12): per person and repository, replaced as a whole.</summary>
public sealed partial class SkillprintStore : IPushStore
{
    public Task<PushResult> ReplacePushedEvidenceAsync(PersonId person, EvidencePush push, DateTimeOffset at, CancellationToken cancel = default) =>
        ReplacePushAsync(push, at, person.Value, async (db, transaction) => (await RequirePersonAsync(db, person, transaction)).Emails, cancel);

    public Task<PushResult> ReplaceTeamPushedEvidenceAsync(long team, EvidencePush push, DateTimeOffset at, CancellationToken cancel = default) =>
        ReplacePushAsync(
            push,
            at,
            null,
            async (db, transaction) => await db.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM teams WHERE id = @team", new { team }, transaction) == 0
                ? throw new StoreException(StoreFault.InvalidInput, $"there is no team {team}")
                : null,
            cancel);

    /// <summary>A push's one transaction: <paramref name="owners"/> gives the emails whose hits it
    /// replaces (a person's), or null for every author (a team's push).</summary>
    private Task<PushResult> ReplacePushAsync(EvidencePush push, DateTimeOffset at, long? person, Func<StoreDatabase, DbTransaction, Task<IReadOnlyList<string>?>> owners, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(push);
        RequireId(push.Framework, "framework");
        RequireId(push.RepositoryIdentity, "repository identity");
        RequireId(push.RepositoryName, "repository name");
        foreach (var (hit, index) in push.Hits.Select((h, i) => (h, i)))
        {
            if (string.IsNullOrWhiteSpace(hit.Topic) || string.IsNullOrWhiteSpace(hit.Skill) || string.IsNullOrWhiteSpace(hit.Path) || hit.Line < 1 || hit.EndLine < hit.Line)
            {
                throw new StoreException(StoreFault.InvalidInput, $"hits[{index}]: a hit needs a topic, a skill, a path and lines 1 <= line <= endLine");
            }
        }

        return WriteAsync(
            async (db, transaction) =>
            {
                var mine = (await owners(db, transaction))?.ToHashSet(StringComparer.Ordinal);
                var kept = push.Hits.Where(h => !string.IsNullOrWhiteSpace(h.Author) && (mine is null || mine.Contains(Author(h)))).ToList();
                var repositoryId = await PushedRepositoryAsync(db, push, at, transaction);
                var name = await db.Connection.ExecuteScalarAsync<string>("SELECT name FROM repositories WHERE id = @repositoryId", new { repositoryId }, transaction);
                var emails = mine?.ToArray() ?? [];
                var authorIn = mine is null ? "1 = 1" : InList("h.author_email", "emails");
                // The repository's files first, then its hits by file id: joined in one statement,
                // PostgreSQL's planner chose a parallel scan of every file (20 times slower).
                var files = (await db.Connection.QueryAsync<(string Path, long Id)>(
                    "SELECT path, id FROM files WHERE repository_id = @repositoryId", new { repositoryId }, transaction))
                    .ToDictionary(row => row.Path, row => row.Id, StringComparer.Ordinal);
                var paths = files.ToDictionary(pair => pair.Value, pair => pair.Key);
                var ofRepository = location.Engine == StoreEngine.Postgres
                    ? "h.file_id = ANY(ARRAY(SELECT id FROM files WHERE repository_id = @repositoryId))"
                    : "h.file_id IN (SELECT id FROM files WHERE repository_id = @repositoryId)";
                var stored = (await db.Connection.QueryAsync<PushedRow>(
                    $"""
                    SELECT h.file_id AS FileId, h.topic AS Topic, h.skill AS Skill, h.line AS Line, h.end_line AS EndLine,
                           h.author_email AS Author, h.commit_id AS CommitId, h.committed_at AS At, h.snippet AS Snippet
                    FROM hits AS h
                    WHERE {ofRepository} AND h.framework = @Framework AND {authorIn}
                    """,
                    new { repositoryId, push.Framework, emails },
                    transaction)).Select(row => row.Key(paths[row.FileId])).Order(StringComparer.Ordinal).ToList();
                var wanted = kept.Select(h => PushedRow.Key(h)).Order(StringComparer.Ordinal).ToList();
                if (stored.SequenceEqual(wanted, StringComparer.Ordinal))
                {
                    await AuditPushAsync(db, transaction, person, name!, kept, $"{kept.Count} hits kept, {push.Hits.Count - kept.Count} ignored, unchanged");
                    return new PushResult(name!, kept.Count, push.Hits.Count - kept.Count, Changed: false, await UnclaimedAsync(db, mine, kept, transaction), mine is null);
                }

                await db.Connection.ExecuteAsync(
                    $"""
                    DELETE FROM hits AS h WHERE {ofRepository} AND h.framework = @Framework AND {authorIn}
                    """,
                    new { repositoryId, push.Framework, emails },
                    transaction);
                var scanId = await db.Connection.ExecuteScalarAsync<long>(
                    """
                    INSERT INTO scans (repository_id, framework, state, started_at, finished_at)
                    VALUES (@repositoryId, @Framework, 'complete', @time, @time) RETURNING id
                    """,
                    new { repositoryId, push.Framework, time = db.Time(at) },
                    transaction);
                await AddPushedFilesAsync(db, repositoryId, scanId, files, kept.Select(h => h.Path), transaction);
                var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
                var rows = kept.Select(hit =>
                {
                    var snippet = hit.Snippet ?? "";
                    var occurrenceKey = $"{hit.Path}\n{hit.Skill}\n{snippet}";
                    var occurrence = occurrences[occurrenceKey] = occurrences.GetValueOrDefault(occurrenceKey) + 1;
                    return new HitRow(files[hit.Path], hit.Topic, hit.Skill, hit.Line, hit.EndLine, snippet, Author(hit), hit.Commit, hit.At, occurrence);
                }).ToList();
                await InsertHitsAsync(db, push.Framework, rows, transaction);

                await AuditPushAsync(db, transaction, person, name!, kept, $"{kept.Count} hits stored (before: {stored.Count}), {push.Hits.Count - kept.Count} ignored");
                return new PushResult(name!, kept.Count, push.Hits.Count - kept.Count, Changed: true, await UnclaimedAsync(db, mine, kept, transaction), mine is null);
            },
            cancel);
    }

    /// <summary>A push's events: the person's, or for a team's push one with no subject and one for
    /// each person whose email wrote some of its hits (with their count), so they find it in their log.</summary>
    private async Task AuditPushAsync(StoreDatabase db, DbTransaction transaction, long? person, string repository, List<PushedHit> kept, string detail)
    {
        await AuditAsync(db, transaction, AuditAction.Push, person, repository, detail);
        if (person is not null)
        {
            return;
        }

        var authors = kept.Select(Author).Distinct(StringComparer.Ordinal).ToArray();
        if (authors.Length == 0)
        {
            return;
        }

        var owners = await db.Connection.QueryAsync<(string Email, long Person)>($"SELECT email, person_id FROM person_emails WHERE {InList("email", "authors")}", new { authors }, transaction);
        var byPerson = owners.ToLookup(o => o.Person, o => o.Email);
        foreach (var group in byPerson.OrderBy(g => g.Key))
        {
            var emails = group.ToHashSet(StringComparer.Ordinal);
            var count = kept.Count(h => emails.Contains(Author(h)));
            await AuditAsync(db, transaction, AuditAction.Push, group.Key, repository, $"team push: {count} of your hits");
        }
    }

    private static string Author(PushedHit hit) => hit.Author!.Trim().ToLowerInvariant();

    /// <summary>A pushed hit as it is inserted.</summary>
    private sealed record HitRow(long FileId, string Topic, string Skill, int Line, int EndLine, string Snippet, string Author, string? Commit, DateTimeOffset? At, int Occurrence);

    /// <summary>Adds to <paramref name="files"/> (the repository's, by path) every path of the push the
    /// repository does not have yet (on PostgreSQL in one statement).</summary>
    private async Task AddPushedFilesAsync(StoreDatabase db, long repositoryId, long scanId, Dictionary<string, long> files, IEnumerable<string> paths, DbTransaction transaction)
    {
        var missing = paths.Where(path => !files.ContainsKey(path)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        if (location.Engine == StoreEngine.Postgres)
        {
            var added = await db.Connection.QueryAsync<(string Path, long Id)>(
                """
                INSERT INTO files (repository_id, path, content_hash, size, scan_id)
                SELECT @repositoryId, path, 'pushed', 0, @scanId FROM unnest(@missing) AS path
                RETURNING path, id
                """,
                new { repositoryId, scanId, missing },
                transaction);
            foreach (var (path, id) in added)
            {
                files[path] = id;
            }

            return;
        }

        foreach (var path in missing)
        {
            files[path] = await db.Connection.ExecuteScalarAsync<long>(
                "INSERT INTO files (repository_id, path, content_hash, size, scan_id) VALUES (@repositoryId, @path, 'pushed', 0, @scanId) RETURNING id",
                new { repositoryId, path, scanId },
                transaction);
        }
    }

    /// <summary>Inserts a push's hits: on PostgreSQL one statement over arrays (a 10,000-hit push
    /// was 10,000 round trips), on SQLite one prepared statement run per hit, in process.</summary>
    private async Task InsertHitsAsync(StoreDatabase db, string framework, List<HitRow> rows, DbTransaction transaction)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (location.Engine == StoreEngine.Postgres)
        {
            await db.Connection.ExecuteAsync(
                """
                INSERT INTO hits (file_id, framework, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at, occurrence)
                SELECT h.file_id, @framework, h.topic, h.skill, h.line, h.end_line, h.snippet, h.author_email, h.commit_id, h.committed_at, h.occurrence
                FROM unnest(@fileIds, @topics, @skills, @lines, @endLines, @snippets, @authors, @commits, @ats, @occurrences)
                    AS h (file_id, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at, occurrence)
                """,
                new
                {
                    framework,
                    fileIds = rows.Select(r => r.FileId).ToArray(),
                    topics = rows.Select(r => r.Topic).ToArray(),
                    skills = rows.Select(r => r.Skill).ToArray(),
                    lines = rows.Select(r => r.Line).ToArray(),
                    endLines = rows.Select(r => r.EndLine).ToArray(),
                    snippets = rows.Select(r => r.Snippet).ToArray(),
                    authors = rows.Select(r => r.Author).ToArray(),
                    commits = rows.Select(r => r.Commit).ToArray(),
                    ats = rows.Select(r => r.At is { } at ? (DateTimeOffset?)StoredTime.Normalize(at) : null).ToArray(),
                    occurrences = rows.Select(r => r.Occurrence).ToArray(),
                },
                transaction);
            return;
        }

        await db.Connection.ExecuteAsync(
            """
            INSERT INTO hits (file_id, framework, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at, occurrence)
            VALUES (@FileId, @framework, @Topic, @Skill, @Line, @EndLine, @Snippet, @Author, @Commit, @at, @Occurrence)
            """,
            rows.Select(r => new { r.FileId, framework, r.Topic, r.Skill, r.Line, r.EndLine, r.Snippet, r.Author, r.Commit, at = db.Time(r.At), r.Occurrence }),
            transaction);
    }

    /// <summary>How many of a team push's authors are no one's email (unclaimed identities); 0 for a person's push.</summary>
    private async Task<int> UnclaimedAsync(StoreDatabase db, HashSet<string>? mine, List<PushedHit> kept, DbTransaction transaction)
    {
        if (mine is not null)
        {
            return 0;
        }

        var authors = kept.Select(Author).Distinct(StringComparer.Ordinal).ToArray();
        var known = await db.Connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM person_emails WHERE {InList("email", "authors")}", new { authors }, transaction);
        return authors.Length - (int)known;
    }

    /// <summary>The repository a push names, by its identity, locked until the push commits (on
    /// PostgreSQL; SQLite's write lock holds the whole file): two pushes of one repository take turns,
    /// so the second replaces what the first wrote instead of adding to it. Added (with a name no
    /// other repository holds) when the store does not have it; a concurrent push that adds the same
    /// repository first makes this one's insert fail on the unique identity, and the transaction is
    /// tried again (<see cref="WriteAsync{T}"/>), finding it.</summary>
    private async Task<long> PushedRepositoryAsync(StoreDatabase db, EvidencePush push, DateTimeOffset at, DbTransaction transaction)
    {
        var forUpdate = location.Engine == StoreEngine.Postgres ? " FOR UPDATE" : "";
        if (await db.Connection.ExecuteScalarAsync<long?>("SELECT id FROM repositories WHERE identity = @RepositoryIdentity" + forUpdate, new { push.RepositoryIdentity }, transaction) is { } id)
        {
            return id;
        }

        var taken = await db.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM repositories WHERE name = @RepositoryName", new { push.RepositoryName }, transaction);
        var name = taken == 0 ? push.RepositoryName : $"{push.RepositoryName} ({push.RepositoryIdentity})";
        return await db.Connection.ExecuteScalarAsync<long>(
            "INSERT INTO repositories (root, name, kind, remote, identity, added_at) VALUES (@root, @name, 'git', @Remote, @RepositoryIdentity, @time) RETURNING id",
            new { root = "pushed:" + push.RepositoryIdentity, name, push.Remote, push.RepositoryIdentity, time = db.Time(at) },
            transaction);
    }

    private sealed class PushedRow
    {
        public long FileId { get; set; }

        public string Topic { get; set; } = "";

        public string Skill { get; set; } = "";

        public long Line { get; set; }

        public long EndLine { get; set; }

        public string? Author { get; set; }

        public string? CommitId { get; set; }

        public object? At { get; set; }

        public string Snippet { get; set; } = "";

        public string Key(string path) => string.Join('\n', path, Topic, Skill, Line, EndLine, Author, CommitId, StoredTime.ReadOptional(At, "hits.committed_at")?.ToString("O"), Snippet);

        public static string Key(PushedHit hit) => string.Join(
            '\n',
            hit.Path,
            hit.Topic,
            hit.Skill,
            hit.Line,
            hit.EndLine,
            hit.Author?.Trim().ToLowerInvariant(),
            hit.Commit,
            hit.At is { } time ? StoredTime.Normalize(time).ToString("O") : null,
            hit.Snippet ?? "");
    }
}
