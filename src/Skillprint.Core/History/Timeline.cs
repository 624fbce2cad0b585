using System.Globalization;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;
using Skillprint.Core.Status;

namespace Skillprint.Core.History;

/// <summary>What happened.</summary>
public enum HistoryKind
{
    /// <summary>A self-assessment.</summary>
    Assessment,

    /// <summary>Manual evidence entered.</summary>
    Evidence,

    /// <summary>Manual evidence removed.</summary>
    EvidenceRemoved,

    /// <summary>The first code evidence of a skill (its date is the commit's).</summary>
    CodeEvidence,

    /// <summary>A target role chosen.</summary>
    Role,

    /// <summary>A target role given up.</summary>
    RoleRemoved,

    /// <summary>A roadmap mark on a topic or skill.</summary>
    Mark,

    /// <summary>A practice card reviewed.</summary>
    Review,
}

/// <summary>A manual evidence row with the time it was removed, if it was.</summary>
public sealed record ManualEvidenceEntry(ManualEvidence Evidence, DateTimeOffset? RemovedAt);

/// <summary>One event of a person's history. <see cref="Topic"/> is the topic it concerns (null for a
/// role); <see cref="Item"/> the skill, card or role; <see cref="Text"/> says it in a line.</summary>
public sealed record HistoryEvent(DateTimeOffset At, HistoryKind Kind, string? Topic, string? Item, string Text);

/// <summary>Everything a timeline is made of, as the store hands it out.</summary>
public sealed record HistoryInputs(
    IReadOnlyList<SelfAssessment> Assessments,
    IReadOnlyList<ManualEvidenceEntry> ManualEvidence,
    IReadOnlyList<EvidenceItem> CodeEvidence,
    IReadOnlyList<RoleChoice> Roles,
    IReadOnlyList<ProgressMark> Marks,
    IReadOnlyList<CardReview> Reviews);

/// <summary>A person's history in a framework, oldest first.</summary>
public static class Timeline
{
    /// <summary>
    /// Every event, oldest first (events at the same time in the order: assessments, evidence, roles,
    /// marks, reviews); only one topic's when <paramref name="topic"/> is given (roles are not a
    /// topic's and are left out then). Ids follow the framework's <c>moved:</c> map.
    /// </summary>
    public static IReadOnlyList<HistoryEvent> Build(Framework framework, HistoryInputs inputs, string? topic = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(inputs);
        var events = new List<HistoryEvent>();
        foreach (var a in inputs.Assessments)
        {
            var id = framework.Resolve(a.Topic);
            var note = string.IsNullOrWhiteSpace(a.Note) ? "" : $" ({a.Note})";
            events.Add(new HistoryEvent(a.At, HistoryKind.Assessment, id, null, $"assessed {TopicName(framework, id)} at {a.Level}{note}"));
        }

        foreach (var entry in inputs.ManualEvidence)
        {
            var e = entry.Evidence;
            var id = framework.Resolve(e.Topic);
            var skill = e.Skill is null ? null : framework.Resolve(e.Skill);
            var what = skill is null ? TopicName(framework, id) : $"{SkillName(framework, skill)} in {TopicName(framework, id)}";
            var detail = string.Join(", ", new[] { e.Note, e.Link }.Where(s => !string.IsNullOrWhiteSpace(s)));
            events.Add(new HistoryEvent(e.At, HistoryKind.Evidence, id, skill, $"evidence #{e.Id} for {what}{(detail.Length > 0 ? $": {detail}" : "")}"));
            if (entry.RemovedAt is { } removed)
            {
                events.Add(new HistoryEvent(removed, HistoryKind.EvidenceRemoved, id, skill, $"evidence #{e.Id} for {what} removed"));
            }
        }

        foreach (var first in inputs.CodeEvidence
            .Where(e => e.Kind == EvidenceKind.Code && e.Skill is not null)
            .GroupBy(e => framework.Resolve(e.Skill!), StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.At).First()))
        {
            var skill = framework.Resolve(first.Skill!);
            var id = framework.FindSkill(skill)?.Topic ?? framework.Resolve(first.Topic);
            var place = first.Code is { } code ? $" ({code.Repository}: {code.Path}:{code.Line})" : "";
            events.Add(new HistoryEvent(first.At, HistoryKind.CodeEvidence, id, skill, $"first code evidence of {SkillName(framework, skill)}{place}"));
        }

        foreach (var role in inputs.Roles)
        {
            var name = framework.FindRole(role.Role)?.Name ?? role.Role;
            events.Add(new HistoryEvent(role.SetAt, HistoryKind.Role, null, role.Role, $"role {name} set as a target"));
            if (role.RemovedAt is { } removed)
            {
                events.Add(new HistoryEvent(removed, HistoryKind.RoleRemoved, null, role.Role, $"role {name} no longer a target"));
            }
        }

        foreach (var mark in inputs.Marks)
        {
            var item = framework.Resolve(mark.Item);
            var skill = framework.FindSkill(item);
            var id = skill?.Topic ?? item;
            var what = skill is null ? TopicName(framework, item) : SkillName(framework, item);
            events.Add(new HistoryEvent(mark.At, HistoryKind.Mark, id, skill is null ? null : item, $"marked {what} {mark.Status.Name()}"));
        }

        foreach (var review in inputs.Reviews)
        {
            var card = framework.FindCard(review.Card);
            var interval = review.After.Due - review.At;
            events.Add(new HistoryEvent(
                review.At,
                HistoryKind.Review,
                card?.Topic,
                review.Card,
                $"reviewed card {review.Card}: {review.Rating}, {review.Before.State} → {review.After.State}, next in {Interval(interval)}"));
        }

        return events
            .Where(e => topic is null || string.Equals(e.Topic, topic, StringComparison.Ordinal))
            .Select((e, i) => (Event: e, Order: i))
            .OrderBy(e => e.Event.At)
            .ThenBy(e => e.Order)
            .Select(e => e.Event)
            .ToList();
    }

    /// <summary>A span as a person reads it: "10 min", "3 h", "12 d".</summary>
    public static string Interval(TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return ((int)Math.Floor(span.TotalDays)).ToString(CultureInfo.InvariantCulture) + " d";
        }

        return span.TotalHours >= 1
            ? ((int)Math.Floor(span.TotalHours)).ToString(CultureInfo.InvariantCulture) + " h"
            : ((int)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture) + " min";
    }

    private static string TopicName(Framework framework, string id) => framework.FindTopic(id)?.Name ?? id;

    private static string SkillName(Framework framework, string id) => framework.FindSkill(id) is { } s ? $"{s.Name} ({s.Id})" : id;
}
