using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Status;

/// <summary>Where the evidence of a skill comes from.</summary>
public enum EvidenceKind
{
    /// <summary>Entered by hand (<c>skillprint evidence add</c>): a talk, a course, a review.</summary>
    Manual,

    /// <summary>Found in code by the evidence engine: a hit in a repository.</summary>
    Code,
}

/// <summary>Where in a repository a code hit is.</summary>
public sealed record CodeLocation(string Repository, string Path, int Line, string? Author);

/// <summary>
/// One reason to believe a person holds a topic or one of its skills. The seam between the sources of
/// evidence and <see cref="PersonalStatus"/>: manual entries today, code hits from the evidence engine
/// (with <see cref="Code"/> set) later. <see cref="Skill"/> is null for evidence of a whole topic.
/// </summary>
public sealed record EvidenceItem(
    EvidenceKind Kind,
    string Topic,
    string? Skill,
    DateTimeOffset At,
    string? Link,
    string? Note,
    CodeLocation? Code = null,
    long? Id = null)
{
    /// <summary>The name of <see cref="Skill"/> as the framework gives it; set by
    /// <see cref="PersonalStatus.Compute(Frameworks.Framework, IEnumerable{SelfAssessment}, IEnumerable{EvidenceItem}, TimeProvider, string?)"/>.</summary>
    public string? SkillName { get; init; }

    public static EvidenceItem FromManual(ManualEvidence evidence) => new(
        EvidenceKind.Manual, evidence.Topic, evidence.Skill, evidence.At, evidence.Link, evidence.Note, null, evidence.Id);
}

/// <summary>A skill not yet evidenced, below or just above the topic's current level. A group of
/// alternatives is one gap: <see cref="Id"/> is its first member in the topic, <see cref="Name"/> names
/// every member ("Django models or SQLAlchemy 2.0 typed mappings"), <see cref="Alternatives"/> holds
/// the other members' ids.</summary>
public sealed record Gap(string Id, string Name, Level Level)
{
    public IReadOnlyList<string> Alternatives { get; init; } = [];
}

/// <summary>A person's standing in one topic of a framework.</summary>
/// <param name="SelfLevel">The latest self-assessment's level; <see cref="Level.None"/> when there is none.</param>
/// <param name="AssessmentCount">How many self-assessments the topic has (the history).</param>
/// <param name="EvidencedLevel">The level code evidence supports (<see cref="LevelModel"/>);
/// <see cref="Level.None"/> without code evidence.</param>
/// <param name="Evidence">Every evidence item of the topic, newest first.</param>
/// <param name="ActiveProjects">Repositories with code evidence for the topic within the framework's
/// active window, by name.</param>
/// <param name="Gaps">Skills not evidenced at levels up to one above <see cref="CurrentLevel"/>, lowest
/// level first, then by name.</param>
public sealed record TopicStatus(
    string Id,
    string Name,
    string? Description,
    string Relevance,
    IReadOnlyList<Track> Tracks,
    Level SelfLevel,
    string? SelfNote,
    DateTimeOffset? SelfAssessedAt,
    int AssessmentCount,
    Level EvidencedLevel,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<string> ActiveProjects,
    IReadOnlyList<Gap> Gaps)
{
    /// <summary>How much the code evidence weighs (<see cref="EvidenceStrength.None"/> without any).</summary>
    public EvidenceStrength Strength { get; init; } = EvidenceStrength.None;

    /// <summary>The topic's skills that count for its evidenced level: shown in code, or an alternative
    /// of a skill shown at the same level or above.</summary>
    public IReadOnlySet<string> Credited { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The level the status stands on: the evidenced level once there is one, else the
    /// self-assessed level.</summary>
    public Level CurrentLevel => EvidencedLevel != Level.None ? EvidencedLevel : SelfLevel;

    /// <summary>True when the person has said or shown anything in this topic.</summary>
    public bool HasStanding => SelfLevel != Level.None || EvidencedLevel != Level.None || Evidence.Count > 0;
}

/// <summary>A person's status in a framework: one <see cref="TopicStatus"/> per topic, in the framework's
/// order. Computed by <see cref="Compute(Framework, IEnumerable{SelfAssessment}, IEnumerable{EvidenceItem}, TimeProvider, string?)"/>,
/// a pure function of its inputs.</summary>
public sealed record PersonalStatus(
    string FrameworkId,
    string FrameworkName,
    string Breadcrumb,
    string? Person,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<TopicStatus> Topics)
{
    /// <summary>The status from self-assessments and manual evidence (the evidence engine adds code
    /// evidence through the other overload).</summary>
    public static PersonalStatus Compute(
        Framework framework,
        IEnumerable<SelfAssessment> assessments,
        IEnumerable<ManualEvidence> manualEvidence,
        TimeProvider time,
        string? person = null) =>
        Compute(framework, assessments, manualEvidence.Select(EvidenceItem.FromManual), time, person);

    /// <summary>
    /// The status of every topic of <paramref name="framework"/>. Records of another framework are
    /// ignored (when their <c>Framework</c> field names one); topic and skill ids follow the framework's
    /// <c>moved:</c> map; evidence for a topic the framework does not hold is left out.
    /// </summary>
    public static PersonalStatus Compute(
        Framework framework,
        IEnumerable<SelfAssessment> assessments,
        IEnumerable<EvidenceItem> evidence,
        TimeProvider time,
        string? person = null)
    {
        var now = time.GetUtcNow();
        var assessmentsByTopic = assessments
            .Where(a => IsOf(framework, a.Framework))
            .Select((a, order) => (Assessment: a, Order: order, Topic: framework.Resolve(a.Topic)))
            .GroupBy(a => a.Topic, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var evidenceByTopic = evidence
            .Select(e => e.Skill is null
                ? e with { Topic = framework.Resolve(e.Topic) }
                : e with
                {
                    Topic = framework.Resolve(e.Topic),
                    Skill = framework.Resolve(e.Skill),
                    SkillName = framework.FindSkill(framework.Resolve(e.Skill))?.Name,
                })
            .GroupBy(e => e.Topic, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var evidencedSkills = evidenceByTopic.Values
            .SelectMany(items => items)
            .Where(e => e.Skill is not null)
            .Select(e => e.Skill!)
            .ToHashSet(StringComparer.Ordinal);
        var codeSkills = evidenceByTopic.Values
            .SelectMany(items => items)
            .Where(e => e.Kind == EvidenceKind.Code && e.Skill is not null)
            .Select(e => e.Skill!)
            .ToHashSet(StringComparer.Ordinal);
        // A group of alternatives with any member evidenced is never a gap.
        var coveredGroups = framework.Alternatives
            .Where(group => group.Skills.Any(evidencedSkills.Contains))
            .ToHashSet();

        var topics = new List<TopicStatus>(framework.Topics.Count);
        foreach (var topic in framework.Topics)
        {
            var history = assessmentsByTopic.GetValueOrDefault(topic.Id) ?? [];
            // The latest assessment; of two at the same moment, the one given later.
            var latest = history
                .OrderByDescending(a => a.Assessment.At)
                .ThenByDescending(a => a.Order)
                .Select(a => a.Assessment)
                .FirstOrDefault();
            var items = (evidenceByTopic.GetValueOrDefault(topic.Id) ?? [])
                .OrderByDescending(e => e.At)
                .ToList();

            var assessed = LevelModel.Assess(framework, topic, codeSkills, items);
            var evidenced = assessed.Level;
            var current = evidenced != Level.None ? evidenced : latest?.Level ?? Level.None;
            var reach = current == Level.Expert ? Level.Expert : current + 1;
            var gaps = GapsOf(framework, topic, reach, evidencedSkills, coveredGroups);

            var since = now.AddDays(-framework.ActiveDays);
            var activeProjects = items
                .Where(e => e.Code is not null && e.At >= since)
                .Select(e => e.Code!.Repository)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.OrdinalIgnoreCase)
                .ToList();

            topics.Add(new TopicStatus(
                topic.Id,
                topic.Name,
                topic.Description,
                topic.Relevance,
                topic.Tracks.Select(id => framework.FindTrack(id) ?? new Track(id, id)).ToList(),
                latest?.Level ?? Level.None,
                latest?.Note,
                latest?.At,
                history.Count,
                evidenced,
                items,
                activeProjects,
                gaps)
            { Strength = assessed.Strength, Credited = assessed.Credited });
        }

        return new PersonalStatus(framework.Id, framework.Name, framework.Breadcrumb, person, now, topics);
    }

    /// <summary>
    /// Gaps are what code could show and does not yet (issue 4), up to <paramref name="reach"/>: skills no
    /// code can show are listed by <c>status --explain</c> and the roadmaps, not as gaps. A group of
    /// alternatives is one gap, named by all its members in the topic, and none once a member is shown.
    /// </summary>
    private static List<Gap> GapsOf(Framework framework, Topic topic, Level reach, HashSet<string> evidenced, HashSet<AlternativeGroup> covered)
    {
        var gaps = new List<Gap>();
        var grouped = new HashSet<AlternativeGroup>();
        foreach (var skill in topic.Skills.Where(s => s.IsDetectable && !evidenced.Contains(s.Id)))
        {
            var group = framework.AlternativesOf(skill.Id);
            if (group is null)
            {
                if (skill.Level <= reach)
                {
                    gaps.Add(new Gap(skill.Id, skill.Name, skill.Level));
                }

                continue;
            }

            if (covered.Contains(group) || !grouped.Add(group))
            {
                continue;
            }

            // One gap for the group, in the topic of its first member, naming every member in the order
            // framework.yaml lists them (a group across topics is not repeated in each).
            var members = group.Skills
                .Select(framework.FindSkill)
                .OfType<Skill>()
                .ToList();
            var lowest = members.Min(m => m.Level);
            if (string.Equals(members[0].Topic, topic.Id, StringComparison.Ordinal) && lowest <= reach)
            {
                gaps.Add(new Gap(members[0].Id, string.Join(" or ", members.Select(m => m.Name)), lowest)
                {
                    Alternatives = [.. members.Skip(1).Select(m => m.Id)],
                });
            }
        }

        return gaps
            .OrderBy(g => g.Level)
            .ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsOf(Framework framework, string recordFramework) =>
        string.IsNullOrEmpty(recordFramework) || string.Equals(recordFramework, framework.Id, StringComparison.Ordinal);
}
