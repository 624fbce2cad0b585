using System.Data.Common;
using Dapper;
using Skillprint.Core.Audit;
using Skillprint.Core.People;
using Skillprint.Store.Engines;

namespace Skillprint.Store;

/// <summary>
/// The audit log (migration 13). Each change to a person's data inserts its event with
/// <see cref="AuditAsync"/> in the change's own transaction, so a change that fails leaves no event
/// and no event is missing for a change that was stored. The actor is <see cref="AuditActor.Current"/>.
/// The event's time is the clock's when it was written (not the change's own time, which an import
/// may set in the past).
/// </summary>
public sealed partial class SkillprintStore : IAuditStore
{
    private const string AuditColumns =
        """
        a.id AS Id, a.at AS At, a.actor_kind AS ActorKind, a.actor_id AS ActorId, actor.primary_email AS Actor,
        a.actor_token_id AS ActorTokenId, a.action AS Action, a.subject_id AS SubjectId, subject.primary_email AS Subject,
        a.target AS Target, a.detail AS Detail
        FROM audit_events AS a
        LEFT JOIN persons AS actor ON actor.id = a.actor_id
        LEFT JOIN persons AS subject ON subject.id = a.subject_id
        """;

    public Task<IReadOnlyList<AuditEvent>> ListAuditEventsAsync(PersonId subject, int limit, long? before = null, CancellationToken cancel = default) =>
        ListAuditAsync("a.subject_id = @subject", subject.Value, limit, before, cancel);

    public Task<IReadOnlyList<AuditEvent>> ListAllAuditEventsAsync(int limit, long? before = null, CancellationToken cancel = default) =>
        ListAuditAsync("1 = 1", null, limit, before, cancel);

    public Task RecordViewsAsync(string action, IReadOnlyList<PersonId> subjects, string? target, string? detail, bool alsoUnattributed = false, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(subjects);
        var actor = AuditActor.Current;
        var others = subjects.Where(s => s != actor.Person).Distinct().ToList();
        if (others.Count == 0 && !alsoUnattributed)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(
            async (db, transaction) =>
            {
                if (alsoUnattributed)
                {
                    await AuditAsync(db, transaction, action, null, target, detail);
                }

                foreach (var subject in others)
                {
                    await AuditAsync(db, transaction, action, subject.Value, target, detail);
                }

                return 0;
            },
            cancel);
    }

    /// <summary>Inserts one event by the current actor in <paramref name="transaction"/>: the one
    /// way an event is written. <paramref name="subject"/> is whose data (a person id), or null.</summary>
    private static Task AuditAsync(StoreDatabase db, DbTransaction transaction, string action, long? subject, string? target, string? detail)
    {
        var actor = AuditActor.Current;
        return db.Connection.ExecuteAsync(
            """
            INSERT INTO audit_events (at, actor_kind, actor_id, actor_token_id, action, subject_id, target, detail)
            VALUES (@at, @kind, @actorId, @tokenId, @action, @subject, @target, @detail)
            """,
            new
            {
                at = db.Time(DateTimeOffset.UtcNow),
                kind = ActorKindText(actor.Kind),
                actorId = actor.Kind == AuditActorKind.Person ? actor.Person?.Value : null,
                tokenId = actor.Kind == AuditActorKind.TeamToken ? actor.TokenId : null,
                action,
                subject,
                target,
                detail,
            },
            transaction);
    }

    private Task<IReadOnlyList<AuditEvent>> ListAuditAsync(string where, long? subject, int limit, long? before, CancellationToken cancel)
    {
        if (limit < 1 || limit > AuditPage.MaxLimit)
        {
            throw new StoreException(StoreFault.InvalidInput, $"limit must be 1 to {AuditPage.MaxLimit}, not {limit}");
        }

        // "a.id < @before" only when given: written as "@before IS NULL OR ...", neither engine
        // would read it as a range of the key, and a page deep in the log would walk every newer row.
        return ReadAsync<IReadOnlyList<AuditEvent>>(
            async db =>
            {
                var rows = await db.Connection.QueryAsync<AuditRow>(new CommandDefinition(
                    $"""
                    SELECT {AuditColumns}
                    WHERE {where}{(before is null ? "" : " AND a.id < @before")}
                    ORDER BY a.id DESC
                    LIMIT @limit
                    """,
                    new { subject, before, limit },
                    cancellationToken: cancel));
                return rows.Select(row => row.ToEvent()).ToList();
            },
            cancel);
    }

    private static string ActorKindText(AuditActorKind kind) => kind switch
    {
        AuditActorKind.Person => "person",
        AuditActorKind.Local => "local",
        AuditActorKind.TeamToken => "team-token",
        _ => throw new StoreException(StoreFault.InvalidInput, $"'{(int)kind}' is not an actor kind"),
    };

    private sealed class AuditRow
    {
        public long Id { get; set; }

        public object At { get; set; } = "";

        public string ActorKind { get; set; } = "";

        public long? ActorId { get; set; }

        public string? Actor { get; set; }

        public long? ActorTokenId { get; set; }

        public string Action { get; set; } = "";

        public long? SubjectId { get; set; }

        public string? Subject { get; set; }

        public string? Target { get; set; }

        public string? Detail { get; set; }

        public AuditEvent ToEvent() => new(
            Id,
            StoredTime.Read(At, "audit_events.at"),
            ActorKind switch
            {
                "person" => AuditActorKind.Person,
                "team-token" => AuditActorKind.TeamToken,
                _ => AuditActorKind.Local,
            },
            Actor ?? (ActorId is { } a ? $"person {a}" : null),
            ActorTokenId,
            Action,
            Subject ?? (SubjectId is { } s ? $"person {s}" : null),
            Target,
            Detail);
    }
}
