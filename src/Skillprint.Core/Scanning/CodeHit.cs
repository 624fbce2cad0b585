using Skillprint.Core.Status;

namespace Skillprint.Core.Scanning;

/// <summary>
/// A stored hit as status, evidence lists and export read it: where it is (repository name and
/// root, path relative to the root, lines), what it shows (framework, topic, skill, snippet), who
/// wrote the line and when (null when unknown), and whether its person dismissed it.
/// </summary>
public sealed record CodeHit(
    long Id,
    string Repository,
    string RepositoryRoot,
    string Path,
    int Line,
    int EndLine,
    string Framework,
    string Topic,
    string Skill,
    string Snippet,
    string? Author,
    string? Commit,
    DateTimeOffset? At,
    bool Dismissed)
{
    /// <summary>The hit as evidence for <see cref="PersonalStatus"/>: dated by its line's author
    /// date (or <paramref name="undated"/> when it has none).</summary>
    public EvidenceItem ToEvidence(DateTimeOffset undated) => new(
        EvidenceKind.Code,
        Topic,
        Skill,
        At ?? undated,
        null,
        Snippet,
        new CodeLocation(Repository, Path, Line, Author),
        Id);
}

/// <summary>Which stored hits to read.</summary>
/// <param name="Framework">The framework whose hits are read.</param>
/// <param name="Authors">Only hits whose line one of these emails wrote; null for every author.</param>
/// <param name="Skill">Only this skill's hits, when given.</param>
/// <param name="Topic">Only this topic's hits, when given.</param>
/// <param name="IncludeDismissed">Also the hits their person dismissed (marked so).</param>
/// <param name="WithCommits">Each hit's commit (<see cref="CodeHit.Commit"/>); the status does
/// without, which lets the store read a person's hits from an index alone.</param>
public sealed record CodeHitQuery(
    string Framework,
    IReadOnlyCollection<string>? Authors = null,
    string? Skill = null,
    string? Topic = null,
    bool IncludeDismissed = false,
    bool WithCommits = true);
