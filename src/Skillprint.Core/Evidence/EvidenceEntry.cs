using System.Text.Json.Serialization;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Scanning;
using Skillprint.Core.Status;

namespace Skillprint.Core.Evidence;

/// <summary>
/// One line of a person's evidence list, in the shape docs/evidence-json.md documents (the JSON of
/// `skillprint evidence list --format json` and of the API): every key always present, null where
/// it does not apply. <see cref="Id"/> is "h42" for a code hit, "m4" for manual evidence.
/// </summary>
public sealed record EvidenceEntry(
    string Kind,
    string Id,
    string Topic,
    string? Skill,
    string? SkillName,
    DateTimeOffset? At,
    string? Repository,
    string? Path,
    int? Line,
    int? EndLine,
    string? Snippet,
    string? Author,
    string? Commit,
    bool? Dismissed,
    string? Link,
    string? Note)
{
    /// <summary>"repository: path:line" for a code hit, null for manual evidence.</summary>
    [JsonIgnore]
    public string? Where => Repository is null ? null : $"{Repository}: {Path}:{Line}";

    public static EvidenceEntry Of(CodeHit hit, Framework framework) => new(
        "code", EvidenceRef.Of(EvidenceSource.Code, hit.Id), hit.Topic, hit.Skill, framework.FindSkill(hit.Skill)?.Name, hit.At,
        hit.Repository, hit.Path, hit.Line, hit.EndLine, hit.Snippet, hit.Author, hit.Commit, hit.Dismissed, null, null);

    public static EvidenceEntry Of(ManualEvidence evidence, Framework framework) => new(
        "manual", EvidenceRef.Of(EvidenceSource.Manual, evidence.Id), evidence.Topic, evidence.Skill,
        evidence.Skill is null ? null : framework.FindSkill(evidence.Skill)?.Name, evidence.At,
        null, null, null, null, null, evidence.Person, null, null, evidence.Link, evidence.Note);
}

/// <summary>A page of a list: the items shown and how many there are in all.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total)
{
    [JsonIgnore]
    public int Hidden => Total - Items.Count;
}

/// <summary>What a change to one piece of evidence did.</summary>
public enum EvidenceOutcome
{
    /// <summary>Done as asked.</summary>
    Done,

    /// <summary>Nothing to do: already dismissed, not dismissed, already removed...</summary>
    Unchanged,

    /// <summary>There is no evidence with that id.</summary>
    NotFound,

    /// <summary>The evidence is someone else's: a hit credited to another author, another person's entry.</summary>
    NotYours,

    /// <summary>The change does not apply to this kind: code hits are dismissed (not removed),
    /// manual evidence is removed (not dismissed).</summary>
    WrongKind,
}

/// <summary>The result of a change to one piece of evidence: what happened, to what (a line a
/// person can read: "async.queue in api: app/jobs.py:12"), and, when it is not theirs, whose it is.</summary>
public sealed record EvidenceChange(string Id, EvidenceOutcome Outcome, string? What, string? Owner = null);
