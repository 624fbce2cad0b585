using Microsoft.AspNetCore.Mvc;

namespace Skillprint.Server.Hosting;

/// <summary>Writes a refused operation (an account or a team exception) as problem details.</summary>
internal static class Refusals
{
    public static ValueTask<bool> WriteAsync(IProblemDetailsService problems, HttpContext httpContext, Exception exception, int status, string title)
    {
        httpContext.Response.StatusCode = status;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
