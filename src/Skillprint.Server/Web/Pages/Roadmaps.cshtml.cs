using Skillprint.Core.Growth;
using Skillprint.Core.Roadmaps;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>Every roadmap of the framework with my progress.</summary>
public sealed class RoadmapsModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public IReadOnlyList<RoadmapProgress> Roadmaps { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var data = await new GrowthService(Store, Time).LoadAsync(Framework, await MeAsync(), HttpContext.RequestAborted);
        Roadmaps = Framework.Roadmaps.Select(r => RoadmapProgress.Compute(Framework, r, data.Book)).ToList();
    }
}
