using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Skillprint.Core.Status;

namespace Skillprint.Core.Roadmaps;

/// <summary>Why an item is proposed next.</summary>
public enum NextReason
{
    /// <summary>The person marked it doing.</summary>
    InProgress,

    /// <summary>Its topic is one of the person's gaps.</summary>
    Gap,

    /// <summary>Next in the roadmap's order.</summary>
    Order,
}

/// <summary>An item proposed next, with its stage and why; <see cref="GapRank"/> is the rank of its
/// topic in the gap plan when it is a gap.</summary>
public sealed record NextStep(StageItem Item, int Stage, string StageId, string StageName, NextReason Reason, int? GapRank);

/// <summary>An open item held back because a prerequisite topic of its topic is not met yet.</summary>
public sealed record BlockedStep(StageItem Item, int Stage, IReadOnlyList<string> Missing);

/// <summary>The next items of a roadmap and the ones held back.</summary>
public sealed record NextSteps(string Roadmap, IReadOnlyList<NextStep> Steps, IReadOnlyList<BlockedStep> Blocked)
{
    /// <summary>
    /// The rule (docs/growth.md, "roadmap next"): the open items (todo or doing; an item listed in
    /// two stages counts at its first) whose topic's prerequisites are met; a prerequisite topic is met
    /// when the person's level in it (evidenced, else self-assessed) is Beginner or more, or it is done
    /// or skipped. Items marked doing come first, then items of gap topics, then the rest; within each
    /// group the roadmap's order. At most <paramref name="limit"/> items.
    /// </summary>
    public static NextSteps Compute(
        Framework framework,
        RoadmapProgress roadmap,
        PersonalStatus status,
        ProgressBook book,
        GapPlan? gaps,
        int limit)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(roadmap);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(book);
        var levels = status.Topics.ToDictionary(t => t.Id, t => t.CurrentLevel, StringComparer.Ordinal);
        var gapRanks = (gaps?.Gaps ?? []).ToDictionary(g => g.Topic, g => g.Rank, StringComparer.Ordinal);
        var open = roadmap.Stages
            .SelectMany(stage => stage.Items.Select((item, position) => (Item: item, Stage: stage, Position: position)))
            .DistinctBy(entry => (entry.Item.Kind, entry.Item.Id))
            .Where(entry => entry.Item.Status is ProgressStatus.Todo or ProgressStatus.Doing)
            .ToList();

        var ready = new List<(NextStep Step, int Position)>();
        var blocked = new List<BlockedStep>();
        foreach (var entry in open)
        {
            var missing = (framework.FindTopic(entry.Item.Topic)?.Prerequisites ?? [])
                .Where(p => levels.GetValueOrDefault(p) < Level.Beginner && !book.Of(p).Status.IsSettled())
                .ToList();
            if (missing.Count > 0 && entry.Item.Status != ProgressStatus.Doing)
            {
                blocked.Add(new BlockedStep(entry.Item, entry.Stage.Number, missing));
                continue;
            }

            int? rank = gapRanks.TryGetValue(entry.Item.Topic, out var r) ? r : null;
            var reason = entry.Item.Status == ProgressStatus.Doing ? NextReason.InProgress
                : rank is not null ? NextReason.Gap
                : NextReason.Order;
            ready.Add((new NextStep(entry.Item, entry.Stage.Number, entry.Stage.Id, entry.Stage.Name, reason, rank), entry.Position));
        }

        var steps = ready
            .OrderBy(s => s.Step.Reason)
            .ThenBy(s => s.Step.Stage)
            .ThenBy(s => s.Position)
            .Take(Math.Max(0, limit))
            .Select(s => s.Step)
            .ToList();
        return new NextSteps(roadmap.Id, steps, blocked);
    }
}
