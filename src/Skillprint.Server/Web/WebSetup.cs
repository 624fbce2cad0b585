using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;

namespace Skillprint.Server.Web;

/// <summary>
/// The web pages: Razor Pages rendered on the server (Web/Pages), one layout, and the two files the
/// pages load (Web/Assets: the stylesheet and the practice page's key script), embedded in this
/// assembly and served under <c>/assets/</c>. Every page but sign-in needs a signed-in user; a
/// browser without a session is sent to <c>/signin</c>. Forms carry the antiforgery token, which
/// Razor Pages checks on every POST.
/// </summary>
internal static class WebSetup
{
    public const string SignInPath = "/signin";

    private static readonly Assembly Here = typeof(WebSetup).Assembly;

    public static IServiceCollection AddSkillprintPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            options.Conventions.AllowAnonymousToPage("/SignIn");
            options.Conventions.AddPageApplicationModelConvention("/SignIn", page =>
                page.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(Auth.AuthSetup.SignInLimit)));
        }).ConfigureApplicationPartManager(parts =>
        {
            // `skillprint serve` runs from the CLI's assembly, which MVC does not search for pages.
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(part => part.Assembly == Here))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(Here).GetApplicationParts(Here))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });
        return services;
    }

    public static void MapSkillprintPages(this WebApplication app)
    {
        app.MapGet("/assets/{name}", Asset).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
    }

    private static IResult Asset(string name, HttpContext context)
    {
        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => null,
        };
        var stream = type is null ? null : Here.GetManifestResourceStream("assets/" + name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Stream(stream, type);
    }
}
