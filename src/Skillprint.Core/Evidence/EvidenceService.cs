using Skillprint.Core.Frameworks;
using Skillprint.Core.Scanning;
using Skillprint.Core.Status;

namespace Skillprint.Core.Evidence;

/// <summary>What to list of a person's evidence.</summary>
/// <param name="AllAuthors">Every author's code hits, as one person's.</param>
/// <param name="Limit">At most this many entries (null: all); <see cref="ListPage{T}.Total"/> says how many there are.</param>
public sealed record EvidenceFilter(
    string? Topic = null,
    string? Skill = null,
    bool IncludeDismissed = false,
    bool AllAuthors = false,
    int? Limit = null);

/// <summary>
/// A person's evidence: listing it (code hits first, by repository, path and line; then what they
/// entered by hand, newest first), adding it, and changing one piece of it by its id. The acting
/// person is given by the caller (the CLI's local user, the server's signed-in user) and the store
/// checks that what changes is theirs.
/// </summary>
public sealed class EvidenceService(IEvidenceStore store, TimeProvider time)
{
    /// <summary>The code hits that count for a person (every email of theirs), or for everyone.</summary>
    public IReadOnlyList<CodeHit> CodeHits(string framework, string person, bool allAuthors, string? skill = null, bool includeDismissed = false)
    {
        IReadOnlyCollection<string>? authors = allAuthors ? null : store.EmailsOf(person);
        return store.ListCodeHits(new CodeHitQuery(framework, authors, skill, IncludeDismissed: includeDismissed));
    }

    public ListPage<EvidenceEntry> List(Framework framework, string person, EvidenceFilter filter)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(filter);
        var manual = store.ListManualEvidence(person, framework.Id, filter.Topic)
            .Where(e => filter.Skill is null || string.Equals(e.Skill, filter.Skill, StringComparison.Ordinal))
            .Reverse();
        var hits = CodeHits(framework.Id, person, filter.AllAuthors, filter.Skill, filter.IncludeDismissed)
            .Where(h => filter.Topic is null || string.Equals(h.Topic, filter.Topic, StringComparison.Ordinal));
        var all = hits.Select(h => EvidenceEntry.Of(h, framework)).Concat(manual.Select(e => EvidenceEntry.Of(e, framework))).ToList();
        return new ListPage<EvidenceEntry>(filter.Limit is { } limit ? all.Take(Math.Max(0, limit)).ToList() : all, all.Count);
    }

    /// <summary>Records evidence entered by hand for a topic or one of its skills.</summary>
    public EvidenceEntry Add(Framework framework, string person, Topic topic, Skill? skill, string? link, string? note)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(topic);
        var evidence = new ManualEvidence(0, person, framework.Id, topic.Id, skill?.Id, Blank(link), Blank(note), time.GetUtcNow());
        var id = store.AddManualEvidence(evidence);
        return EvidenceEntry.Of(evidence with { Id = id }, framework);
    }

    /// <summary>Dismisses code hits: each stops counting for the person, also after rescans.</summary>
    public IReadOnlyList<EvidenceChange> Dismiss(string actor, IEnumerable<EvidenceRef> ids) =>
        ids.Select(id => id.Source == EvidenceSource.Code
            ? store.DismissHit(actor, id.Number, time.GetUtcNow())
            : new EvidenceChange(id.ToString(), EvidenceOutcome.WrongKind, "manual evidence is removed, not dismissed: skillprint evidence remove " + id))
            .ToList();

    /// <summary>Undoes a dismissal (h ids) or a removal (m ids).</summary>
    public IReadOnlyList<EvidenceChange> Restore(string actor, IEnumerable<EvidenceRef> ids) =>
        ids.Select(id => id.Source == EvidenceSource.Code
            ? store.RestoreHit(actor, id.Number)
            : store.RestoreManualEvidence(actor, id.Number))
            .ToList();

    /// <summary>Removes manual evidence (kept for history; <see cref="Restore"/> brings it back).</summary>
    public IReadOnlyList<EvidenceChange> Remove(string actor, IEnumerable<EvidenceRef> ids) =>
        ids.Select(id => id.Source == EvidenceSource.Manual
            ? store.RemoveManualEvidence(actor, id.Number, time.GetUtcNow())
            : new EvidenceChange(id.ToString(), EvidenceOutcome.WrongKind, "a code hit is dismissed, not removed: skillprint evidence dismiss " + id))
            .ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
