using Skillprint.Core.Teams;
using Skillprint.Server.Auth;
using Skillprint.Server.Data;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Teams;

/// <summary>The organisation as a whole under <c>/api/v1/org</c>: admins only.</summary>
internal static class OrgEndpoints
{
    public static void MapOrg(this IEndpointRouteBuilder api)
    {
        var org = api.MapGroup("/org").WithTags("Teams").RequireWriteChecks().RequireAuthorization(Caller.AdminPolicy);
        org.MapGet("/bus-factor", BusFactorAsync)
            .WithSummary("The organisation's bus factor per skill (`org bus-factor --format json`): how many people hold it, who when three or fewer, the teams where one member holds it (admin)")
            .Produces<OrgBusFactor>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> BusFactorAsync(HttpContext context, StoreAccess store, TimeProvider time, string? framework = null)
    {
        if (DataEndpoints.Framework(framework) is not { } fw)
        {
            return DataEndpoints.UnknownFramework(framework);
        }

        var db = store.Store();
        return TypedResults.Ok(await new OrgReportService(db, db, db, time, store.Standings).BusFactorAsync(fw, context.RequestAborted));
    }
}
