namespace Skillprint.Core.Frameworks;

/// <summary>Where an item was written: a path relative to the framework folder, 1-based line and column.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>One step of the level scale, with what it means in this framework and what code evidence
/// a topic needs to reach it (docs/levels.md).</summary>
public sealed record LevelInfo(Level Level, string? Description)
{
    /// <summary>What a topic's code evidence needs to reach this level; the framework's default when
    /// framework.yaml does not say.</summary>
    public EvidenceNeed Need { get; init; } = EvidenceNeed.Default(Level);
}

/// <summary>
/// What a topic's code evidence must show to reach a level: at least <see cref="Skills"/> distinct
/// skills of that level or above (a group of alternatives counts once), in at least
/// <see cref="Places"/> places (distinct file and line) and <see cref="Files"/> files.
/// </summary>
public sealed record EvidenceNeed(int Skills, int Places, int Files)
{
    /// <summary>The built-in parameters, calibrated in docs/levels.md.</summary>
    public static EvidenceNeed Default(Level level) => level switch
    {
        Level.Beginner => new(1, 1, 1),
        Level.Intermediate => new(2, 3, 1),
        Level.Advanced => new(2, 5, 2),
        _ => new(2, 8, 2),
    };
}

/// <summary>
/// When a skill's own evidence is deep, repeated and varied use rather than one incidental line: at
/// least <see cref="Places"/> places across <see cref="Files"/> files. A deeply used skill counts as two
/// skills toward a level's <see cref="EvidenceNeed.Skills"/>.
/// </summary>
public sealed record DeepUse(int Places, int Files)
{
    public static DeepUse Default { get; } = new(3, 2);
}

/// <summary>
/// Skills that are the same capability with another tool (Django models or SQLAlchemy mappings):
/// showing one counts for the others at its level and below, and the group shows as one gap, never
/// while one of its members is shown.
/// </summary>
public sealed record AlternativeGroup(IReadOnlyList<string> Skills, SourceLocation Location);

/// <summary>
/// A relevance value topics may carry: its weight ranks gaps (higher first), its target is the
/// level a role sets for topics of its tracks with this relevance (<see cref="Level.None"/>: none).
/// </summary>
public sealed record Relevance(string Name, int Weight, Level Target);

/// <summary>A career track that topics and roles refer to.</summary>
public sealed record Track(string Id, string Name);

/// <summary>A link for further reading.</summary>
public sealed record Resource(string Title, string Url);

/// <summary>
/// A knowledge area of the framework: its data from the front matter of <c>topics/&lt;id&gt;.md</c>
/// and the Markdown body below it.
/// </summary>
public sealed record Topic(
    string Id,
    string Name,
    string? Description,
    string Relevance,
    IReadOnlyList<string> Tracks,
    IReadOnlyList<string> Prerequisites,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<Skill> Skills,
    string Body,
    SourceLocation Location)
{
    /// <summary>The skills of one level, in the order they are written.</summary>
    public IEnumerable<Skill> SkillsAt(Level level) => Skills.Where(skill => skill.Level == level);

    /// <summary>The skill with this id in this topic, or null.</summary>
    public Skill? FindSkill(string id) =>
        Skills.FirstOrDefault(skill => string.Equals(skill.Id, id, StringComparison.Ordinal));
}

/// <summary>
/// One thing a person can do, at a level. Detectable when it has detection rules: any one rule's hit
/// evidences the skill.
/// </summary>
public sealed record Skill(
    string Id,
    string Topic,
    string Name,
    Level Level,
    string? Description,
    IReadOnlyList<DetectionRule> Rules,
    SourceLocation Location)
{
    public bool IsDetectable => Rules.Count > 0;
}

/// <summary>A role: the levels a person in it is expected to hold.</summary>
public sealed record Role(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<string> Tracks,
    IReadOnlyDictionary<string, Level> Targets,
    SourceLocation Location)
{
    /// <summary>
    /// The role file's <c>grades:</c> entries: per grade id, the topics whose target the role sets
    /// itself at that grade (after the grade's cap; <see cref="Level.None"/> drops a topic).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, Level>> GradeTargets { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, Level>>(StringComparer.Ordinal);
}

/// <summary>
/// A seniority grade of framework.yaml (junior, mid, senior...), lowest first. At this grade a
/// role's targets are capped at <see cref="Cap"/>, then the role's own entries for the grade apply.
/// </summary>
public sealed record Grade(string Id, string Name, Level Cap, SourceLocation Location);

/// <summary>An ordered learning path.</summary>
public sealed record Roadmap(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<Stage> Stages,
    SourceLocation Location);

/// <summary>One stage of a roadmap: the topics and skills it covers.</summary>
public sealed record Stage(
    string Id,
    string Name,
    string? Why,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Skills,
    SourceLocation Location);

/// <summary>A question with its answer, drilled with spaced repetition (only when it has an answer).</summary>
public sealed record Card(
    string Id,
    string Topic,
    string Question,
    string? Answer,
    IReadOnlyList<string> Skills,
    SourceLocation Location)
{
    public bool IsDrillable => !string.IsNullOrWhiteSpace(Answer);
}

/// <summary>A practical task, with what a reviewer checks.</summary>
public sealed record PracticeTask(
    string Id,
    string Topic,
    string Title,
    string? Description,
    IReadOnlyList<string> Acceptance,
    IReadOnlyList<string> Skills,
    SourceLocation Location);

/// <summary>The level of a progressive challenge.</summary>
public enum ChallengeLevel
{
    Easy,
    Intermediate,
    Expert,
    BlackBelt,
}

public static class ChallengeLevels
{
    /// <summary>The name people read: "Black Belt" for <see cref="ChallengeLevel.BlackBelt"/>.</summary>
    public static string DisplayName(this ChallengeLevel level) =>
        level == ChallengeLevel.BlackBelt ? "Black Belt" : level.ToString();

    /// <summary>Reads a challenge level by its display name, in any case.</summary>
    public static bool TryParse(string? text, out ChallengeLevel level)
    {
        foreach (var candidate in Enum.GetValues<ChallengeLevel>())
        {
            if (string.Equals(candidate.DisplayName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = ChallengeLevel.Easy;
        return false;
    }
}

/// <summary>A progressive challenge: a bigger piece of work at a challenge level.</summary>
public sealed record Challenge(
    string Id,
    string Topic,
    ChallengeLevel Level,
    string Title,
    string? Description,
    IReadOnlyList<string> Acceptance,
    IReadOnlyList<string> Skills,
    SourceLocation Location);
