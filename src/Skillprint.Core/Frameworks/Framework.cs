namespace Skillprint.Core.Frameworks;

/// <summary>
/// A loaded, valid framework: every reference in it resolves. Topics are in display order (the
/// <c>topics:</c> list of framework.yaml, else by file name); skills, stages and practice items in
/// the order written (practice files by file name); roles and roadmaps by file name.
/// </summary>
public sealed record Framework(
    string Id,
    string Name,
    string Breadcrumb,
    string? Description,
    int? Version,
    IReadOnlyList<LevelInfo> Levels,
    IReadOnlyList<AlternativeGroup> Alternatives,
    DeepUse DeepUse,
    int ActiveDays,
    IReadOnlyList<Relevance> Relevance,
    IReadOnlyList<Track> Tracks,
    IReadOnlyDictionary<string, string> Moved,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<Roadmap> Roadmaps,
    IReadOnlyList<Card> Cards,
    IReadOnlyList<PracticeTask> Tasks,
    IReadOnlyList<Challenge> Challenges)
{
    /// <summary>The seniority grades of framework.yaml, lowest first; empty when it declares none.</summary>
    public IReadOnlyList<Grade> Grades { get; init; } = [];
    public const int DefaultActiveDays = 180;

    private readonly Dictionary<string, Topic> topicsById =
        Topics.ToDictionary(topic => topic.Id, StringComparer.Ordinal);

    private readonly Dictionary<string, Skill> skillsById =
        Topics.SelectMany(topic => topic.Skills).ToDictionary(skill => skill.Id, StringComparer.Ordinal);

    private readonly Dictionary<string, AlternativeGroup> groupOf = Alternatives
        .SelectMany(group => group.Skills.Select(skill => (skill, group)))
        .GroupBy(pair => pair.skill, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().group, StringComparer.Ordinal);

    /// <summary>Every skill, topic by topic in display order.</summary>
    public IEnumerable<Skill> Skills => Topics.SelectMany(topic => topic.Skills);

    public Topic? FindTopic(string id) => topicsById.GetValueOrDefault(id);

    public Skill? FindSkill(string id) => skillsById.GetValueOrDefault(id);

    public Role? FindRole(string id) => Roles.FirstOrDefault(role => Is(role.Id, id));

    public Roadmap? FindRoadmap(string id) => Roadmaps.FirstOrDefault(roadmap => Is(roadmap.Id, id));

    public Card? FindCard(string id) => Cards.FirstOrDefault(card => Is(card.Id, id));

    public Track? FindTrack(string id) => Tracks.FirstOrDefault(track => Is(track.Id, id));

    /// <summary>The grade with this id (any case, as people type it on the command line), or null.</summary>
    public Grade? FindGrade(string id) =>
        Grades.FirstOrDefault(grade => string.Equals(grade.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The relevance value with this name (every topic's relevance has one).</summary>
    public Relevance? FindRelevance(string name) => Relevance.FirstOrDefault(value => Is(value.Name, name));

    /// <summary>The relevance value of a topic of this framework.</summary>
    public Relevance RelevanceOf(Topic topic) =>
        FindRelevance(topic.Relevance) ?? throw new ArgumentException($"'{topic.Relevance}' is not a relevance of {Id}", nameof(topic));

    /// <summary>The description of a level in this framework, if it gives one.</summary>
    public string? DescribeLevel(Level level) => Levels.FirstOrDefault(info => info.Level == level)?.Description;

    /// <summary>What a topic's code evidence needs to reach <paramref name="level"/>.</summary>
    public EvidenceNeed NeedFor(Level level) =>
        Levels.FirstOrDefault(info => info.Level == level)?.Need ?? EvidenceNeed.Default(level);

    /// <summary>The group of alternatives a skill belongs to, if any.</summary>
    public AlternativeGroup? AlternativesOf(string skillId) => groupOf.GetValueOrDefault(skillId);

    /// <summary>Every skill of one level, topic by topic.</summary>
    public IEnumerable<Skill> SkillsAt(Level level) => Skills.Where(skill => skill.Level == level);

    public IEnumerable<Card> CardsOf(string topicId) => Cards.Where(card => Is(card.Topic, topicId));

    public IEnumerable<PracticeTask> TasksOf(string topicId) => Tasks.Where(task => Is(task.Topic, topicId));

    public IEnumerable<Challenge> ChallengesOf(string topicId) =>
        Challenges.Where(challenge => Is(challenge.Topic, topicId));

    /// <summary>
    /// The id an old id stands for now, following <see cref="Moved"/>; an id that did not move is
    /// returned as it is.
    /// </summary>
    public string Resolve(string id) => Moved.GetValueOrDefault(id) ?? id;

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
