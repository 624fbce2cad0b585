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
                    await AuditPushAsync(db, transaction, person, name!, kept, $"{kept.Count} hits kept, {push.Hits.Count - kept.Count} ignored, unchanged");
                    return new PushResult(name!, kept.Count, push.Hits.Count - kept.Count, Changed: false, await UnclaimedAsync(db, mine, kept, transaction), mine is null);
                }

                await db.Connection.ExecuteAsync(
                    $"""
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
                var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var hit in kept)
                {
                    var fileId = await db.Connection.ExecuteScalarAsync<long?>(
                        "SELECT id FROM files WHERE repository_id = @repositoryId AND path = @Path", new { repositoryId, hit.Path }, transaction)
                        ?? await db.Connection.ExecuteScalarAsync<long>(
                            "INSERT INTO files (repository_id, path, content_hash, size, scan_id) VALUES (@repositoryId, @Path, 'pushed', 0, @scanId) RETURNING id",
                            new { repositoryId, hit.Path, scanId },
                            transaction);
                    var snippet = hit.Snippet ?? "";
                    var occurrenceKey = $"{hit.Path}\n{hit.Skill}\n{snippet}";
                    var occurrence = occurrences[occurrenceKey] = occurrences.GetValueOrDefault(occurrenceKey) + 1;
                    await db.Connection.ExecuteAsync(
                        """
                        INSERT INTO hits (file_id, framework, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at, occurrence)
                        VALUES (@fileId, @Framework, @Topic, @Skill, @Line, @EndLine, @snippet, @author, @Commit, @at, @occurrence)
                        """,
                        new
                        {
                            fileId,
                            push.Framework,
                            hit.Topic,
                            hit.Skill,
                            hit.Line,
                            hit.EndLine,
                            snippet,
                            author = Author(hit),
                            hit.Commit,
                            at = db.Time(hit.At),
                            occurrence,
                        },
                        transaction);
                }

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

    /// <summary>The repository a push names, by its identity; added (with a name no other repository
    /// holds) when the store does not have it.</summary>
    private static async Task<long> PushedRepositoryAsync(StoreDatabase db, EvidencePush push, DateTimeOffset at, DbTransaction transaction)
    {
        if (await db.Connection.ExecuteScalarAsync<long?>("SELECT id FROM repositories WHERE identity = @RepositoryIdentity", new { push.RepositoryIdentity }, transaction) is { } id)
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
