using Skillprint.Core.Growth;
using Skillprint.Core.History;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>My timeline, newest first (as `skillprint history`): assessments, evidence, roles,
/// roadmap marks and reviews; <c>?topic=ID</c> keeps one topic.</summary>
public sealed class HistoryModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public const int Shown = 500;

    public IReadOnlyList<HistoryEvent> Events { get; private set; } = [];

    public string? Topic { get; private set; }

    public async Task OnGetAsync(string? topic)
    {
        Topic = topic is not null && Framework.FindTopic(topic) is not null ? topic : null;
        var (inputs, _) = await new GrowthService(Store, Time).HistoryOfAsync(Framework, await MeAsync(), HttpContext.RequestAborted);
        Events = Timeline.Build(Framework, inputs, Topic).OrderByDescending(e => e.At).ToList();
    }
}
