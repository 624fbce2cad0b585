using System.Globalization;
using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Status;

/// <summary>How one level of a topic fared in the threshold rule.</summary>
public enum StepOutcome
{
    /// <summary>The level has no detectable skills: it neither blocks nor grants.</summary>
    Skipped,

    /// <summary>At least the threshold share of its detectable skills is evidenced.</summary>
    Reached,

    /// <summary>Under the threshold: the evidenced level stops below it.</summary>
    Blocked,

    /// <summary>A level above a blocked one: not reachable whatever its share.</summary>
    Beyond,
}

/// <summary>One level of a topic: how many of its detectable skills are evidenced, and what that gave.</summary>
public sealed record LevelStep(Level Level, int Detectable, int Evidenced, StepOutcome Outcome)
{
    public double Share => Detectable == 0 ? 0 : (double)Evidenced / Detectable;
}

/// <summary>One skill of a topic: whether code shows it, and where (its code evidence, newest first).</summary>
public sealed record SkillExplanation(Skill Skill, IReadOnlyList<EvidenceItem> Evidence)
{
    public bool Evidenced => Evidence.Count > 0;

    /// <summary>False for a skill code cannot show (it counts only through manual evidence).</summary>
    public bool Detectable => Skill.IsDetectable;
}

/// <summary>
/// Why a topic's evidenced level is what it is (<c>skillprint status --explain TOPIC</c>): each level
/// with its share of evidenced detectable skills against the framework's threshold, and every skill
/// with the places that show it.
/// </summary>
public sealed record TopicExplanation(
    TopicStatus Status,
    double Threshold,
    IReadOnlyList<LevelStep> Steps,
    IReadOnlyList<SkillExplanation> Skills)
{
    /// <summary>The rule applied, in one sentence a person can check.</summary>
    public string Why
    {
        get
        {
            var threshold = Percent(Threshold);
            var parts = Steps.Select(step => step.Outcome switch
            {
                StepOutcome.Skipped => $"{step.Level}: no detectable skills, skipped",
                StepOutcome.Beyond => $"{step.Level}: {step.Evidenced} of {step.Detectable} ({Percent(step.Share)}), not counted above a level under {threshold}",
                StepOutcome.Reached => $"{step.Level}: {step.Evidenced} of {step.Detectable} ({Percent(step.Share)}) ≥ {threshold}",
                _ => $"{step.Level}: {step.Evidenced} of {step.Detectable} ({Percent(step.Share)}) < {threshold}",
            });
            return $"Evidenced level {Status.EvidencedLevel}: the highest level up to which every level has at least {threshold} of its detectable skills shown in code. {string.Join("; ", parts)}.";
        }
    }

    public static TopicExplanation Explain(Framework framework, Topic topic, TopicStatus status)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(status);
        var code = status.Evidence
            .Where(e => e.Kind == EvidenceKind.Code && e.Skill is not null)
            .GroupBy(e => e.Skill!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.At).ToList(), StringComparer.Ordinal);
        var steps = new List<LevelStep>();
        var blocked = false;
        foreach (var level in new[] { Level.Beginner, Level.Intermediate, Level.Advanced, Level.Expert })
        {
            var detectable = topic.SkillsAt(level).Where(s => s.IsDetectable).ToList();
            var evidenced = detectable.Count(s => code.ContainsKey(s.Id));
            StepOutcome outcome;
            if (detectable.Count == 0)
            {
                outcome = StepOutcome.Skipped;
            }
            else if (blocked)
            {
                outcome = StepOutcome.Beyond;
            }
            else if ((double)evidenced / detectable.Count + 1e-9 >= framework.Threshold)
            {
                outcome = StepOutcome.Reached;
            }
            else
            {
                outcome = StepOutcome.Blocked;
                blocked = true;
            }

            steps.Add(new LevelStep(level, detectable.Count, evidenced, outcome));
        }

        var skills = topic.Skills
            .OrderBy(s => s.Level)
            .Select(s => new SkillExplanation(s, code.GetValueOrDefault(s.Id) ?? []))
            .ToList();
        return new TopicExplanation(status, framework.Threshold, steps, skills);
    }

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
