using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Teams;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages.Teams;

/// <summary>
/// A team's matrix (<c>/teams/{id}</c>), the same as <c>GET /api/v1/teams/{id}/matrix</c> from the
/// same Core service: a manager of the team and an admin see levels, strength and evidence places
/// (never source text), a member the levels only, anyone else finds no such team (404).
/// <c>?role=ID</c> adds how many members meet each of the role's targets.
/// </summary>
public sealed class TeamModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    /// <summary>The places listed per member and topic on the page: all the matrix has.</summary>
    public const int PlacesShown = TeamMatrix.PlacesPerCell;

    public TeamMatrix Matrix { get; private set; } = null!;

    public Role? Role { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? role, string? track)
    {
        Role = string.IsNullOrEmpty(role) ? null : Framework.FindRole(role);
        // An unknown track (a hand-edited address) shows every topic, as an unknown role shows none.
        var narrowed = string.IsNullOrEmpty(track) ? null : Framework.FindTrack(track)?.Id;
        try
        {
            var db = Store;
            await Server.Teams.TeamEndpoints.CheckMembersMayReadAsync(db, Caller, id, HttpContext.RequestAborted);
            Matrix = await new TeamMatrixService(db, db, db, Time, Standings).ComputeAsync(Framework, id, new MatrixReader(Caller.PersonId, Caller.IsAdmin), Role, narrowed, cancel: HttpContext.RequestAborted);
            await Server.Audit.AuditEndpoints.RecordMatrixReadAsync(db, Views, Matrix, HttpContext.RequestAborted);
        }
        catch (TeamException missing) when (missing.Problem == TeamProblem.NotFound)
        {
            return NotFound();
        }

        return Page();
    }
}
