using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.People;
using Skillprint.Core.Scanning;

namespace Skillprint.Core.Status;

/// <summary>Whose code a page would have counted, when none of it is the person's: the other
/// authors with the most hits, and how many authors there are in all.</summary>
public sealed record OtherAuthors(string Person, IReadOnlyList<AuthorHits> Top, int AuthorCount);

/// <summary>An author of scanned code and how many hits their lines hold.</summary>
public sealed record AuthorHits(string? Author, int Hits);

/// <summary>
/// A person's standing, from what the store holds for them: self-assessments, manual evidence and
/// the code hits of their emails (or every author's), dismissed hits left out.
/// </summary>
public sealed class StatusService(IEvidenceStore store, TimeProvider time)
{
    private readonly EvidenceService evidence = new(store, time);

    /// <summary>The person's status in the framework; <paramref name="allAuthors"/> counts every
    /// author's code as theirs.</summary>
    public async Task<PersonalStatus> ComputeAsync(Framework framework, Person person, bool allAuthors = false, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        var hits = await evidence.CodeHitsAsync(framework.Id, person, allAuthors, withCommits: false, cancel: cancel);
        return await ComputeAsync(framework, person, hits, allAuthors ? null : person.PrimaryEmail, cancel);
    }

    /// <summary>The person's status with the code hits read already (a team's, read in one query).</summary>
    public async Task<PersonalStatus> ComputeAsync(Framework framework, Person person, IEnumerable<CodeHit> hits, string? shownAs, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(hits);
        var now = time.GetUtcNow();
        var manual = (await store.ListManualEvidenceAsync(person.Id, framework.Id, null, cancel)).Select(EvidenceItem.FromManual);
        return PersonalStatus.Compute(
            framework,
            await store.GetSelfAssessmentsAsync(person.Id, framework.Id, null, cancel),
            manual.Concat(hits.Select(hit => hit.ToEvidence(now))),
            time,
            shownAs);
    }

    /// <summary>Why a topic's level is what it is, skill by skill.</summary>
    public TopicExplanation Explain(Framework framework, Topic topic, PersonalStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(topic);
        return TopicExplanation.Explain(framework, topic, status.Topics.Single(t => t.Id == topic.Id));
    }

    /// <summary>
    /// When none of the scanned code counts for the person but other authors' does (git's
    /// user.email differs from the commits' author, say), a page of empty levels would mislead:
    /// the authors whose code it is, for the caller to say so. Null when there is nothing to say.
    /// </summary>
    public async Task<OtherAuthors?> OtherAuthorsOfAsync(Framework framework, Person person, PersonalStatus status, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(status);
        if (status.Person is null || status.Topics.Any(t => t.Evidence.Any(e => e.Code is not null)))
        {
            return null;
        }

        var others = (await evidence.CodeHitsAsync(framework.Id, person, allAuthors: true, cancel: cancel))
            .GroupBy(hit => hit.Author, StringComparer.Ordinal)
            .Select(group => new AuthorHits(group.Key, group.Count()))
            .OrderByDescending(a => a.Hits)
            .ThenBy(a => a.Author, StringComparer.Ordinal)
            .ToList();
        return others.Count == 0 ? null : new OtherAuthors(person.PrimaryEmail, others.Take(3).ToList(), others.Count);
    }
}
