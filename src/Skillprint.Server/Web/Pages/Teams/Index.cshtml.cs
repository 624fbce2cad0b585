using Skillprint.Core.Teams;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages.Teams;

/// <summary>The teams I manage or belong to, every team for an admin, each linking to its matrix.</summary>
public sealed class IndexModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public IReadOnlyList<(TeamSummary Team, string Place)> Teams { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var service = new TeamService(Store, Store, Time);
        var mine = new List<(TeamSummary, string)>();
        foreach (var team in await service.ListAsync(cancel))
        {
            // The store's own check of who may see a team: the same as the matrix's.
            var seen = await Store.GetTeamAsync(team.Id, Caller.IsAdmin ? null : Caller.PersonId, cancel);
            if (seen is null)
            {
                continue;
            }

            var place = seen.Managers.Any(m => m.Person == Caller.PersonId) ? "manager"
                : seen.Members.Any(m => m.Person == Caller.PersonId) ? "member"
                : "admin";
            mine.Add((team, place));
        }

        Teams = mine;
    }
}
