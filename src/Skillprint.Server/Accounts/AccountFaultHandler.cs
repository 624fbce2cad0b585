using Microsoft.AspNetCore.Diagnostics;
using Skillprint.Core.Accounts;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Accounts;

/// <summary>A refused account operation as problem details: a wrong value 400, a user who exists
/// already 409, no such user or token (of the caller's) 404.</summary>
internal sealed class AccountFaultHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AccountException refused)
        {
            return ValueTask.FromResult(false);
        }

        var (status, title) = refused.Problem switch
        {
            AccountProblem.Exists => (StatusCodes.Status409Conflict, "Exists already"),
            AccountProblem.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            _ => (StatusCodes.Status400BadRequest, "Invalid value"),
        };
        return Refusals.WriteAsync(problems, httpContext, refused, status, title);
    }
}
