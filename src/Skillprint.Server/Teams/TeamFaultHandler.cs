using Microsoft.AspNetCore.Diagnostics;
using Skillprint.Core.Teams;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Teams;

/// <summary>A refused team operation as problem details: a bad name or an unknown email 400, a team
/// name taken 409, no such team (or none the caller may see) 404.</summary>
internal sealed class TeamFaultHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TeamException refused)
        {
            return ValueTask.FromResult(false);
        }

        var (status, title) = refused.Problem switch
        {
            TeamProblem.Exists => (StatusCodes.Status409Conflict, "Exists already"),
            TeamProblem.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            _ => (StatusCodes.Status400BadRequest, "Invalid value"),
        };
        return Refusals.WriteAsync(problems, httpContext, refused, status, title);
    }
}
