using Microsoft.AspNetCore.Http.HttpResults;
using Skillprint.Core.People;
using Skillprint.Core.Teams;
using Skillprint.Server.Auth;
using Skillprint.Server.Data;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Teams;

/// <summary>The body of a new team.</summary>
public sealed record NewTeam(string? Name);

/// <summary>The body of a person's place in a team: one of their emails, and member or manager.</summary>
public sealed record TeamPlace(string? Email, TeamRole Role = TeamRole.Member);

/// <summary>
/// Teams under <c>/api/v1/teams</c>: admins make, list, change and remove them; the matrix of a
/// team is read by its managers (levels and evidence places), its members (levels only) and admins,
/// and is 404 for anyone else, as a team that does not exist (the store's query decides).
/// </summary>
internal static class TeamEndpoints
{
    public static void MapTeams(this IEndpointRouteBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams").RequireWriteChecks();
        var admin = teams.MapGroup("").RequireAuthorization(Caller.AdminPolicy);
        admin.MapGet("/", ListAsync).WithSummary("The teams with how many members and managers (admin)");
        admin.MapPost("/", AddAsync).WithSummary("Make a team (admin)").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/{id:long}", ShowAsync).WithSummary("A team with its members and managers (admin)").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/{id:long}", RemoveAsync).WithSummary("Remove a team and who is in it; people and their data stay (admin)").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{id:long}/people", AddPersonAsync).WithSummary("Put a person in a team as member or manager (admin)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/{id:long}/people", RemovePersonAsync).WithSummary("Take a person's place (?email=&role=member|manager) in a team away (admin)")
            .Produces<TeamDetail>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        teams.MapGet("/{id:long}/matrix", MatrixAsync)
            .WithSummary("The team's matrix (`team matrix --format json`; ?role=, ?grade= with a role, ?track=): managers and admins see levels, strength and evidence places; members levels only; anyone else 404")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<IReadOnlyList<TeamSummary>> ListAsync(HttpContext context, StoreAccess store, TimeProvider time) =>
        Service(store, time).ListAsync(context.RequestAborted);

    private static async Task<Created<TeamDetail>> AddAsync(NewTeam body, HttpContext context, StoreAccess store, TimeProvider time)
    {
        var team = await Service(store, time).AddAsync(body?.Name ?? "", context.RequestAborted);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", team);
    }

    private static Task<TeamDetail> ShowAsync(long id, HttpContext context, StoreAccess store, TimeProvider time) =>
        Service(store, time).GetAsync(id, null, context.RequestAborted);

    private static async Task<TeamDetail> RemoveAsync(long id, HttpContext context, StoreAccess store, TimeProvider time)
    {
        var service = Service(store, time);
        return await service.RemoveAsync(await service.GetAsync(id, null, context.RequestAborted), context.RequestAborted);
    }

    private static async Task<TeamDetail> AddPersonAsync(long id, TeamPlace body, HttpContext context, StoreAccess store, TimeProvider time)
    {
        var service = Service(store, time);
        var team = await service.GetAsync(id, null, context.RequestAborted);
        return (await service.AddPersonAsync(team, body?.Email ?? "", body?.Role ?? TeamRole.Member, context.RequestAborted)).Team;
    }

    private static async Task<IResult> RemovePersonAsync(long id, string email, string role, HttpContext context, StoreAccess store, TimeProvider time)
    {
        if (!Enum.TryParse<TeamRole>(role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return DataEndpoints.BadRequest($"role: '{role}' is not member or manager");
        }

        var service = Service(store, time);
        var team = await service.GetAsync(id, null, context.RequestAborted);
        return TypedResults.Ok((await service.RemovePersonAsync(team, email, parsed, context.RequestAborted)).Team);
    }

    private static async Task<IResult> MatrixAsync(long id, HttpContext context, StoreAccess store, TimeProvider time, string? framework = null, string? role = null, string? track = null, string? grade = null)
    {
        if (DataEndpoints.Framework(framework) is not { } fw)
        {
            return DataEndpoints.UnknownFramework(framework);
        }

        var target = role is null ? null : fw.FindRole(role);
        if (role is not null && target is null)
        {
            return DataEndpoints.BadRequest($"role: the framework {fw.Id} has no role '{role}'");
        }

        try
        {
            TeamMatrix.TopicsOf(fw, target, track, grade);
        }
        catch (MatrixFilterException wrong)
        {
            return DataEndpoints.BadRequest(wrong.Message);
        }

        var caller = Caller.Of(context.User);
        var reader = new MatrixReader(caller.PersonId, caller.IsAdmin);
        var db = store.Store();
        await CheckMembersMayReadAsync(db, caller, id, context.RequestAborted);
        var matrix = await new TeamMatrixService(db, db, db, time, store.Standings).ComputeAsync(fw, id, reader, target, track, grade, context.RequestAborted);
        await Audit.AuditEndpoints.RecordMatrixReadAsync(db, store.Views, matrix, context.RequestAborted);
        return TypedResults.Ok(matrix);
    }

    /// <summary>
    /// When the organisation turned members' reading of their team's matrix off, a caller who is
    /// neither an admin nor a manager of the team finds it as absent as anyone else does (the API and
    /// the team page both ask this before computing the matrix).
    /// </summary>
    internal static async Task CheckMembersMayReadAsync(Skillprint.Store.SkillprintStore db, Caller caller, long id, CancellationToken cancel)
    {
        if (!caller.IsAdmin && !(await db.GetSettingsAsync(cancel)).MembersSeeTeamMatrix
            && (await db.GetTeamAsync(id, caller.PersonId, cancel))?.Managers.Any(m => m.Person == caller.PersonId) != true)
        {
            throw new TeamException(TeamProblem.NotFound, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"there is no team {id}"));
        }
    }

    private static TeamService Service(StoreAccess store, TimeProvider time) => new(store.Store(), store.Store(), time);
}
