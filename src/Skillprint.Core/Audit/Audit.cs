using Skillprint.Core.People;

namespace Skillprint.Core.Audit;

/// <summary>Who made a change or read someone's data.</summary>
public enum AuditActorKind
{
    /// <summary>A signed-in person (a session or their own token).</summary>
    Person,

    /// <summary>The command line on its own store: whoever runs it on that machine.</summary>
    Local,

    /// <summary>A team's push token (a repository's CI): no person acts.</summary>
    TeamToken,
}

/// <summary>
/// The actor the store records with each audit event. The server sets it once per request, after
/// authentication (<see cref="Use"/>); where nothing set it, the actor is <see cref="Local"/>, the
/// command line on its own store. It flows with the request's async calls, so the store need not
/// take it as a parameter of every write.
/// </summary>
public sealed record AuditActor(AuditActorKind Kind, PersonId? Person = null, long? TokenId = null)
{
    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    public static AuditActor Local { get; } = new(AuditActorKind.Local);

    /// <summary>The actor of the current request or command.</summary>
    public static AuditActor Current => Ambient.Value ?? Local;

    public static AuditActor Of(PersonId person) => new(AuditActorKind.Person, person);

    public static AuditActor OfTeamToken(long tokenId) => new(AuditActorKind.TeamToken, TokenId: tokenId);

    /// <summary>Makes <paramref name="actor"/> the current actor until the result is disposed.</summary>
    public static IDisposable Use(AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var before = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(before);
    }

    private sealed class Restore(AuditActor? before) : IDisposable
    {
        public void Dispose() => Ambient.Value = before;
    }
}

/// <summary>What an audit event records. Each is a change to a person's data, or (the View ones) a
/// read of someone else's data through the server.</summary>
public static class AuditAction
{
    public const string AssessmentAdd = "assessment.add";
    public const string EvidenceAdd = "evidence.add";
    public const string EvidenceRemove = "evidence.remove";
    public const string EvidenceRestore = "evidence.restore";
    public const string HitDismiss = "hit.dismiss";
    public const string HitRestore = "hit.restore";
    public const string EmailAdd = "email.add";
    public const string EmailRemove = "email.remove";
    public const string PersonMerge = "person.merge";
    public const string TeamAdd = "team.add";
    public const string TeamRemove = "team.remove";
    public const string TeamPersonAdd = "team.person.add";
    public const string TeamPersonRemove = "team.person.remove";
    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";
    public const string IdentityLink = "identity.link";
    public const string IdentityUnlink = "identity.unlink";
    public const string SettingsChange = "settings.change";
    public const string UserAdd = "user.add";
    public const string RepositoryRemove = "repository.remove";
    public const string Push = "push";
    public const string ViewTeamMatrix = "view.team-matrix";
    public const string ViewPerson = "view.person";
}

/// <summary>
/// One audit event: when, who acted (<paramref name="Actor"/> is the person's primary email, or
/// null for the local command line or a team token, whose id is <paramref name="ActorTokenId"/>),
/// what they did, whose data it was (<paramref name="Subject"/>, a primary email; null for an
/// organisation-wide change), what it named (<paramref name="Target"/>: a team, a topic, a token, a
/// repository) and a few words more. Never source text, a token's secret or a password.
/// A person who is gone (merged into another) is named "person N".
/// </summary>
public sealed record AuditEvent(
    long Id,
    DateTimeOffset At,
    AuditActorKind ActorKind,
    string? Actor,
    long? ActorTokenId,
    string Action,
    string? Subject,
    string? Target,
    string? Detail);

/// <summary>The store as the audit log needs it (implemented by Skillprint.Store). Changes record
/// their own events in their own transactions; only reads are recorded from outside.</summary>
public interface IAuditStore
{
    /// <summary>The events about <paramref name="subject"/>'s data, newest first: at most
    /// <paramref name="limit"/>, and only those older than event <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<AuditEvent>> ListAuditEventsAsync(PersonId subject, int limit, long? before = null, CancellationToken cancel = default);

    /// <summary>Every event, newest first, at most <paramref name="limit"/>, older than <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<AuditEvent>> ListAllAuditEventsAsync(int limit, long? before = null, CancellationToken cancel = default);

    /// <summary>Records that the current actor read the data of each of <paramref name="subjects"/>
    /// (one event each; the actor's own id is left out), and one event with no subject when
    /// <paramref name="alsoUnattributed"/> (a team's matrix as a whole), in one transaction.</summary>
    Task RecordViewsAsync(string action, IReadOnlyList<PersonId> subjects, string? target, string? detail, bool alsoUnattributed = false, CancellationToken cancel = default);
}

/// <summary>The limits of one page of the audit log.</summary>
public static class AuditPage
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

/// <summary>One page of the audit log, newest first; <paramref name="Next"/> is the
/// <c>before</c> that reads the page after it, or null when this one is the last.</summary>
public sealed record AuditLog(string? Person, IReadOnlyList<AuditEvent> Events, long? Next);

/// <summary>Reads the audit log: a person's (what was done to their data and who read it) or,
/// for an admin, everyone's. The caller has checked who may read what.</summary>
public sealed class AuditService(IAuditStore store)
{
    /// <summary>The page of events older than <paramref name="before"/> (all when null), at most
    /// <paramref name="limit"/>: <paramref name="subject"/>'s, or everyone's when null.</summary>
    public async Task<AuditLog> ReadAsync(Person? subject, int limit, long? before, CancellationToken cancel = default)
    {
        var events = subject is null
            ? await store.ListAllAuditEventsAsync(limit, before, cancel).ConfigureAwait(false)
            : await store.ListAuditEventsAsync(subject.Id, limit, before, cancel).ConfigureAwait(false);
        return new AuditLog(subject?.PrimaryEmail, events, events.Count == limit ? events[^1].Id : null);
    }

    /// <summary>A limit given by a person, checked: null for a bad one.</summary>
    public static int? Limit(string? text) =>
        text is null ? AuditPage.DefaultLimit
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= AuditPage.MaxLimit ? n
        : null;
}
