using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Teams;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages.Admin;

/// <summary>
/// Teams for admins (<c>/admin/teams</c>): make one, put people in as members or managers, take them
/// out, remove a team (confirmed; its people and their data stay), over the same service as
/// `skillprint team` and <c>/api/v1/teams</c>.
/// </summary>
public sealed class TeamsModel(StoreAccess store, TimeProvider time) : AdminPage(store, time)
{
    public IReadOnlyList<TeamDetail> Teams { get; private set; } = [];

    public string? Error { get; private set; }

    private TeamService Service => new(Store, Store, Time);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAddAsync(string? name) =>
        ChangeAsync(async service => $"The team {(await service.AddAsync(name ?? "", HttpContext.RequestAborted)).Name} is made.");

    public Task<IActionResult> OnPostPersonAsync(long team, string? email, TeamRole role) =>
        ChangeAsync(async service =>
        {
            var (detail, person, changed) = await service.AddPersonAsync(await service.GetAsync(team, null, HttpContext.RequestAborted), email ?? "", role, HttpContext.RequestAborted);
            return changed ? $"{person.PrimaryEmail} is now a {Name(role)} of {detail.Name}." : $"{person.PrimaryEmail} was a {Name(role)} of {detail.Name} already.";
        });

    public Task<IActionResult> OnPostTakeOutAsync(long team, string? email, TeamRole role) =>
        ChangeAsync(async service =>
        {
            var (detail, person, _) = await service.RemovePersonAsync(await service.GetAsync(team, null, HttpContext.RequestAborted), email ?? "", role, HttpContext.RequestAborted);
            return $"{person.PrimaryEmail} is no longer a {Name(role)} of {detail.Name}.";
        });

    public Task<IActionResult> OnPostRemoveAsync(long team, bool confirm) =>
        ChangeAsync(async service =>
        {
            var detail = await service.GetAsync(team, null, HttpContext.RequestAborted);
            if (!confirm)
            {
                throw new TeamException(TeamProblem.Invalid, $"Tick the box to confirm removing {detail.Name}.");
            }

            await service.RemoveAsync(detail, HttpContext.RequestAborted);
            return $"The team {detail.Name} is removed, with its {detail.Members.Count} members' and {detail.Managers.Count} managers' places in it; the people and their data stay.";
        });

    public static string Name(TeamRole role) => role == TeamRole.Manager ? "manager" : "member";

    /// <summary>Makes a change and redirects with what it did, or shows the page again with why not.</summary>
    private async Task<IActionResult> ChangeAsync(Func<TeamService, Task<string>> change)
    {
        try
        {
            Notice = await change(Service);
            return RedirectToPage();
        }
        catch (TeamException refused)
        {
            Error = refused.Message;
            Response.StatusCode = refused.Problem == TeamProblem.Exists ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var service = Service;
        var teams = new List<TeamDetail>();
        foreach (var summary in await service.ListAsync(HttpContext.RequestAborted))
        {
            teams.Add(await service.GetAsync(summary.Id, null, HttpContext.RequestAborted));
        }

        Teams = teams;
    }
}
