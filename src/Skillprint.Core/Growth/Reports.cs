using Skillprint.Core.Frameworks;
using Skillprint.Core.History;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;

namespace Skillprint.Core.Growth;

// The JSON of the growth commands (docs/growth.md), as records: the CLI prints them and the server
// returns them, so both give one contract. Person is the person's primary email.

/// <summary>`role list`: the framework's roles, the person's marked.</summary>
public sealed record RolesReport(string Framework, string Person, IReadOnlyList<RoleSummary> Roles)
{
    public static RolesReport Of(Framework framework, string person, IReadOnlyList<RoleChoice> chosen)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(chosen);
        var mine = chosen.Where(r => r.RemovedAt is null).ToDictionary(r => r.Role, StringComparer.Ordinal);
        var roles = framework.Roles.Select(r => new RoleSummary(
            r.Id,
            r.Name,
            r.Description,
            r.Tracks,
            mine.ContainsKey(r.Id),
            mine.TryGetValue(r.Id, out var choice) ? choice.SetAt : null,
            RoleTargets.Of(framework, r).Count)).ToList();
        return new RolesReport(framework.Id, person, roles);
    }
}

/// <summary>One role of <see cref="RolesReport"/>: chosen by the person (since when), and how many topics it targets.</summary>
public sealed record RoleSummary(string Id, string Name, string? Description, IReadOnlyList<string> Tracks, bool Chosen, DateTimeOffset? ChosenAt, int Topics);

/// <summary>`role show`: a role's targets against the person's levels.</summary>
public sealed record RoleReport(string Id, string Name, string? Description, IReadOnlyList<string> Tracks, string Person, IReadOnlyList<RoleStanding> Targets)
{
    public static RoleReport Of(Role role, string person, IReadOnlyList<RoleStanding> targets)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new RoleReport(role.Id, role.Name, role.Description, role.Tracks, person, targets);
    }
}

/// <summary>`roadmap list`: each roadmap with its number of stages and the person's overall progress.</summary>
public sealed record RoadmapListReport(string Framework, string Person, IReadOnlyList<RoadmapSummary> Roadmaps)
{
    public static RoadmapListReport Of(string framework, string person, IEnumerable<RoadmapProgress> roadmaps) =>
        new(framework, person, roadmaps.Select(r => new RoadmapSummary(r.Id, r.Name, r.Description, r.Stages.Count, r.Count)).ToList());
}

/// <summary>One roadmap of <see cref="RoadmapListReport"/>.</summary>
public sealed record RoadmapSummary(string Id, string Name, string? Description, int Stages, ProgressCount Progress);

/// <summary>`roadmap show`: roadmaps stage by stage with the person's progress.</summary>
public sealed record RoadmapsReport(string Framework, string Person, IReadOnlyList<RoadmapProgress> Roadmaps);

/// <summary>`roadmap mark --format json`: the mark as recorded, how the item shows after it (evidence
/// can make a skill done whatever its mark), and the progress of every roadmap holding the item.</summary>
public sealed record MarkReport(string Framework, string Person, string Item, string Name, ProgressStatus Marked, DateTimeOffset At, ItemStatus Shows, IReadOnlyList<RoadmapSummary> Roadmaps)
{
    public static MarkReport Of(GrowthData data, MarkItem item, ProgressStatus marked, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(item);
        var holding = data.Framework.Roadmaps
            .Where(r => r.Stages.Any(s => s.Skills.Contains(item.Id, StringComparer.Ordinal) || (s.Skills.Count == 0 && s.Topics.Contains(item.Id, StringComparer.Ordinal))))
            .Select(r => RoadmapProgress.Compute(data.Framework, r, data.Book));
        return new MarkReport(
            data.Framework.Id, data.Person.PrimaryEmail, item.Id, item.Name, marked, at, data.Book.Of(item.Id),
            RoadmapListReport.Of(data.Framework.Id, data.Person.PrimaryEmail, holding).Roadmaps);
    }
}

/// <summary>A topic or skill a roadmap mark can be put on: its id and how it is named
/// ("asyncio.Queue (async.queue)").</summary>
public sealed record MarkItem(string Id, string Name)
{
    /// <summary>A topic id (any case), a skill id, or TOPIC/SKILL (the skill's id, or its id without
    /// the topic's prefix); ids a framework moved are followed. Null when it names nothing.</summary>
    public static MarkItem? Find(Framework framework, string text)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(text);
        var id = framework.Resolve(text.Trim());
        if (framework.FindSkill(id) is { } skill)
        {
            return Of(skill);
        }

        var slash = id.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var inTopic = TopicOf(framework, id[..slash]);
            var skillId = id[(slash + 1)..].Trim();
            var found = inTopic?.FindSkill(skillId) ?? inTopic?.FindSkill($"{inTopic.Id}.{skillId}");
            return found is null ? null : Of(found);
        }

        return TopicOf(framework, id) is { } topic ? new MarkItem(topic.Id, $"{topic.Name} ({topic.Id})") : null;
    }

    private static MarkItem Of(Skill skill) => new(skill.Id, $"{skill.Name} ({skill.Id})");

    private static Topic? TopicOf(Framework framework, string id) =>
        framework.FindTopic(id.Trim()) ?? framework.Topics.FirstOrDefault(t => string.Equals(t.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>`roadmap next`: what to learn next in a roadmap, for the person's roles.</summary>
public sealed record NextReport(string Framework, string Person, IReadOnlyList<string> Roles, string Roadmap, IReadOnlyList<NextStep> Steps, IReadOnlyList<BlockedStep> Blocked)
{
    public static NextReport Of(string framework, string person, GapPlan plan, NextSteps next)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(next);
        return new NextReport(framework, person, plan.Roles, next.Roadmap, next.Steps, next.Blocked);
    }
}

/// <summary>`practice review`: the review as stored, with the card's memory before and after.</summary>
public sealed record ReviewReport(string Card, string Topic, string Person, Rating Rating, DateTimeOffset At, DateTimeOffset Due, int IntervalDays, MemoryView Before, MemoryView After)
{
    public static ReviewReport Of(CardReview review, string topic, FsrsScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new ReviewReport(
            review.Card,
            topic,
            review.Person,
            review.Rating,
            review.At,
            review.After.Due,
            (int)Math.Floor((review.After.Due - review.At).TotalDays),
            MemoryView.Of(review.Before, review.At, scheduler),
            MemoryView.Of(review.After, review.At, scheduler));
    }
}

/// <summary>`practice stats`.</summary>
public sealed record StatsReport(string Framework, string Person, PracticeStats Stats);

/// <summary>`history`: the person's timeline, of one topic or all, after a time or from the start.</summary>
public sealed record HistoryReport(string Framework, string Person, string? Topic, DateTimeOffset? Since, IReadOnlyList<HistoryEvent> Events);

/// <summary>`status --since`: what moved since a time, topic by topic, and the other events.</summary>
public sealed record ChangesReport(string Framework, string Person, DateTimeOffset Since, DateTimeOffset At, IReadOnlyList<TopicChange> Topics, IReadOnlyList<HistoryEvent> Other)
{
    public static ChangesReport Of(string framework, string person, StatusChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new ChangesReport(framework, person, changes.Since, changes.At, changes.Topics, changes.Other);
    }
}
