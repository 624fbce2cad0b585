using System.Data.Common;
using Dapper;
using Skillprint.Core.Evidence;

namespace Skillprint.Store;

/// <summary>Changes to one piece of evidence, each checked against the acting person in the query:
/// a hit is the actor's when one of their emails wrote its line; manual evidence when they entered it.</summary>
public sealed partial class SkillprintStore
{
    /// <summary>The emails of the person who has <paramref name="email"/>, as a subquery.</summary>
    private const string ActorEmails =
        "SELECT mine.email FROM person_emails AS mine JOIN person_emails AS me ON me.person_id = mine.person_id WHERE me.email = @actor";

    public IReadOnlyList<string> EmailsOf(string email)
    {
        var normalized = NormalizeEmail(email);
        return Read(() => FindPersonId(normalized, null) is { } id ? LoadPerson(id, null).Emails : [normalized]);
    }

    public EvidenceChange DismissHit(string actor, long id, DateTimeOffset at)
    {
        var email = NormalizeEmail(actor);
        var name = EvidenceRef.Of(EvidenceSource.Code, id);
        return Write(transaction =>
        {
            var connection = Database.Connection;
            var hit = FindOwnHit(email, id, transaction);
            if (hit is null)
            {
                return NotActorsHit(name, id, email, transaction);
            }

            var personId = EnsurePersonId(email, transaction);
            var added = connection.Execute(
                """
                INSERT INTO hit_dismissals (person_id, repository_id, path, framework, skill, snippet, occurrence, dismissed_at)
                VALUES (@personId, @RepositoryId, @Path, @Framework, @Skill, @Snippet, @Occurrence, @at)
                ON CONFLICT (repository_id, path, framework, skill, snippet, occurrence) DO NOTHING
                """,
                new { personId, hit.RepositoryId, hit.Path, hit.Framework, hit.Skill, hit.Snippet, hit.Occurrence, at = Database.Time(at) },
                transaction);
            return new EvidenceChange(name, added == 1 ? EvidenceOutcome.Done : EvidenceOutcome.Unchanged, hit.Describe());
        });
    }

    public EvidenceChange RestoreHit(string actor, long id)
    {
        var email = NormalizeEmail(actor);
        var name = EvidenceRef.Of(EvidenceSource.Code, id);
        return Write(transaction =>
        {
            var hit = FindOwnHit(email, id, transaction);
            if (hit is null)
            {
                return NotActorsHit(name, id, email, transaction);
            }

            var removed = Database.Connection.Execute(
                """
                DELETE FROM hit_dismissals
                WHERE repository_id = @RepositoryId AND path = @Path AND framework = @Framework AND skill = @Skill
                  AND snippet = @Snippet AND occurrence = @Occurrence
                  AND (person_id IS NULL OR person_id IN (SELECT person_id FROM person_emails WHERE email = @email))
                """,
                new { hit.RepositoryId, hit.Path, hit.Framework, hit.Skill, hit.Snippet, hit.Occurrence, email },
                transaction);
            return new EvidenceChange(name, removed > 0 ? EvidenceOutcome.Done : EvidenceOutcome.Unchanged, hit.Describe());
        });
    }

    public EvidenceChange RemoveManualEvidence(string actor, long id, DateTimeOffset at) =>
        ChangeManualEvidence(actor, id, "removed_at = @at", "removed_at IS NULL", at);

    public EvidenceChange RestoreManualEvidence(string actor, long id) =>
        ChangeManualEvidence(actor, id, "removed_at = NULL", "removed_at IS NOT NULL", null);

    private EvidenceChange ChangeManualEvidence(string actor, long id, string set, string when, DateTimeOffset? at)
    {
        var email = NormalizeEmail(actor);
        var name = EvidenceRef.Of(EvidenceSource.Manual, id);
        return Write(transaction =>
        {
            var connection = Database.Connection;
            var changed = connection.Execute(
                $"""
                UPDATE manual_evidence SET {set}
                WHERE id = @id AND {when} AND person_id IN (SELECT person_id FROM person_emails WHERE email = @email)
                """,
                new { id, email, at = at is { } time ? Database.Time(time) : null },
                transaction);
            var row = connection.QuerySingleOrDefault<(string Topic, string? Skill, long Mine)>(
                """
                SELECT m.topic, m.skill,
                       CASE WHEN m.person_id IN (SELECT person_id FROM person_emails WHERE email = @email) THEN 1 ELSE 0 END
                FROM manual_evidence AS m WHERE m.id = @id
                """,
                new { id, email },
                transaction);
            if (row.Topic is null)
            {
                return new EvidenceChange(name, EvidenceOutcome.NotFound, null);
            }

            var what = row.Skill ?? row.Topic;
            return row.Mine == 0
                ? new EvidenceChange(name, EvidenceOutcome.NotYours, what, "another person")
                : new EvidenceChange(name, changed == 1 ? EvidenceOutcome.Done : EvidenceOutcome.Unchanged, what);
        });
    }

    /// <summary>The hit, when the actor (or another email of theirs) wrote its line; else null.</summary>
    private OwnHitRow? FindOwnHit(string email, long id, DbTransaction transaction) =>
        Database.Connection.QuerySingleOrDefault<OwnHitRow>(
            $"""
            SELECT f.repository_id AS RepositoryId, r.name AS Repository, f.path AS Path, h.line AS Line, h.framework AS Framework,
                   h.skill AS Skill, h.snippet AS Snippet, h.occurrence AS Occurrence
            FROM hits AS h JOIN files AS f ON f.id = h.file_id JOIN repositories AS r ON r.id = f.repository_id
            WHERE h.id = @id AND (h.author_email IN ({ActorEmails}) OR h.author_email = @actor)
            """,
            new { id, actor = email },
            transaction);

    private EvidenceChange NotActorsHit(string name, long id, string email, DbTransaction transaction)
    {
        var other = Database.Connection.QuerySingleOrDefault<(string? Author, string Repository, string Path, long Line, string Skill)>(
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
