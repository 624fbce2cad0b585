using System.Text;
using Skillprint.Core;
using Skillprint.Core.Export;
using Skillprint.Core.Growth;
using Skillprint.Core.Status;
using Microsoft.AspNetCore.Mvc;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>My page: seed 000's two tables (the body of knowledge, my status) and the chart of
/// self-assessed, evidenced and target level per topic; <c>?handler=page</c> and
/// <c>?handler=profile</c> download the seed-000 Markdown page and the profile file, as
/// `skillprint export` and `skillprint export profile` write them.</summary>
public sealed class IndexModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public PersonalStatus Status { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public StatusChart Chart { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var data = await new GrowthService(Store, Time).LoadAsync(Framework, await MeAsync(), HttpContext.RequestAborted);
        Status = data.Status;
        Roles = data.ChosenGrades.Select(r => r.Grade is null ? r.Role.Name : $"{r.Role.Name} ({r.Grade})").ToList();
        var targets = RoleTargets.Combine(Framework, data.ChosenGrades).ToDictionary(t => t.Topic.Id, t => t.Target, StringComparer.Ordinal);
        Chart = new StatusChart(Status.Topics
            .Select(t => new ChartRow(t.Id, t.Name, t.SelfLevel, t.EvidencedLevel, targets.GetValueOrDefault(t.Id, Level.None), StatusChart.StrengthOf(t.Strength)))
            .ToList());
    }

    public async Task<IActionResult> OnGetPageAsync()
    {
        var status = await StatusAsync();
        var page = MarkdownExport.RenderPage(status, null, Time.GetUtcNow(), MarkdownExport.NewPageId());
        return Download(page.Text!, MarkdownExport.DefaultFileName(status));
    }

    public async Task<IActionResult> OnGetProfileAsync()
    {
        var status = await StatusAsync();
        return Download(ProfileExport.Render(status), ProfileExport.DefaultFileName(status));
    }

    private async Task<PersonalStatus> StatusAsync() =>
        (await new GrowthService(Store, Time).LoadAsync(Framework, await MeAsync(), HttpContext.RequestAborted)).Status;

    private FileContentResult Download(string text, string name) =>
        File(Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8", name);
}
