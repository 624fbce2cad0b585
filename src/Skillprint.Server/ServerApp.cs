using Microsoft.AspNetCore.HttpOverrides;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;
using Skillprint.Server.Accounts;
using Skillprint.Server.Audit;
using Skillprint.Server.Auth;
using Skillprint.Server.Data;
using Skillprint.Server.Health;
using Skillprint.Server.Hosting;
using Skillprint.Server.Identities;
using Skillprint.Server.Privacy;
using Skillprint.Server.Web;
using Skillprint.Server.Teams;

namespace Skillprint.Server;

/// <summary>The Skillprint server, as a table of contents: the services, then one Map per feature.</summary>
public static class ServerApp
{
    /// <summary>Builds the application; <paramref name="configure"/> may change the builder first
    /// (`skillprint serve` sets the URLs and the store there).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var settings = ServerSettings.From(builder.Configuration);
        // One line per start and stop; requests are not logged (nor their headers and bodies).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<StoreAccess>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StoreFaultHandler>();
        builder.Services.AddExceptionHandler<AccountFaultHandler>();
        builder.Services.AddExceptionHandler<TeamFaultHandler>();
        builder.Services.AddExceptionHandler<IdentityFaultHandler>();
        // The same JSON as the CLI's --format json: camelCase names, enums by name.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSkillprintAuth(settings);
        // `scan --push` gzips its body; the push endpoint's own limit holds for what it decompresses to.
        builder.Services.AddRequestDecompression();
        builder.Services.AddSkillprintPages();
        builder.Services.AddOpenApi(options => options.AddSkillprintSecurity());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes;
        });
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Trusted only from the proxies the configuration names; none by default.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });

        var app = builder.Build();
        if (settings.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimit(settings.MaxRequestBodyBytes);
        app.UseRequestDecompression();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePushTokenGate();
        app.UseAuditActor();
        app.UseRateLimiter();

        app.MapHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api", options => options.WithTitle("Skillprint API").DisableDefaultFonts()).AllowAnonymous();
        var api = app.MapGroup("/api/v1");
        api.MapSession();
        api.MapAccounts();
        api.MapData();
        app.MapSkillprintPages();
        api.MapTeams();
        api.MapOrg();
        api.MapTeamTokens();
        api.MapIdentities();
        api.MapPrivacy();
        api.MapAudit();
        return app;
    }
}
