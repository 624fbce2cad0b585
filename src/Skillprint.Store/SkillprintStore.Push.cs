using System.Data.Common;
using Dapper;
using Skillprint.Core.Evidence;
using Skillprint.Core.People;
using Skillprint.Store.Engines;

namespace Skillprint.Store;

/// <summary>Evidence pushed by `scan --push` (issue 12): per person and repository, replaced as a whole.</summary>
public sealed partial class SkillprintStore : IPushStore
{
    public Task<PushResult> ReplacePushedEvidenceAsync(PersonId person, EvidencePush push, DateTimeOffset at, CancellationToken cancel = default) =>
        ReplacePushAsync(push, at, async (db, transaction) => (await RequirePersonAsync(db, person, transaction)).Emails, cancel);

    public Task<PushResult> ReplaceTeamPushedEvidenceAsync(long team, EvidencePush push, DateTimeOffset at, CancellationToken cancel = default) =>
        ReplacePushAsync(
            push,
            at,
            async (db, transaction) => await db.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM teams WHERE id = @team", new { team }, transaction) == 0
                ? throw new StoreException(StoreFault.InvalidInput, $"there is no team {team}")
                : null,
            cancel);

    /// <summary>A push's one transaction: <paramref name="owners"/> gives the emails whose hits it
    /// replaces (a person's), or null for every author (a team's push).</summary>
    private Task<PushResult> ReplacePushAsync(EvidencePush push, DateTimeOffset at, Func<StoreDatabase, DbTransaction, Task<IReadOnlyList<string>?>> owners, CancellationToken cancel)
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
                var stored = (await db.Connection.QueryAsync<PushedRow>(
                    $"""
                    SELECT f.path AS Path, h.topic AS Topic, h.skill AS Skill, h.line AS Line, h.end_line AS EndLine,
                           h.author_email AS Author, h.commit_id AS CommitId, h.committed_at AS At, h.snippet AS Snippet
                    FROM hits AS h JOIN files AS f ON f.id = h.file_id
                    WHERE f.repository_id = @repositoryId AND h.framework = @Framework AND {authorIn}
                    """,
                    new { repositoryId, push.Framework, emails },
                    transaction)).Select(row => row.Key()).Order(StringComparer.Ordinal).ToList();
                var wanted = kept.Select(h => PushedRow.Key(h)).Order(StringComparer.Ordinal).ToList();
                if (stored.SequenceEqual(wanted, StringComparer.Ordinal))
                {
                    return new PushResult(name!, kept.Count, push.Hits.Count - kept.Count, Changed: false, await UnclaimedAsync(db, mine, kept, transaction), mine is null);
                }

                // PostgreSQL deletes the rows its join finds (USING); SQLite has no USING, so it finds them by id.
                await db.Connection.ExecuteAsync(
                    location.Engine == StoreEngine.Postgres
                        ? $"""
                          DELETE FROM hits AS h USING files AS f
                          WHERE f.id = h.file_id AND f.repository_id = @repositoryId AND h.framework = @Framework AND {authorIn}
                          """
                        : $"""
                          DELETE FROM hits WHERE id IN (
                              SELECT h.id FROM hits AS h JOIN files AS f ON f.id = h.file_id
                              WHERE f.repository_id = @repositoryId AND h.framework = @Framework AND {authorIn})
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
                var files = await PushedFilesAsync(db, repositoryId, scanId, kept.Select(h => h.Path), transaction);
                var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
                var rows = kept.Select(hit =>
                {
                    var snippet = hit.Snippet ?? "";
                    var occurrenceKey = $"{hit.Path}\n{hit.Skill}\n{snippet}";
                    var occurrence = occurrences[occurrenceKey] = occurrences.GetValueOrDefault(occurrenceKey) + 1;
                    return new HitRow(files[hit.Path], hit.Topic, hit.Skill, hit.Line, hit.EndLine, snippet, Author(hit), hit.Commit, hit.At is { } time ? StoredTime.Normalize(time) : null, occurrence);
                }).ToList();
                await InsertHitsAsync(db, push.Framework, rows, transaction);

                return new PushResult(name!, kept.Count, push.Hits.Count - kept.Count, Changed: true, await UnclaimedAsync(db, mine, kept, transaction), mine is null);
            },
            cancel);
    }

    private static string Author(PushedHit hit) => hit.Author!.Trim().ToLowerInvariant();

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

    /// <summary>The ids of a push's files by path: the repository's files read in one statement,
    /// the missing ones added in one statement on PostgreSQL (the paths as an array) or in
    /// multi-row INSERTs on SQLite, by <paramref name="scanId"/>.</summary>
    private async Task<Dictionary<string, long>> PushedFilesAsync(StoreDatabase db, long repositoryId, long scanId, IEnumerable<string> paths, DbTransaction transaction)
    {
        var ids = (await db.Connection.QueryAsync<(string Path, long Id)>("SELECT path, id FROM files WHERE repository_id = @repositoryId", new { repositoryId }, transaction))
            .ToDictionary(f => f.Path, f => f.Id, StringComparer.Ordinal);
        var missing = paths.Distinct(StringComparer.Ordinal).Where(p => !ids.ContainsKey(p)).ToArray();
        if (missing.Length == 0)
        {
            return ids;
        }

        var added = location.Engine == StoreEngine.Postgres
            ? await db.Connection.QueryAsync<(string, long)>(
                """
                INSERT INTO files (repository_id, path, content_hash, size, scan_id)
                SELECT @repositoryId, path, 'pushed', 0, @scanId FROM unnest(@missing) AS path RETURNING path, id
                """,
                new { repositoryId, scanId, missing },
                transaction)
            : await InsertValuesAsync<(string, long)>(
                db,
                "files (repository_id, path, content_hash, size, scan_id)",
                missing.Select(path => new object?[] { repositoryId, path, "pushed", 0, scanId }).ToList(),
                " RETURNING path, id",
                transaction);
        foreach (var (path, id) in added)
        {
            ids[path] = id;
        }

        return ids;
    }

    /// <summary>A hit as a push stores it, its file found.</summary>
    private sealed record HitRow(long FileId, string Topic, string Skill, int Line, int EndLine, string Snippet, string Author, string? Commit, DateTimeOffset? At, int Occurrence);

    /// <summary>A push's hits in one statement on PostgreSQL, each column an array (thousands of
    /// rows in one round trip, no statement text that grows with them); multi-row INSERTs on SQLite,
    /// which runs in this process and has no round trips to save.</summary>
    private async Task InsertHitsAsync(StoreDatabase db, string framework, List<HitRow> rows, DbTransaction transaction)
    {
        if (location.Engine == StoreEngine.Postgres)
        {
            await db.Connection.ExecuteAsync(
                """
                INSERT INTO hits (file_id, framework, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at, occurrence)
                SELECT r.file_id, @framework, r.topic, r.skill, r.line, r.end_line, r.snippet, r.author, r.commit_id, r.at, r.occurrence
                FROM unnest(@fileIds, @topics, @skills, @lines, @endLines, @snippets, @authors, @commits, @ats, @occurrences)
                    AS r(file_id, topic, skill, line, end_line, snippet, author, commit_id, at, occurrence)
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
                    ats = rows.Select(r => r.At).ToArray(),
                    occurrences = rows.Select(r => r.Occurrence).ToArray(),
                },
                transaction);
            return;
        }

        await InsertValuesAsync<long>(
            db,
            "hits (file_id, framework, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at, occurrence)",
            rows.Select(r => new object?[] { r.FileId, framework, r.Topic, r.Skill, r.Line, r.EndLine, r.Snippet, r.Author, r.Commit, db.Time(r.At), r.Occurrence }).ToList(),
            "",
            transaction);
    }

    /// <summary>Rows in multi-row INSERTs of <see cref="RowsPerInsert"/> rows (far under SQLite's
    /// limit of parameters), with what <paramref name="returning"/> gives back.</summary>
    private static async Task<List<T>> InsertValuesAsync<T>(StoreDatabase db, string into, IReadOnlyList<object?[]> rows, string returning, DbTransaction transaction)
    {
        var result = new List<T>();
        foreach (var batch in rows.Chunk(RowsPerInsert))
        {
            var parameters = new DynamicParameters();
            var values = new List<string>(batch.Length);
            for (var r = 0; r < batch.Length; r++)
            {
                var names = new string[batch[r].Length];
                for (var c = 0; c < names.Length; c++)
                {
                    names[c] = $"@v{r}_{c}";
                    parameters.Add(names[c], batch[r][c]);
                }

                values.Add($"({string.Join(", ", names)})");
            }

            var sql = $"INSERT INTO {into} VALUES {string.Join(", ", values)}{returning}";
            if (returning.Length == 0)
            {
                await db.Connection.ExecuteAsync(sql, parameters, transaction);
            }
            else
            {
                result.AddRange(await db.Connection.QueryAsync<T>(sql, parameters, transaction));
            }
        }

        return result;
    }

    private const int RowsPerInsert = 500;

    private sealed class PushedRow
    {
        public string Path { get; set; } = "";

        public string Topic { get; set; } = "";

        public string Skill { get; set; } = "";

        public long Line { get; set; }

        public long EndLine { get; set; }

        public string? Author { get; set; }

        public string? CommitId { get; set; }

        public object? At { get; set; }

        public string Snippet { get; set; } = "";

        public string Key() => string.Join('\n', Path, Topic, Skill, Line, EndLine, Author, CommitId, StoredTime.ReadOptional(At, "hits.committed_at")?.ToString("O"), Snippet);

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
