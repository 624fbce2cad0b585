using Skillprint.Core.Audit;
using Skillprint.Core.People;
using Skillprint.Core.Teams;
using Skillprint.Server.Auth;
using Skillprint.Server.Data;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Audit;

/// <summary>
/// The audit log (issue 14): <c>GET /api/v1/me/audit</c> gives the caller what was done to their
/// data and who read it; <c>GET /api/v1/audit</c> (admin) everyone's, or one person's with
/// <c>?person=EMAIL</c>. Both take <c>limit</c> (1 to 500, 50 by default) and <c>before</c> (an
/// event id: the page after the one whose <c>next</c> it was).
/// </summary>
internal static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/audit", async (HttpContext context, StoreAccess store, string? limit = null, long? before = null) =>
                Limit(limit) is { } n
                    ? Results.Ok(await new AuditService(store.Store()).ReadAsync(await DataEndpoints.MeAsync(context, store), n, before, context.RequestAborted))
                    : BadLimit())
            .WithTags("Audit").RequireWriteChecks().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Your audit log, newest first: what was done to your data, and who read it (`skillprint audit --format json`)");
        api.MapGet("/audit", AllAsync)
            .WithTags("Audit").RequireAuthorization(Caller.AdminPolicy).RequireWriteChecks().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The audit log, newest first (admin); ?person=EMAIL: one person's (`skillprint audit --person EMAIL --format json`)");
    }

    private static async Task<IResult> AllAsync(HttpContext context, StoreAccess store, string? person = null, string? limit = null, long? before = null)
    {
        if (Limit(limit) is not { } n)
        {
            return BadLimit();
        }

        Person? subject = null;
        if (person is not null && (subject = await store.Store().FindPersonAsync(person, context.RequestAborted)) is null)
        {
            return DataEndpoints.NotFound($"person: there is no person with the email {person}");
        }

        return Results.Ok(await new AuditService(store.Store()).ReadAsync(subject, n, before, context.RequestAborted));
    }

    private static int? Limit(string? text) => AuditService.Limit(text);

    private static IResult BadLimit() => DataEndpoints.BadRequest($"limit: give a whole number from 1 to {AuditPage.MaxLimit}");

    /// <summary>Records a read of a team's matrix with its members' evidence places (a manager's or
    /// an admin's): one event for the team, and one per member so each finds it in their own log;
    /// the same reader's reads within the hour after are not recorded again (<see cref="ViewThrottle"/>).
    /// A member's read of levels only is what every member of the team may do, and is not recorded.</summary>
    internal static Task RecordMatrixReadAsync(IAuditStore store, ViewThrottle views, TeamMatrix matrix, CancellationToken cancel)
    {
        if (matrix.View != MatrixView.Full)
        {
            return Task.CompletedTask;
        }

        var target = $"team {matrix.TeamId}";
        var fresh = views.Unrecorded(AuditActor.Current, AuditAction.ViewTeamMatrix, target, [PersonId.None, .. matrix.Members.Select(m => m.Person)]);
        return fresh.Count == 0
            ? Task.CompletedTask
            : store.RecordViewsAsync(
                AuditAction.ViewTeamMatrix,
                [.. fresh.Where(p => p != PersonId.None)],
                target,
                $"{matrix.Team}, {matrix.Framework}",
                alsoUnattributed: fresh.Contains(PersonId.None),
                cancel);
    }

    /// <summary>Records an admin's read of another person's status (their own is not recorded).</summary>
    internal static Task RecordPersonReadAsync(IAuditStore store, PersonId person, string framework, CancellationToken cancel) =>
        store.RecordViewsAsync(AuditAction.ViewPerson, [person], "status", framework, cancel: cancel);
}
