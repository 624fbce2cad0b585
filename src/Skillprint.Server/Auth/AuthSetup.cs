using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Skillprint.Core.Accounts;
using Skillprint.Core.Audit;

namespace Skillprint.Server.Auth;

/// <summary>
/// Authentication and authorization: a bearer token when the request has an Authorization header,
/// else the session cookie of a sign-in. Every endpoint needs an authenticated caller unless it says
/// otherwise; admin endpoints need the admin role. A write (POST, PUT, PATCH, DELETE) by cookie needs
/// the antiforgery token in <c>X-CSRF-TOKEN</c>; a write by token needs a write token. Sign-in
/// attempts are limited per client address.
/// </summary>
internal static class AuthSetup
{
    public const string SignInLimit = "sign-in";
    public const string CsrfHeader = "X-CSRF-TOKEN";
    private const string Selector = "Cookie or bearer";

    public static IServiceCollection AddSkillprintAuth(this IServiceCollection services, ServerSettings settings)
    {
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? Caller.BearerScheme : Caller.CookieScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerHandler>(Caller.BearerScheme, null)
            .AddCookie(Caller.CookieScheme, options =>
            {
                options.Cookie.Name = "skillprint.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = Web.WebSetup.SignInPath;
                // An API answers 401 and 403; a page sends the browser to the sign-in page.
                options.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => IsApi(context.Request)
                        ? Status(context.Response, StatusCodes.Status401Unauthorized)
                        : Redirect(context.Response, context.RedirectUri),
                    OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden),
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Caller.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole("admin"));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = CsrfHeader;
            options.Cookie.Name = "skillprint.csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(options =>
        {
            // Attempts are posts; showing the sign-in page is not one.
            options.AddPolicy(SignInLimit, context => HttpMethods.IsGet(context.Request.Method) ? RateLimitPartition.GetNoLimiter("show") : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellation) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many sign-in attempts",
                    detail: $"At most {settings.SignInPermitsPerMinute} sign-in attempts a minute from one address; try again in a minute.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>Whether a request is for the API (answered with statuses) rather than a page.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(HttpResponse response, string location)
    {
        response.Redirect(location);
        return Task.CompletedTask;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Makes the signed-in caller the actor of every audit event the request's changes and
    /// reads record (<see cref="AuditActor.Current"/>); an anonymous request changes nothing of anyone's.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await next(context);
                return;
            }

            using (AuditActor.Use(Caller.AuditActorOf(context.User)))
            {
                await next(context);
            }
        });

    /// <summary>A team's push token may push and say who it is, and nothing else: every other
    /// endpoint and page answers it 403, but for those open to anyone (health, sign-in).</summary>
    public static IApplicationBuilder UsePushTokenGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var open = context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (!open && context.User.Identity?.IsAuthenticated == true && Caller.Of(context.User).Scope == TokenScope.Push && !PushAllowed(context))
            {
                await PushTokenRefused().ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    private static IResult PushTokenRefused() => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Push token",
        detail: "A team's push token may only push evidence (scan --push); use a personal token for anything else.");

    private static bool PushAllowed(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<PushTokenAllowed>() is not null;

    /// <summary>The checks on writes: the antiforgery token for a cookie session, a write scope
    /// for a token, a changed password for a session started with a one-time password.</summary>
    public static TBuilder RequireWriteChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return await next(context);
            }

            var caller = Caller.Of(http.User);
            var isWrite = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
            if (isWrite && caller.Via == CallerVia.Cookie)
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return Results.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Missing or invalid CSRF token",
                        detail: $"A change made with a session cookie needs the {CsrfHeader} header with the token from GET /api/v1/session.");
                }
            }

            if (isWrite && caller.Scope == TokenScope.Push && !PushAllowed(http))
            {
                return PushTokenRefused();
            }

            if (isWrite && caller.Scope == TokenScope.Read)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Read-only token",
                    detail: "This token may only read; create a token with scope write to make changes.");
            }

            if (Caller.MustChangePassword(http.User) && !http.GetEndpoint()!.Metadata.OfType<AllowedBeforePasswordChange>().Any())
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Password change needed",
                    detail: "You signed in with a one-time password: set your own with PUT /api/v1/me/password first.");
            }

            return await next(context);
        });
}

/// <summary>Marks the endpoints a session with a one-time password may use (session and password change).</summary>
internal sealed class AllowedBeforePasswordChange;
