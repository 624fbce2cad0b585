using Skillprint.Core.Frameworks;
using Skillprint.Core.Roadmaps;
using Skillprint.Core.Status;

namespace Skillprint.Core.Growth;

/// <summary>A skill named in a plan.</summary>
public sealed record SkillRef(string Id, string Name, Level Level);

/// <summary>The kind of a practice item.</summary>
public enum PracticeKind
{
    Card,
    Task,
    Challenge,
}

/// <summary>A practice item of a gap topic; <see cref="Covers"/> lists the gap's next skills it trains.</summary>
public sealed record PracticeRef(PracticeKind Kind, string Id, string Title, IReadOnlyList<string> Covers);

/// <summary>A roadmap stage (numbered from 1) that covers a gap.</summary>
public sealed record StageRef(string Roadmap, string RoadmapName, int Number, string Stage, string StageName);

/// <summary>
/// One topic where the person stands below their target. <see cref="Level"/> is the level the plan
/// works from: the evidenced level when there is one, else the self-assessed level (both shown).
/// <see cref="Distance"/> is Target − Level in steps of the level scale; <see cref="Score"/> is
/// <see cref="Weight"/> × <see cref="Distance"/>.
/// </summary>
public sealed record TopicGap(
    int Rank,
    string Topic,
    string Name,
    string Relevance,
    int Weight,
    Level SelfLevel,
    Level EvidencedLevel,
    Level Level,
    Level Target,
    IReadOnlyList<string> Roles,
    int Distance,
    int Score,
    IReadOnlyList<SkillRef> NextSkills,
    IReadOnlyList<PracticeRef> Practice,
    IReadOnlyList<StageRef> Stages);

/// <summary>
/// The ranked plan of a person's gaps against their roles (docs/growth.md, "The gap plan"):
/// every topic whose level is below the combined target of the roles, ranked by score (relevance
/// weight × distance) highest first; at equal score the higher weight first, then the larger
/// distance, then the framework's topic order.
/// </summary>
public sealed record GapPlan(IReadOnlyList<string> Roles, IReadOnlyList<TopicGap> Gaps)
{
    /// <param name="book">The person's roadmap marks and evidence: skills that are done or skipped
    /// are not proposed as next skills. Null: only evidence counts.</param>
    public static GapPlan Build(Framework framework, PersonalStatus status, IReadOnlyList<Role> roles, ProgressBook? book = null) =>
        BuildGraded(framework, status, roles.Select(r => (r, (string?)null)).ToList(), book);

    /// <summary>The plan for roles each at a seniority grade (null: the role's own targets).</summary>
    public static GapPlan BuildGraded(Framework framework, PersonalStatus status, IReadOnlyList<(Role Role, string? Grade)> roles, ProgressBook? book = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(roles);
        var statusByTopic = status.Topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var evidenced = status.Topics
            .SelectMany(t => t.Evidence)
            .Where(e => e.Skill is not null)
            .Select(e => e.Skill!)
            .ToHashSet(StringComparer.Ordinal);
        var order = framework.Topics.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        var gaps = new List<TopicGap>();
        foreach (var target in RoleTargets.Combine(framework, roles))
        {
            var topic = target.Topic;
            var standing = statusByTopic.GetValueOrDefault(topic.Id);
            var level = standing?.CurrentLevel ?? Level.None;
            if (level >= target.Target)
            {
                continue;
            }

            var next = topic.Skills
                .Where(s => s.Level > level && s.Level <= target.Target)
                .Where(s => !evidenced.Contains(s.Id) && !(book?.Of(s.Id).Status.IsSettled() ?? false))
                .OrderBy(s => s.Level)
                .Select(s => new SkillRef(s.Id, s.Name, s.Level))
                .ToList();
            var relevance = framework.RelevanceOf(topic);
            var distance = (int)target.Target - (int)level;
            gaps.Add(new TopicGap(
                0,
                topic.Id,
                topic.Name,
                relevance.Name,
                relevance.Weight,
                standing?.SelfLevel ?? Level.None,
                standing?.EvidencedLevel ?? Level.None,
                level,
                target.Target,
                target.Roles.ToList(),
                distance,
                relevance.Weight * distance,
                next,
                PracticeFor(framework, topic, next),
                StagesFor(framework, topic, next)));
        }

        var ranked = gaps
            .OrderByDescending(g => g.Score)
            .ThenByDescending(g => g.Weight)
            .ThenByDescending(g => g.Distance)
            .ThenBy(g => order[g.Topic])
            .Select((g, i) => g with { Rank = i + 1 })
            .ToList();
        return new GapPlan(roles.Select(r => r.Grade is null ? r.Role.Id : $"{r.Role.Id} ({r.Grade})").ToList(), ranked);
    }

    /// <summary>The practice items (drillable cards, tasks, challenges) of the topic that train at least
    /// one next skill, in the framework's order; when none does, all of the topic's items.</summary>
    private static List<PracticeRef> PracticeFor(Framework framework, Topic topic, IReadOnlyList<SkillRef> next)
    {
        var wanted = next.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var all = framework.CardsOf(topic.Id).Where(c => c.IsDrillable)
            .Select(c => new PracticeRef(PracticeKind.Card, c.Id, c.Question, Covered(c.Skills, wanted)))
            .Concat(framework.TasksOf(topic.Id).Select(t => new PracticeRef(PracticeKind.Task, t.Id, t.Title, Covered(t.Skills, wanted))))
            .Concat(framework.ChallengesOf(topic.Id).Select(c => new PracticeRef(PracticeKind.Challenge, c.Id, c.Title, Covered(c.Skills, wanted))))
            .ToList();
        var covering = all.Where(p => p.Covers.Count > 0).ToList();
        return covering.Count > 0 ? covering : all;
    }

    private static List<string> Covered(IReadOnlyList<string> skills, HashSet<string> wanted) =>
        skills.Where(wanted.Contains).ToList();

    /// <summary>Per roadmap, the first stage that lists one of the next skills, else the first stage that
    /// lists the topic.</summary>
    private static List<StageRef> StagesFor(Framework framework, Topic topic, IReadOnlyList<SkillRef> next)
    {
        var wanted = next.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var stages = new List<StageRef>();
        foreach (var roadmap in framework.Roadmaps)
        {
            var numbered = roadmap.Stages.Select((stage, i) => (Stage: stage, Number: i + 1)).ToList();
            var hit = numbered.FirstOrDefault(s => s.Stage.Skills.Any(wanted.Contains));
            if (hit.Stage is null)
            {
                hit = numbered.FirstOrDefault(s => s.Stage.Topics.Contains(topic.Id, StringComparer.Ordinal)
                    || s.Stage.Skills.Any(id => topic.FindSkill(id) is not null));
            }

            if (hit.Stage is not null)
            {
                stages.Add(new StageRef(roadmap.Id, roadmap.Name, hit.Number, hit.Stage.Id, hit.Stage.Name));
            }
        }

        return stages;
    }
}

/// <summary>The gap plan as `gaps --format json` and the server give it: whose plan, in which
/// framework, by which rule, for which roles.</summary>
public sealed record GapReport(string Framework, string Person, string Rule, IReadOnlyList<string> Roles, IReadOnlyList<TopicGap> Gaps)
{
    /// <summary>How the gaps are ranked, in words.</summary>
    public const string RankingRule = "score = relevance weight x (target - level); ties: higher weight, larger distance, framework order";

    public static GapReport Of(string framework, string person, GapPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new GapReport(framework, person, RankingRule, plan.Roles, plan.Gaps);
    }
}
