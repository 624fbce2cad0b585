using Skillprint.Core.Growth;
using Skillprint.Core.History;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>My timeline, newest first (as `skillprint history`): assessments, evidence, roles,
/// roadmap marks and reviews, with a year calendar of activity and each topic's level over time;
/// <c>?topic=ID</c> keeps one topic.</summary>
public sealed class HistoryModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public const int Shown = 200;

    public IReadOnlyList<HistoryEvent> Events { get; private set; } = [];

    public string? Topic { get; private set; }

    /// <summary>The last year's activity, day by day (the topic's only when one is chosen).</summary>
    public ActivityCalendar? Calendar { get; private set; }

    /// <summary>Each topic's levels at every month end of the last year, for the topics that have any.</summary>
    public IReadOnlyList<TopicCurve> Curves { get; private set; } = [];

    public async Task OnGetAsync(string? topic)
    {
        Topic = topic is not null && Framework.FindTopic(topic) is not null ? topic : null;
        var (inputs, evidence) = await new GrowthService(Store, Time).HistoryOfAsync(Framework, await MeAsync(), HttpContext.RequestAborted);
        Events = Timeline.Build(Framework, inputs, Topic).OrderByDescending(e => e.At).ToList();
        var now = Time.GetUtcNow();
        Calendar = ActivityCalendar.Build(Events, DateOnly.FromDateTime(now.UtcDateTime));
        Curves = LevelCurve.Build(Framework, inputs, evidence, now)
            .Where(c => Topic is null || c.Topic == Topic)
            .ToList();
    }
}
