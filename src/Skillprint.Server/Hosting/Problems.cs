using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Skillprint.Store;

namespace Skillprint.Server.Hosting;

/// <summary>
/// Errors as RFC 9457 problem details. A store that cannot be reached, is locked or needs a
/// migration is 503 (the client may try again); a value the store refuses is 400; anything else
/// is 500 without internals. The store's own message (host, port, path) goes to the log only.
/// </summary>
internal sealed partial class StoreFaultHandler(IProblemDetailsService problems, ILogger<StoreFaultHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StoreException store)
        {
            return false;
        }

        var (status, title, detail) = Describe(store);
        LogFault(log, store.Fault, store.Message);
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>The status, title and client-facing detail of a store failure.</summary>
    public static (int Status, string Title, string Detail) Describe(StoreException store) => store.Fault switch
    {
        StoreFault.Unreachable or StoreFault.Locked or StoreFault.LoginRefused =>
            (StatusCodes.Status503ServiceUnavailable, "The store is not available", "The database does not answer at the moment; try again shortly."),
        StoreFault.NeedsMigration or StoreFault.TooNew =>
            (StatusCodes.Status503ServiceUnavailable, "The store is not at this server's schema", "The database's schema does not match this server; run 'skillprint db migrate' with this version."),
        StoreFault.InvalidInput =>
            (StatusCodes.Status400BadRequest, "Invalid value", store.Message),
        _ => (StatusCodes.Status500InternalServerError, "The store failed", "The database reported an error; the server log has the details."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "store fault {Fault}: {Message}")]
    private static partial void LogFault(ILogger logger, StoreFault fault, string message);
}
