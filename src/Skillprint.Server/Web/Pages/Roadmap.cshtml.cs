using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Growth;
using Skillprint.Core.Roadmaps;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>One roadmap: its stages with progress bars and each item with a form to mark it
/// (the same marks as `skillprint roadmap mark`, which count in every roadmap holding the item).</summary>
public sealed class RoadmapModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public RoadmapProgress Roadmap { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (Framework.Roadmaps.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal)) is not { } roadmap)
        {
            return NotFound();
        }

        var data = await new GrowthService(Store, Time).LoadAsync(Framework, await MeAsync(), HttpContext.RequestAborted);
        Roadmap = RoadmapProgress.Compute(Framework, roadmap, data.Book);
        return Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(string id, string? item, string? status)
    {
        var roadmap = Framework.Roadmaps.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
        var known = item is not null && (Framework.FindTopic(item) is not null || Framework.FindSkill(item) is not null);
        if (roadmap is null || !known || !ProgressStatuses.TryParse(status, out var value))
        {
            return BadRequest($"a mark needs an item of the framework and a status (todo, doing, done, skipped); got item '{item}', status '{status}'");
        }

        await new GrowthService(Store, Time).MarkAsync(Framework, await MeAsync(), item!, value, Time.GetUtcNow(), HttpContext.RequestAborted);
        Notice = $"Marked {item} {value.Name()}.";
        return RedirectToPage(new { id });
    }
}
