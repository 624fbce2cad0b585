using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Roadmaps;

/// <summary>What a roadmap item is.</summary>
public enum ItemKind
{
    Skill,
    Topic,
}

/// <summary>One item of a stage with the person's status.</summary>
public sealed record StageItem(
    ItemKind Kind,
    string Id,
    string Name,
    string Topic,
    Level? Level,
    ProgressStatus Status,
    StatusSource Source,
    bool Evidenced);

/// <summary>Counts of items by status and the share of progress (done plus skipped over all).</summary>
public sealed record ProgressCount(int Total, int Done, int Skipped, int Doing, int Todo)
{
    /// <summary>(done + skipped) / total, 0 for no items.</summary>
    public double Progress => Total == 0 ? 0 : (double)(Done + Skipped) / Total;

    public static ProgressCount Of(IEnumerable<StageItem> items)
    {
        var list = items.ToList();
        return new ProgressCount(
            list.Count,
            list.Count(i => i.Status == ProgressStatus.Done),
            list.Count(i => i.Status == ProgressStatus.Skipped),
            list.Count(i => i.Status == ProgressStatus.Doing),
            list.Count(i => i.Status == ProgressStatus.Todo));
    }
}

/// <summary>One stage of a roadmap with the person's progress; <see cref="Number"/> counts from 1.</summary>
public sealed record StageProgress(
    int Number,
    string Id,
    string Name,
    string? Why,
    IReadOnlyList<string> Topics,
    IReadOnlyList<StageItem> Items,
    ProgressCount Count);

/// <summary>
/// A roadmap with the person's progress. The items of a stage are its skills, or its topics when it
/// lists no skills. The overall count is over the distinct items of the roadmap, so an item listed in
/// two stages counts once.
/// </summary>
public sealed record RoadmapProgress(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<StageProgress> Stages,
    ProgressCount Count)
{
    public static RoadmapProgress Compute(Framework framework, Roadmap roadmap, ProgressBook book)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(roadmap);
        ArgumentNullException.ThrowIfNull(book);
        var stages = new List<StageProgress>();
        var number = 0;
        foreach (var stage in roadmap.Stages)
        {
            number++;
            var items = stage.Skills.Count > 0
                ? stage.Skills.Select(id => SkillItem(framework, book, id)).ToList()
                : stage.Topics.Select(id => TopicItem(framework, book, id)).ToList();
            stages.Add(new StageProgress(number, stage.Id, stage.Name, stage.Why, stage.Topics, items, ProgressCount.Of(items)));
        }

        var distinct = stages
            .SelectMany(s => s.Items)
            .DistinctBy(i => (i.Kind, i.Id))
            .ToList();
        return new RoadmapProgress(roadmap.Id, roadmap.Name, roadmap.Description, stages, ProgressCount.Of(distinct));
    }

    private static StageItem SkillItem(Framework framework, ProgressBook book, string id)
    {
        var status = book.Of(id);
        var skill = framework.FindSkill(framework.Resolve(id));
        return new StageItem(
            ItemKind.Skill,
            skill?.Id ?? id,
            skill?.Name ?? id,
            skill?.Topic ?? "",
            skill?.Level,
            status.Status,
            status.Source,
            status.Evidenced);
    }

    private static StageItem TopicItem(Framework framework, ProgressBook book, string id)
    {
        var status = book.Of(id);
        var topic = framework.FindTopic(framework.Resolve(id));
        return new StageItem(ItemKind.Topic, topic?.Id ?? id, topic?.Name ?? id, topic?.Id ?? id, null, status.Status, status.Source, status.Evidenced);
    }
}
