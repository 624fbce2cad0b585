using Skillprint.Core.Frameworks;
using Skillprint.Core.Status;

namespace Skillprint.Core.Roadmaps;

/// <summary>Where a person is with one topic or skill of a roadmap.</summary>
public enum ProgressStatus
{
    Todo,
    Doing,
    Done,
    Skipped,
}

/// <summary>Where a status comes from.</summary>
public enum StatusSource
{
    /// <summary>Nothing said or shown: todo.</summary>
    None,

    /// <summary>The person's own mark on the item.</summary>
    Mark,

    /// <summary>Evidence of the skill: code or manual.</summary>
    Evidence,

    /// <summary>A topic without a mark of its own: the state of its skills.</summary>
    Skills,

    /// <summary>A skill without a mark or evidence of its own follows its topic's done or skipped mark.</summary>
    Topic,
}

public static class ProgressStatuses
{
    /// <summary>Reads "todo", "doing", "done" or "skipped" in any case.</summary>
    public static bool TryParse(string? text, out ProgressStatus status)
    {
        foreach (var candidate in Enum.GetValues<ProgressStatus>())
        {
            if (string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = ProgressStatus.Todo;
        return false;
    }

    /// <summary>The name as stored and printed: lower case.</summary>
    public static string Name(this ProgressStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Done and skipped both count as progress.</summary>
    public static bool IsSettled(this ProgressStatus status) => status is ProgressStatus.Done or ProgressStatus.Skipped;
}

/// <summary>A person's mark on a topic or a skill (not on a roadmap: it counts in every roadmap holding
/// the item). History is kept; the latest mark of an item holds.</summary>
public sealed record ProgressMark(string Person, string Framework, string Item, ProgressStatus Status, DateTimeOffset At);

/// <summary>The resolved status of one topic or skill.</summary>
/// <param name="Evidenced">A skill: it has evidence. A topic: every one of its skills is done by evidence.</param>
/// <param name="Mark">The latest mark of the item itself, if any.</param>
public sealed record ItemStatus(
    string Item,
    ProgressStatus Status,
    StatusSource Source,
    bool Evidenced,
    ProgressStatus? Mark,
    DateTimeOffset? MarkedAt);

/// <summary>
/// The status of every topic and skill of a framework for one person, from their marks and their
/// evidence. The rules (docs/growth.md):
/// a skill with a mark of its own takes it, except that evidence turns "doing" into done; a skill
/// without a mark is done when it has evidence (code or manual); else it follows a done or skipped
/// mark of its topic; else it is todo. A topic with a mark takes it; without one it is done when
/// all of its skills are done or skipped, doing when some are done or doing, else todo.
/// </summary>
public sealed class ProgressBook
{
    private readonly Framework framework;
    private readonly Dictionary<string, ProgressMark> latestMarks;
    private readonly HashSet<string> evidencedSkills;
    private readonly Dictionary<string, ItemStatus> cache = new(StringComparer.Ordinal);

    private ProgressBook(Framework framework, Dictionary<string, ProgressMark> latestMarks, HashSet<string> evidencedSkills)
    {
        this.framework = framework;
        this.latestMarks = latestMarks;
        this.evidencedSkills = evidencedSkills;
    }

    /// <summary>The ids of the skills with evidence.</summary>
    public IReadOnlySet<string> EvidencedSkills => evidencedSkills;

    /// <summary>
    /// Builds the book. Marks of another framework are ignored; item ids follow the framework's
    /// <c>moved:</c> map; of two marks of one item the later wins (at the same time, the one given later).
    /// </summary>
    public static ProgressBook Build(Framework framework, PersonalStatus status, IEnumerable<ProgressMark> marks)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(status);
        var latest = new Dictionary<string, ProgressMark>(StringComparer.Ordinal);
        foreach (var mark in marks
            .Where(m => string.IsNullOrEmpty(m.Framework) || string.Equals(m.Framework, framework.Id, StringComparison.Ordinal))
            .Select((m, order) => (Mark: m, Order: order))
            .OrderBy(m => m.Mark.At)
            .ThenBy(m => m.Order)
            .Select(m => m.Mark))
        {
            latest[framework.Resolve(mark.Item)] = mark;
        }

        var evidenced = status.Topics
            .SelectMany(t => t.Evidence)
            .Where(e => e.Skill is not null)
            .Select(e => framework.Resolve(e.Skill!))
            .ToHashSet(StringComparer.Ordinal);
        return new ProgressBook(framework, latest, evidenced);
    }

    /// <summary>The status of a topic or skill id (a skill id when the framework has one by that id).</summary>
    public ItemStatus Of(string item)
    {
        var id = framework.Resolve(item);
        if (cache.TryGetValue(id, out var known))
        {
            return known;
        }

        var resolved = framework.FindSkill(id) is { } skill ? OfSkill(skill) : OfTopic(id);
        cache[id] = resolved;
        return resolved;
    }

    private ItemStatus OfSkill(Skill skill)
    {
        var evidenced = evidencedSkills.Contains(skill.Id);
        var mark = latestMarks.GetValueOrDefault(skill.Id);
        if (mark is not null)
        {
            return mark.Status == ProgressStatus.Doing && evidenced
                ? new ItemStatus(skill.Id, ProgressStatus.Done, StatusSource.Evidence, true, mark.Status, mark.At)
                : new ItemStatus(skill.Id, mark.Status, StatusSource.Mark, evidenced, mark.Status, mark.At);
        }

        if (evidenced)
        {
            return new ItemStatus(skill.Id, ProgressStatus.Done, StatusSource.Evidence, true, null, null);
        }

        if (latestMarks.GetValueOrDefault(skill.Topic) is { Status: ProgressStatus.Done or ProgressStatus.Skipped } topicMark)
        {
            return new ItemStatus(skill.Id, topicMark.Status, StatusSource.Topic, false, null, null);
        }

        return new ItemStatus(skill.Id, ProgressStatus.Todo, StatusSource.None, false, null, null);
    }

    private ItemStatus OfTopic(string id)
    {
        var skills = framework.FindTopic(id)?.Skills ?? [];
        var skillStatuses = skills.Select(OfSkill).ToList();
        var allByEvidence = skillStatuses.Count > 0 && skillStatuses.All(s => s.Status == ProgressStatus.Done && s.Source == StatusSource.Evidence);
        if (latestMarks.GetValueOrDefault(id) is { } mark)
        {
            return new ItemStatus(id, mark.Status, StatusSource.Mark, allByEvidence, mark.Status, mark.At);
        }

        if (skillStatuses.Count > 0 && skillStatuses.All(s => s.Status.IsSettled()))
        {
            return new ItemStatus(id, ProgressStatus.Done, StatusSource.Skills, allByEvidence, null, null);
        }

        if (skillStatuses.Any(s => s.Status is ProgressStatus.Done or ProgressStatus.Doing))
        {
            return new ItemStatus(id, ProgressStatus.Doing, StatusSource.Skills, false, null, null);
        }

        return new ItemStatus(id, ProgressStatus.Todo, StatusSource.None, false, null, null);
    }
}
