namespace Skillprint.Server.Hosting;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows only this origin's own scripts
/// and styles and no framing (<c>frame-ancestors 'none'</c>), <c>X-Content-Type-Options: nosniff</c>,
/// no referrer sent off the site. The API reference page at /api runs Scalar's script, which sets
/// its configuration inline and styles itself inline: that page alone allows inline script and style.
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var onReferencePage = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    && !context.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase);
                headers.ContentSecurityPolicy = onReferencePage ? ReferencePagePolicy : Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
