using Htmx;
using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Growth;
using Skillprint.Core.Roadmaps;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>One roadmap: its stages with progress bars and each item with a form to mark it
/// (the same marks as `skillprint roadmap mark`, which count in every roadmap holding the item).
/// A mark posted by htmx gets back the roadmap's body alone (Shared/_RoadmapBody), which htmx swaps
/// in place; a plain form post is redirected to the page, as without JavaScript.</summary>
public sealed class RoadmapModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public RoadmapProgress Roadmap { get; private set; } = null!;

    /// <summary>What was just marked, shown inside the body that htmx swaps in.</summary>
    public string? Marked { get; private set; }

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

        var data = await new GrowthService(Store, Time).MarkAsync(Framework, await MeAsync(), item!, value, Time.GetUtcNow(), HttpContext.RequestAborted);
        var said = $"Marked {item} {value.Name()}.";
        if (Request.IsHtmx())
        {
            Roadmap = RoadmapProgress.Compute(Framework, roadmap, data.Book);
            Marked = said;
            return Partial("_RoadmapBody", this);
        }

        Notice = said;
        return RedirectToPage(new { id });
    }
}
