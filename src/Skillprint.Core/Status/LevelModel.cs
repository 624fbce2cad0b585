using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Status;

/// <summary>How many distinct skills of one level a topic's code shows (a group of alternatives
/// counts once, at the highest level it is credited), and how many of them in deep use (the
/// framework's <see cref="DeepUse"/>: repeated in several places and files).</summary>
public sealed record LevelCount(Level Level, int Skills, int Deep = 0);

/// <summary>
/// How much a topic's code evidence weighs: the skills shown per level, the places (distinct file
/// and line), files and repositories they are in, and the first and last date of the evidence.
/// </summary>
public sealed record EvidenceStrength(
    IReadOnlyList<LevelCount> SkillsPerLevel,
    int Places,
    int Files,
    int Repositories,
    DateTimeOffset? First,
    DateTimeOffset? Last)
{
    public static EvidenceStrength None { get; } = new(
        [.. LevelModel.Scale.Select(level => new LevelCount(level, 0))], 0, 0, 0, null, null);

    /// <summary>Skills shown at <paramref name="level"/> or above.</summary>
    public int SkillsFrom(Level level) => SkillsPerLevel.Where(count => count.Level >= level).Sum(count => count.Skills);

    /// <summary>What the skills at <paramref name="level"/> or above weigh toward it: one each, two for
    /// a skill in deep use.</summary>
    public int WeightFrom(Level level) => SkillsPerLevel.Where(count => count.Level >= level).Sum(count => count.Skills + count.Deep);

    public bool IsEmpty => Places == 0;
}

/// <summary>One level checked against its need: what the evidence has, and whether that is enough.</summary>
/// <param name="Skills">Skills shown at this level or above, a skill in deep use counting twice.</param>
public sealed record LevelCheck(Level Level, EvidenceNeed Need, int Skills, int Places, int Files)
{
    public bool Reached => Skills >= Need.Skills && Places >= Need.Places && Files >= Need.Files;
}

/// <summary>What a topic's code evidence gives: the level, its strength, each level's check and the
/// skills credited (shown, or counted through an alternative shown at the same level or above).</summary>
public sealed record TopicEvidence(
    Level Level,
    EvidenceStrength Strength,
    IReadOnlyList<LevelCheck> Checks,
    IReadOnlySet<string> Credited);

/// <summary>
/// The level model (docs/levels.md): a topic's evidenced level comes from positive evidence only.
/// A level is reached when the topic's code shows enough distinct skills of that level or above (a
/// skill in deep use, repeated across places and files, counting twice), in enough places and files
/// (the framework's <see cref="EvidenceNeed"/> per level); the evidenced level is the highest level
/// reached. Skills the code does not show never count against a person, a skill
/// of a higher level speaks for the levels below it, and alternatives count once. So more evidence
/// never lowers a level, and neither does adding to the framework a skill nobody shows.
/// </summary>
public static class LevelModel
{
    public static readonly IReadOnlyList<Level> Scale = [Level.Beginner, Level.Intermediate, Level.Advanced, Level.Expert];

    /// <summary>
    /// The evidence of <paramref name="topic"/>: <paramref name="shown"/> is every skill id of the
    /// framework that has code evidence (any topic, for alternatives across topics);
    /// <paramref name="code"/> the topic's code evidence items (others are ignored).
    /// </summary>
    public static TopicEvidence Assess(Framework framework, Topic topic, IReadOnlySet<string> shown, IEnumerable<EvidenceItem> code)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(code);

        var skills = topic.Skills.Where(s => s.IsDetectable).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var items = code
            .Where(e => e.Kind == EvidenceKind.Code && e.Code is not null && e.Skill is not null && skills.Contains(e.Skill))
            .ToList();
        var bySkill = items.ToLookup(e => e.Skill!, StringComparer.Ordinal);

        var credited = new HashSet<string>(StringComparer.Ordinal);
        // One unit per skill, or per group of alternatives, at the highest level credited in this topic.
        var units = new Dictionary<object, Level>();
        var unitItems = new Dictionary<object, List<EvidenceItem>>();
        foreach (var skill in topic.Skills.Where(s => s.IsDetectable))
        {
            var group = framework.AlternativesOf(skill.Id);
            var isCredited = shown.Contains(skill.Id) || (group is not null && group.Skills.Any(id =>
                shown.Contains(id) && framework.FindSkill(id) is { } member && member.Level >= skill.Level));
            if (!isCredited)
            {
                continue;
            }

            credited.Add(skill.Id);
            object unit = group is null ? skill.Id : group;
            units[unit] = units.TryGetValue(unit, out var level) && level > skill.Level ? level : skill.Level;
            if (!unitItems.TryGetValue(unit, out var list))
            {
                unitItems[unit] = list = [];
            }

            list.AddRange(bySkill[skill.Id]);
        }

        var deep = framework.DeepUse;
        var deepUnits = unitItems
            .Where(pair => Places(pair.Value) >= deep.Places && Files(pair.Value) >= deep.Files)
            .Select(pair => pair.Key)
            .ToHashSet();
        var strength = new EvidenceStrength(
            [
                .. Scale.Select(level => new LevelCount(
                    level,
                    units.Values.Count(l => l == level),
                    units.Count(pair => pair.Value == level && deepUnits.Contains(pair.Key)))),
            ],
            Places(items),
            Files(items),
            items.Select(e => e.Code!.Repository).Distinct(StringComparer.Ordinal).Count(),
            items.Count == 0 ? null : items.Min(e => e.At),
            items.Count == 0 ? null : items.Max(e => e.At));

        var checks = Check(framework, strength);
        var reached = checks.LastOrDefault(check => check.Reached)?.Level ?? Level.None;
        return new TopicEvidence(reached, strength, checks, credited);
    }

    /// <summary>Each level of the scale checked against the framework's need for it.</summary>
    public static IReadOnlyList<LevelCheck> Check(Framework framework, EvidenceStrength strength)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(strength);
        return
        [
            .. Scale.Select(level => new LevelCheck(level, framework.NeedFor(level), strength.WeightFrom(level), strength.Places, strength.Files)),
        ];
    }

    private static int Places(IEnumerable<EvidenceItem> items) =>
        items.Select(e => (e.Code!.Repository, e.Code.Path, e.Code.Line)).Distinct().Count();

    private static int Files(IEnumerable<EvidenceItem> items) =>
        items.Select(e => (e.Code!.Repository, e.Code.Path)).Distinct().Count();
}
