using Skillprint.Core.Frameworks;
using Skillprint.Core.Status;

namespace Skillprint.Core.History;

/// <summary>What moved in one topic since a date: the levels then and now, and the events since.</summary>
public sealed record TopicChange(
    string Topic,
    string Name,
    Level SelfLevelBefore,
    Level SelfLevel,
    Level EvidencedLevelBefore,
    Level EvidencedLevel,
    IReadOnlyList<HistoryEvent> Events)
{
    public bool LevelMoved => SelfLevelBefore != SelfLevel || EvidencedLevelBefore != EvidencedLevel;
}

/// <summary>
/// What moved since <see cref="Since"/> (for <c>skillprint status --since</c>): every topic whose
/// self-assessed or evidenced level differs between then and now, or that has any event after
/// <see cref="Since"/> (assessment, evidence, mark, review), in the framework's order;
/// <see cref="Other"/> holds the events of no topic (roles).
/// </summary>
public sealed record StatusChanges(DateTimeOffset Since, DateTimeOffset At, IReadOnlyList<TopicChange> Topics, IReadOnlyList<HistoryEvent> Other)
{
    /// <summary>
    /// The levels "then" are computed by the same rule as the status, from the assessments and evidence
    /// dated at or before <paramref name="since"/> (with manual evidence removed after it counted as
    /// still there); "now" from everything. Events are those strictly after <paramref name="since"/>.
    /// </summary>
    public static StatusChanges Compute(Framework framework, HistoryInputs inputs, IReadOnlyList<EvidenceItem> currentEvidence, DateTimeOffset since, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(currentEvidence);
        ArgumentNullException.ThrowIfNull(time);
        var now = PersonalStatus.Compute(framework, inputs.Assessments, currentEvidence, time);
        var then = StatusAt(framework, inputs, currentEvidence, since, time);
        var events = Timeline.Build(framework, inputs).Where(e => e.At > since).ToList();
        var thenById = then.Topics.ToDictionary(t => t.Id, StringComparer.Ordinal);

        var topics = new List<TopicChange>();
        foreach (var topic in now.Topics)
        {
            var before = thenById[topic.Id];
            var change = new TopicChange(
                topic.Id,
                topic.Name,
                before.SelfLevel,
                topic.SelfLevel,
                before.EvidencedLevel,
                topic.EvidencedLevel,
                events.Where(e => string.Equals(e.Topic, topic.Id, StringComparison.Ordinal)).ToList());
            if (change.LevelMoved || change.Events.Count > 0)
            {
                topics.Add(change);
            }
        }

        return new StatusChanges(since, now.GeneratedAt, topics, events.Where(e => e.Topic is null).ToList());
    }

    /// <summary>
    /// The status from what was dated at or before <paramref name="at"/>: the assessments made by then,
    /// the evidence dated by then, and manual evidence removed after it counted as still there. The
    /// clock is <paramref name="clock"/>, or fixed at <paramref name="at"/> when none is given.
    /// </summary>
    public static PersonalStatus StatusAt(Framework framework, HistoryInputs inputs, IReadOnlyList<EvidenceItem> currentEvidence, DateTimeOffset at, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(currentEvidence);
        var evidenceThen = currentEvidence
            .Where(e => e.At <= at)
            .Concat(inputs.ManualEvidence
                .Where(m => m.RemovedAt is { } removed && removed > at && m.Evidence.At <= at)
                .Select(m => EvidenceItem.FromManual(m.Evidence)));
        return PersonalStatus.Compute(framework, inputs.Assessments.Where(a => a.At <= at), evidenceThen, clock ?? new FixedClock(at));
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
