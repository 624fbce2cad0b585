using Microsoft.AspNetCore.Http.HttpResults;
using Skillprint.Core.Accounts;
using Skillprint.Core.Teams;
using Skillprint.Server.Auth;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Teams;

/// <summary>The body of a new team push token.</summary>
public sealed record TeamTokenRequest(string? Name, int? ExpiresInDays = null);

/// <summary>
/// A team's push tokens under <c>/api/v1/teams/{id}/tokens</c>, for a repository's CI to push every
/// author's evidence (`scan --push`) without a personal account: an admin or the team's manager
/// creates, lists and revokes them; a member is refused (403), anyone else gets 404 as for a team
/// that does not exist.
/// </summary>
internal static class TeamTokenEndpoints
{
    public static void MapTeamTokens(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/teams/{id:long}/tokens").WithTags("Teams").RequireWriteChecks();
        tokens.MapGet("/", ListAsync).WithSummary("The team's push tokens (admin, the team's managers)").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        tokens.MapPost("/", CreateAsync).WithSummary("Create a push token for the team's CI; the secret is in the answer this once (admin, the team's managers)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        tokens.MapDelete("/{tokenId:long}", RevokeAsync).WithSummary("Revoke a push token of the team (admin, the team's managers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(long id, HttpContext context, StoreAccess store, TimeProvider time)
    {
        if (await RefusalAsync(id, context, store, time) is { } refused)
        {
            return refused;
        }

        var all = await new AccountService(store.Accounts(), time).ListTokensAsync(null, context.RequestAborted);
        return TypedResults.Ok(all.Where(t => t.TeamId == id).ToList());
    }

    private static async Task<IResult> CreateAsync(long id, TeamTokenRequest body, HttpContext context, StoreAccess store, TimeProvider time)
    {
        if (await RefusalAsync(id, context, store, time) is { } refused)
        {
            return refused;
        }

        var created = await new AccountService(store.Accounts(), time).CreateTeamTokenAsync(
            id, Caller.Of(context.User).PersonId, body?.Name ?? "", body?.ExpiresInDays, context.RequestAborted);
        return TypedResults.Created($"/api/v1/teams/{id}/tokens/{created.Token.Id}", created);
    }

    private static async Task<IResult> RevokeAsync(long id, long tokenId, HttpContext context, StoreAccess store, TimeProvider time)
    {
        if (await RefusalAsync(id, context, store, time) is { } refused)
        {
            return refused;
        }

        var service = new AccountService(store.Accounts(), time);
        if ((await service.ListTokensAsync(null, context.RequestAborted)).All(t => t.Id != tokenId || t.TeamId != id))
        {
            throw new AccountException(AccountProblem.NotFound, $"team {id} has no token {tokenId}");
        }

        return TypedResults.Ok(await service.RevokeTokenAsync(tokenId, null, context.RequestAborted));
    }

    /// <summary>Null when the caller may manage the team's tokens; else 404 (not in the team, or no
    /// such team) or 403 (a member who is not a manager).</summary>
    private static async Task<IResult?> RefusalAsync(long id, HttpContext context, StoreAccess store, TimeProvider time)
    {
        var caller = Caller.Of(context.User);
        var team = await new TeamService(store.Store(), store.Store(), time).GetAsync(id, caller.IsAdmin ? null : caller.PersonId, context.RequestAborted);
        return caller.IsAdmin || team.Managers.Any(m => m.Person == caller.PersonId)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a manager", detail: $"Only an admin or a manager of team '{team.Name}' manages its push tokens.");
    }
}
