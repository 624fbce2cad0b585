using System.Data.Common;
using Dapper;
using Skillprint.Core.Audit;
using Skillprint.Core.Evidence;
using Skillprint.Core.People;
using Skillprint.Store.Engines;

namespace Skillprint.Store;

/// <summary>Changes to one piece of evidence, each checked against the acting person in the query:
/// a hit is the actor's when one of their emails wrote its line; manual evidence when they entered it.</summary>
public sealed partial class SkillprintStore
{
    /// <summary>The emails of the person @actor, as a subquery.</summary>
    private const string ActorEmails = "SELECT mine.email FROM person_emails AS mine WHERE mine.person_id = @actor";

    public Task<EvidenceChange> DismissHitAsync(PersonId actor, long id, DateTimeOffset at, CancellationToken cancel = default) =>
        ChangeOwnHitAsync(actor, id, AuditAction.HitDismiss, cancel, async (db, transaction, hit) => await db.Connection.ExecuteAsync(
            """
            INSERT INTO hit_dismissals (person_id, repository_id, path, framework, skill, snippet, occurrence, dismissed_at)
            VALUES (@personId, @RepositoryId, @Path, @Framework, @Skill, @Snippet, @Occurrence, @at)
            ON CONFLICT (repository_id, path, framework, skill, snippet, occurrence) DO NOTHING
            """,
            new { personId = actor.Value, hit.RepositoryId, hit.Path, hit.Framework, hit.Skill, hit.Snippet, hit.Occurrence, at = db.Time(at) },
            transaction));

    public Task<EvidenceChange> RestoreHitAsync(PersonId actor, long id, CancellationToken cancel = default) =>
        ChangeOwnHitAsync(actor, id, AuditAction.HitRestore, cancel, async (db, transaction, hit) => await db.Connection.ExecuteAsync(
            """
            DELETE FROM hit_dismissals
            WHERE repository_id = @RepositoryId AND path = @Path AND framework = @Framework AND skill = @Skill
              AND snippet = @Snippet AND occurrence = @Occurrence
              AND (person_id IS NULL OR person_id = @actor)
            """,
            new { hit.RepositoryId, hit.Path, hit.Framework, hit.Skill, hit.Snippet, hit.Occurrence, actor = actor.Value },
            transaction));

    /// <summary>Runs <paramref name="change"/> on hit <paramref name="id"/> when one of the actor's
    /// emails wrote its line (done when it changed a row); else says whose it is, or that there is none.</summary>
    private Task<EvidenceChange> ChangeOwnHitAsync(PersonId actor, long id, string action, CancellationToken cancel, Func<StoreDatabase, DbTransaction, OwnHitRow, Task<int>> change)
    {
        var name = EvidenceRef.Of(EvidenceSource.Code, id);
        return WriteAsync(
            async (db, transaction) =>
            {
                if (await FindOwnHitAsync(db, actor, id, transaction) is not { } hit)
                {
                    return await NotActorsHitAsync(db, name, id, transaction);
                }

                var changed = await change(db, transaction, hit);
                if (changed > 0)
                {
                    await AuditAsync(db, transaction, action, actor.Value, name, hit.Describe());
                }

                return new EvidenceChange(name, changed > 0 ? EvidenceOutcome.Done : EvidenceOutcome.Unchanged, hit.Describe());
            },
            cancel);
    }

    public Task<EvidenceChange> RemoveManualEvidenceAsync(PersonId actor, long id, DateTimeOffset at, CancellationToken cancel = default) =>
        ChangeManualEvidenceAsync(actor, id, AuditAction.EvidenceRemove, "removed_at = @at", "removed_at IS NULL", at, cancel);

    public Task<EvidenceChange> RestoreManualEvidenceAsync(PersonId actor, long id, CancellationToken cancel = default) =>
        ChangeManualEvidenceAsync(actor, id, AuditAction.EvidenceRestore, "removed_at = NULL", "removed_at IS NOT NULL", null, cancel);

    private Task<EvidenceChange> ChangeManualEvidenceAsync(PersonId actor, long id, string action, string set, string when, DateTimeOffset? at, CancellationToken cancel)
    {
        var name = EvidenceRef.Of(EvidenceSource.Manual, id);
        return WriteAsync(
            async (db, transaction) =>
            {
                var connection = db.Connection;
                var changed = await connection.ExecuteAsync(
                    $"""
                    UPDATE manual_evidence SET {set}
                    WHERE id = @id AND {when} AND person_id = @actor
                    """,
                    new { id, actor = actor.Value, at = at is { } time ? db.Time(time) : null },
                    transaction);
                var row = await connection.QuerySingleOrDefaultAsync<(string Topic, string? Skill, long Mine)>(
                    """
                    SELECT m.topic, m.skill, CASE WHEN m.person_id = @actor THEN 1 ELSE 0 END
                    FROM manual_evidence AS m WHERE m.id = @id
                    """,
                    new { id, actor = actor.Value },
                    transaction);
                if (row.Topic is null)
                {
                    return new EvidenceChange(name, EvidenceOutcome.NotFound, null);
                }

                var what = row.Skill ?? row.Topic;
                if (changed == 1)
                {
                    await AuditAsync(db, transaction, action, actor.Value, name, what);
                }

                return row.Mine == 0
                    ? new EvidenceChange(name, EvidenceOutcome.NotYours, what, "another person")
                    : new EvidenceChange(name, changed == 1 ? EvidenceOutcome.Done : EvidenceOutcome.Unchanged, what);
            },
            cancel);
    }

    /// <summary>The hit, when one of the actor's emails wrote its line; else null.</summary>
    private static Task<OwnHitRow?> FindOwnHitAsync(StoreDatabase db, PersonId actor, long id, DbTransaction transaction) =>
        db.Connection.QuerySingleOrDefaultAsync<OwnHitRow?>(
            $"""
            SELECT f.repository_id AS RepositoryId, r.name AS Repository, f.path AS Path, h.line AS Line, h.framework AS Framework,
                   h.skill AS Skill, h.snippet AS Snippet, h.occurrence AS Occurrence
            FROM hits AS h JOIN files AS f ON f.id = h.file_id JOIN repositories AS r ON r.id = f.repository_id
            WHERE h.id = @id AND h.author_email IN ({ActorEmails})
            """,
            new { id, actor = actor.Value },
            transaction);

    private static async Task<EvidenceChange> NotActorsHitAsync(StoreDatabase db, string name, long id, DbTransaction transaction)
    {
        var other = await db.Connection.QuerySingleOrDefaultAsync<(string? Author, string Repository, string Path, long Line, string Skill)>(
            """
            SELECT h.author_email, r.name, f.path, h.line, h.skill
            FROM hits AS h JOIN files AS f ON f.id = h.file_id JOIN repositories AS r ON r.id = f.repository_id
            WHERE h.id = @id
            """,
            new { id },
            transaction);
        return other.Repository is null
            ? new EvidenceChange(name, EvidenceOutcome.NotFound, null)
            : new EvidenceChange(name, EvidenceOutcome.NotYours, $"{other.Skill} in {other.Repository}: {other.Path}:{other.Line}", other.Author ?? "an unknown author");
    }

    private sealed class OwnHitRow
    {
        public long RepositoryId { get; set; }

        public string Repository { get; set; } = "";

        public string Path { get; set; } = "";

        public long Line { get; set; }

        public string Framework { get; set; } = "";

        public string Skill { get; set; } = "";

        public string Snippet { get; set; } = "";

        public long Occurrence { get; set; }

        public string Describe() => $"{Skill} in {Repository}: {Path}:{Line}";
    }
}
