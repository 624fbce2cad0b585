using Skillprint.Core.Frameworks;
using Skillprint.Core.People;
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
    /// <summary>The code hits that count for a person (every email of theirs), or for everyone;
    /// <paramref name="withCommits"/>: each hit's commit too (evidence lists show it; the status does not).</summary>
    public Task<IReadOnlyList<CodeHit>> CodeHitsAsync(
        string framework, Person person, bool allAuthors, string? skill = null, bool includeDismissed = false, bool withCommits = true, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        IReadOnlyCollection<string>? authors = allAuthors ? null : person.Emails;
        return store.ListCodeHitsAsync(new CodeHitQuery(framework, authors, skill, IncludeDismissed: includeDismissed, WithCommits: withCommits), cancel);
    }

    public async Task<ListPage<EvidenceEntry>> ListAsync(Framework framework, Person person, EvidenceFilter filter, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(filter);
        var manual = (await store.ListManualEvidenceAsync(person.Id, framework.Id, filter.Topic, cancel))
            .Where(e => filter.Skill is null || string.Equals(e.Skill, filter.Skill, StringComparison.Ordinal))
            .Reverse();
        var hits = (await CodeHitsAsync(framework.Id, person, filter.AllAuthors, filter.Skill, filter.IncludeDismissed, cancel: cancel))
            .Where(h => filter.Topic is null || string.Equals(h.Topic, filter.Topic, StringComparison.Ordinal));
        var all = hits.Select(h => EvidenceEntry.Of(h, framework)).Concat(manual.Select(e => EvidenceEntry.Of(e, framework))).ToList();
        return new ListPage<EvidenceEntry>(filter.Limit is { } limit ? all.Take(Math.Max(0, limit)).ToList() : all, all.Count);
    }

    /// <summary>Records evidence entered by hand for a topic or one of its skills.</summary>
    public async Task<EvidenceEntry> AddAsync(Framework framework, Person person, Topic topic, Skill? skill, string? link, string? note, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(topic);
        var evidence = new ManualEvidence(0, person.PrimaryEmail, framework.Id, topic.Id, skill?.Id, Blank(link), Blank(note), time.GetUtcNow());
        var id = await store.AddManualEvidenceAsync(person.Id, evidence, cancel);
        return EvidenceEntry.Of(evidence with { Id = id }, framework);
    }

    /// <summary>Dismisses code hits: each stops counting for the person, also after rescans.</summary>
    public Task<IReadOnlyList<EvidenceChange>> DismissAsync(PersonId actor, IEnumerable<EvidenceRef> ids, CancellationToken cancel = default) =>
        EachAsync(ids, id => id.Source == EvidenceSource.Code
            ? store.DismissHitAsync(actor, id.Number, time.GetUtcNow(), cancel)
            : Task.FromResult(new EvidenceChange(id.ToString(), EvidenceOutcome.WrongKind, "manual evidence is removed, not dismissed: skillprint evidence remove " + id)));

    /// <summary>Undoes a dismissal (h ids) or a removal (m ids).</summary>
    public Task<IReadOnlyList<EvidenceChange>> RestoreAsync(PersonId actor, IEnumerable<EvidenceRef> ids, CancellationToken cancel = default) =>
        EachAsync(ids, id => id.Source == EvidenceSource.Code
            ? store.RestoreHitAsync(actor, id.Number, cancel)
            : store.RestoreManualEvidenceAsync(actor, id.Number, cancel));

    /// <summary>Removes manual evidence (kept for history; <see cref="RestoreAsync"/> brings it back).</summary>
    public Task<IReadOnlyList<EvidenceChange>> RemoveAsync(PersonId actor, IEnumerable<EvidenceRef> ids, CancellationToken cancel = default) =>
        EachAsync(ids, id => id.Source == EvidenceSource.Manual
            ? store.RemoveManualEvidenceAsync(actor, id.Number, time.GetUtcNow(), cancel)
            : Task.FromResult(new EvidenceChange(id.ToString(), EvidenceOutcome.WrongKind, "a code hit is dismissed, not removed: skillprint evidence dismiss " + id)));

    /// <summary>One change after the other, in the order given (each its own transaction).</summary>
    private static async Task<IReadOnlyList<EvidenceChange>> EachAsync(IEnumerable<EvidenceRef> ids, Func<EvidenceRef, Task<EvidenceChange>> change)
    {
        var changes = new List<EvidenceChange>();
        foreach (var id in ids)
        {
            changes.Add(await change(id));
        }

        return changes;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
