using Microsoft.AspNetCore.Http.Features;

namespace Skillprint.Server.Hosting;

/// <summary>
/// Requests larger than the limit get 413 problem details before anything reads them: a declared
/// Content-Length over the limit is refused at once, and the server's own limit (Kestrel's
/// MaxRequestBodySize, set to the same number) stops a chunked body that grows past it.
/// </summary>
internal static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
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
}
