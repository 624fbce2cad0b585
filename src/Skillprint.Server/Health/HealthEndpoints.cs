using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Skillprint.Server.Hosting;
using Skillprint.Store;

namespace Skillprint.Server.Health;

/// <summary>The answer of <c>GET /healthz</c> when the store answers at this server's schema.</summary>
public sealed record HealthReport(string Status, int SchemaVersion);

/// <summary><c>GET /healthz</c>: 200 when the store answers and is at this server's schema, else
/// 503 with problem details saying which.</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", CheckAsync)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Whether the server and its store answer")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> CheckAsync(StoreAccess store, HttpContext context, CancellationToken cancellation)
    {
        context.Response.Headers.CacheControl = "no-store";
        try
        {
            var version = await store.ReadSchemaVersionAsync(cancellation);
            if (version != SkillprintStore.LatestSchemaVersion)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The store is not at this server's schema",
                    detail: $"The database is at schema version {version} and this server needs {SkillprintStore.LatestSchemaVersion}; run 'skillprint db migrate'.");
            }

            return TypedResults.Ok(new HealthReport("ok", version));
        }
        catch (StoreException e)
        {
            var (_, title, detail) = StoreFaultHandler.Describe(e);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);
        }
    }
}
