using System.Globalization;
using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Status;

/// <summary>One skill of a topic: whether code shows it, and where (its code evidence, newest first).</summary>
/// <param name="Credited">True when the skill counts for the level: shown, or an alternative of one
/// shown at its level or above.</param>
public sealed record SkillExplanation(Skill Skill, IReadOnlyList<EvidenceItem> Evidence, bool Credited = false)
{
    public bool Evidenced => Evidence.Count > 0;

    /// <summary>False for a skill code cannot show (it counts only through manual evidence).</summary>
    public bool Detectable => Skill.IsDetectable;
}

/// <summary>
/// Why a topic's evidenced level is what it is (<c>skillprint status --explain TOPIC</c>): each level
/// checked against what the framework asks of code evidence (docs/levels.md), the strength, and every
/// skill with the places that show it.
/// </summary>
public sealed record TopicExplanation(
    TopicStatus Status,
    TopicEvidence Evidence,
    IReadOnlyList<SkillExplanation> Skills)
{
    /// <summary>Each level with its need and what the evidence has.</summary>
    public IReadOnlyList<LevelCheck> Checks => Evidence.Checks;

    /// <summary>Why the level is what it is, in one or two sentences a person can check.</summary>
    public string Why
    {
        get
        {
            var level = Evidence.Level;
            var strength = Evidence.Strength;
            if (strength.IsEmpty)
            {
                return Status.SelfLevel == Level.None
                    ? "No code of yours shows a skill of this topic yet, so there is no evidenced level."
                    : $"No code of yours shows a skill of this topic yet; the level shown is your own ({Status.SelfLevel}).";
            }

            var first = level == Level.None
                ? $"Your code shows {Count(strength.SkillsFrom(Level.Beginner), "skill")} of this topic in {Count(strength.Places, "place")}, not yet enough for Beginner"
                : $"{level}: your code shows {Count(strength.SkillsFrom(level), "skill")} at {level} or above{DeepText(strength, level)}, in {Count(strength.Places, "place")} across {Count(strength.Files, "file")} and {Count(strength.Repositories, "repository", "repositories")}";
            var next = Checks.FirstOrDefault(check => check.Level > level);
            if (next is null)
            {
                return first + ".";
            }

            var missing = new List<string>();
            if (next.Skills < next.Need.Skills)
            {
                missing.Add($"{Count(next.Need.Skills, "skill")} at {next.Level} or above, one in deep use counting as two ({next.Skills} so far)");
            }

            if (next.Places < next.Need.Places)
            {
                missing.Add($"{Count(next.Need.Places, "place")} ({next.Places} so far)");
            }

            if (next.Files < next.Need.Files)
            {
                missing.Add($"{Count(next.Need.Files, "file")} ({next.Files} so far)");
            }

            return $"{first}. {next.Level} needs {string.Join(" and ", missing)}.";
        }
    }

    public static TopicExplanation Explain(Framework framework, Topic topic, TopicStatus status)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(status);
        var codeItems = status.Evidence.Where(e => e.Kind == EvidenceKind.Code && e.Skill is not null).ToList();
        var code = codeItems
            .GroupBy(e => e.Skill!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.At).ToList(), StringComparer.Ordinal);
        var checks = LevelModel.Check(framework, status.Strength);
        var evidence = new TopicEvidence(status.EvidencedLevel, status.Strength, checks, status.Credited);
        var skills = topic.Skills
            .OrderBy(s => s.Level)
            .Select(s => new SkillExplanation(s, code.GetValueOrDefault(s.Id) ?? [], evidence.Credited.Contains(s.Id)))
            .ToList();
        return new TopicExplanation(status, evidence, skills);
    }

    private static string DeepText(EvidenceStrength strength, Level level)
    {
        var deep = strength.SkillsPerLevel.Where(c => c.Level >= level).Sum(c => c.Deep);
        return deep == 0 ? "" : $" ({deep} in deep use)";
    }

    private static string Count(int count, string one, string? many = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many ?? one + "s");
}
