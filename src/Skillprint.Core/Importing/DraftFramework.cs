namespace Skillprint.Core.Importing;

/// <summary>A framework read from a Markdown note, before it is written as a folder in the format of
/// docs/framework-format.md. Everything a person wrote is kept; what the note does not say (relevance,
/// tracks, acceptance criteria) gets a placeholder that the format accepts and the person then edits.</summary>
public sealed record DraftFramework(
    string Id,
    string Name,
    string Breadcrumb,
    string? Description,
    IReadOnlyList<DraftTrack> Tracks,
    IReadOnlyList<DraftTopic> Topics,
    IReadOnlyList<DraftRoadmap> Roadmaps,
    DraftPractice Practice,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ImportProblem> Warnings);

public sealed record DraftTrack(string Id, string Name);

/// <summary>A topic of the draft; its body is Markdown (sections and code examples of the note).</summary>
public sealed record DraftTopic(
    string Id,
    string Name,
    string Description,
    string Relevance,
    IReadOnlyList<string> Tracks,
    string Body);

public sealed record DraftRoadmap(string Id, string Name, string? Description, IReadOnlyList<DraftStage> Stages);

public sealed record DraftStage(string Id, string Name, string? Why);

/// <summary>The practice items of the draft, all in one file whose default topic is
/// <see cref="Topic"/>.</summary>
public sealed record DraftPractice(
    string Topic,
    IReadOnlyList<DraftCard> Cards,
    IReadOnlyList<DraftTask> Tasks,
    IReadOnlyList<DraftChallenge> Challenges)
{
    public bool IsEmpty => Cards.Count == 0 && Tasks.Count == 0 && Challenges.Count == 0;
}

/// <summary>A question; a draft card may have no answer (it is then not drilled until one is written).</summary>
public sealed record DraftCard(string Id, string Question, string? Answer);

public sealed record DraftTask(string Id, string Title, string? Description, IReadOnlyList<string> Acceptance);

/// <summary>A progressive challenge; <see cref="Level"/> is one of Easy, Intermediate, Expert, Black Belt.</summary>
public sealed record DraftChallenge(
    string Id,
    string Level,
    string Title,
    string Description,
    IReadOnlyList<string> Acceptance);

/// <summary>A problem found while importing, at a place in a file (line and column from 1; 0 when the
/// problem concerns the whole file).</summary>
public sealed record ImportProblem(string Path, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}: {Message}" : $"{Path}: {Message}";
}
