using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Growth;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>My gaps against the roles I chose, ranked (as `skillprint gaps`), and the forms to
/// choose roles (`role set` and `role unset`).</summary>
public sealed class GapsModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public GapPlan Plan { get; private set; } = null!;

    public IReadOnlyList<(Core.Frameworks.Role Role, string? Grade)> Chosen { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var (data, plan) = await new GrowthService(Store, Time).PlanAsync(Framework, await MeAsync(), [], HttpContext.RequestAborted);
        Plan = plan;
        Chosen = data.ChosenGrades;
    }

    public async Task<IActionResult> OnPostSetAsync(string? role, string? grade)
    {
        if (Framework.FindRole(role ?? "") is not { } found)
        {
            return BadRequest($"role: the framework has no role '{role}'");
        }

        var chosenGrade = string.IsNullOrEmpty(grade) ? null : Framework.FindGrade(grade)?.Id;
        if (!string.IsNullOrEmpty(grade) && chosenGrade is null)
        {
            return BadRequest($"grade: the framework has no grade '{grade}'");
        }

        await new GrowthService(Store, Time).SetRoleAsync(Framework, Caller.PersonId, found, chosenGrade, Time.GetUtcNow(), HttpContext.RequestAborted);
        Notice = $"You aim for {found.Name}{(chosenGrade is null ? "" : $" ({chosenGrade})")}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnsetAsync(string? role)
    {
        if (Framework.FindRole(role ?? "") is not { } found)
        {
            return BadRequest($"role: the framework has no role '{role}'");
        }

        await new GrowthService(Store, Time).RemoveRoleAsync(Framework, Caller.PersonId, found, Time.GetUtcNow(), HttpContext.RequestAborted);
        Notice = $"You no longer aim for {found.Name}.";
        return RedirectToPage();
    }
}
