using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Skillprint.Server.Hosting;

/// <summary>
/// Requests larger than the limit get 413 problem details before anything reads them: a declared
/// Content-Length over the limit is refused at once, and the server's own limit (Kestrel's
/// MaxRequestBodySize, set to the same number) stops a chunked body that grows past it. An endpoint
/// with its own limit (<see cref="WithBodyLimit"/>) has that one instead; a gzipped body is held to it
/// once decompressed (the request decompression middleware reads the same metadata).
/// </summary>
internal static class RequestBodyLimit
{
    /// <summary>Gives an endpoint its own body limit, in place of the server's.</summary>
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder endpoint, long maxBytes) =>
        endpoint.WithMetadata(new BodyLimit(maxBytes));

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long serverMaxBytes) =>
        app.Use(async (context, next) =>
        {
            var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? serverMaxBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = maxBytes;
            }

            if (context.Request.ContentLength > maxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await Results.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Request body too large",
                    detail: $"The body has {context.Request.ContentLength} bytes; this server accepts at most {maxBytes}.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
