using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Accounts;

namespace Skillprint.Server.Accounts;

/// <summary>A refused account operation as problem details: a wrong value 400, a user who exists
/// already 409, no such user or token (of the caller's) 404.</summary>
internal sealed class AccountFaultHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AccountException refused)
        {
            return false;
        }

        var (status, title) = refused.Problem switch
        {
            AccountProblem.Exists => (StatusCodes.Status409Conflict, "Exists already"),
            AccountProblem.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            _ => (StatusCodes.Status400BadRequest, "Invalid value"),
        };
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = refused.Message },
        });
    }
}
