using Microsoft.AspNetCore.Diagnostics;
using Skillprint.Core.Identities;
using Skillprint.Server.Auth;
using Skillprint.Server.Data;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Identities;

/// <summary>The body of a link: the unclaimed author email, and one email of the person it becomes.</summary>
public sealed record IdentityLink(string? Email, string? Person);

/// <summary>
/// Unclaimed identities under <c>/api/v1/identities</c> (admin): the author emails of pushed code
/// that are no one's, kept with their evidence; linking one to a person makes that evidence theirs,
/// unlinking undoes it.
/// </summary>
internal static class IdentityEndpoints
{
    public static void MapIdentities(this IEndpointRouteBuilder api)
    {
        var identities = api.MapGroup("/identities").WithTags("Identities").RequireAuthorization(Caller.AdminPolicy).RequireWriteChecks();
        identities.MapGet("/", (HttpContext context, StoreAccess store, bool linked = false) => store.Store().ListIdentitiesAsync(linked, context.RequestAborted))
            .WithSummary("The unclaimed identities: author emails of stored code that are no one's, with hits, first and last seen and repositories (?linked=true: also those linked) (admin)");
        identities.MapPost("/link", LinkAsync).WithSummary("Make an unclaimed identity's evidence a person's: the email becomes one of theirs (admin)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        identities.MapDelete("/link", (string email, HttpContext context, StoreAccess store) => store.Store().UnlinkIdentityAsync(email, context.RequestAborted))
            .WithSummary("Undo a link (?email=): the email is no one's again, its evidence unclaimed (admin)").ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> LinkAsync(IdentityLink body, HttpContext context, StoreAccess store, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body?.Email) || string.IsNullOrWhiteSpace(body.Person))
        {
            return DataEndpoints.BadRequest("email and person are both needed");
        }

        var db = store.Store();
        if (await db.FindPersonAsync(body.Person, context.RequestAborted) is not { } person)
        {
            return DataEndpoints.BadRequest($"person: no one has the email {body.Person}");
        }

        return TypedResults.Ok(await db.LinkIdentityAsync(body.Email, person.Id, time.GetUtcNow(), context.RequestAborted));
    }
}

/// <summary>A refused link or unlink as problem details (409, with the reason).</summary>
internal sealed class IdentityFaultHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
        exception is IdentityException refused
            ? Refusals.WriteAsync(problems, httpContext, refused, StatusCodes.Status409Conflict, "Refused")
            : ValueTask.FromResult(false);
}
