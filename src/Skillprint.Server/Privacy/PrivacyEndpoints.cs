using Skillprint.Core.Privacy;
using Skillprint.Server.Auth;
using Skillprint.Server.Data;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Privacy;

/// <summary>The body of a settings change: the settings to change (an absent one stays).</summary>
public sealed record SettingsChange(bool? MembersSeeTeamMatrix);

/// <summary>
/// Privacy: <c>GET /api/v1/me/visibility</c> tells the caller who can see their page;
/// <c>/api/v1/settings</c> (admin) holds the organisation's settings, such as whether a team's
/// members read its matrix of levels.
/// </summary>
internal static class PrivacyEndpoints
{
    public static void MapPrivacy(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/visibility", async (HttpContext context, StoreAccess store) =>
                await store.Store().VisibilityAsync(Caller.Of(context.User).PersonId, context.RequestAborted) is { } seen ? Results.Ok(seen) : DataEndpoints.BadRequest("you are no person of this store"))
            .WithTags("Privacy").RequireWriteChecks()
            .WithSummary("Who can see your page: the admins, and in each team of yours its managers (levels and evidence places) and members (levels, unless the organisation turned that off) (`skillprint privacy`)");
        var settings = api.MapGroup("/settings").WithTags("Privacy").RequireAuthorization(Caller.AdminPolicy).RequireWriteChecks();
        settings.MapGet("/", (HttpContext context, StoreAccess store) => store.Store().GetSettingsAsync(context.RequestAborted))
            .WithSummary("The organisation's settings (admin)");
        settings.MapPut("/", async (SettingsChange body, HttpContext context, StoreAccess store) =>
            {
                var db = store.Store();
                var now = await db.GetSettingsAsync(context.RequestAborted);
                return await db.SetSettingsAsync(now with { MembersSeeTeamMatrix = body?.MembersSeeTeamMatrix ?? now.MembersSeeTeamMatrix }, context.RequestAborted);
            })
            .WithSummary("Change the organisation's settings: {\"membersSeeTeamMatrix\": false} stops members reading their team's matrix (admin)");
    }
}
