using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;

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
    public PersonalStatus Compute(Framework framework, string person, bool allAuthors = false)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var now = time.GetUtcNow();
        var manual = store.ListManualEvidence(person, framework.Id).Select(EvidenceItem.FromManual);
        var code = evidence.CodeHits(framework.Id, person, allAuthors).Select(hit => hit.ToEvidence(now));
        return PersonalStatus.Compute(
            framework,
            store.GetSelfAssessments(person, framework.Id),
            manual.Concat(code),
            time,
            allAuthors ? null : person);
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
    public OtherAuthors? OtherAuthorsOf(Framework framework, string person, PersonalStatus status)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(status);
        if (status.Person is null || status.Topics.Any(t => t.Evidence.Any(e => e.Code is not null)))
        {
            return null;
        }

        var others = evidence.CodeHits(framework.Id, person, allAuthors: true)
            .GroupBy(hit => hit.Author, StringComparer.Ordinal)
            .Select(group => new AuthorHits(group.Key, group.Count()))
            .OrderByDescending(a => a.Hits)
            .ThenBy(a => a.Author, StringComparer.Ordinal)
            .ToList();
        return others.Count == 0 ? null : new OtherAuthors(person, others.Take(3).ToList(), others.Count);
    }
}
