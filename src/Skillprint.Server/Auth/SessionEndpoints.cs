using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Skillprint.Core.Accounts;
using Skillprint.Core.People;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Auth;

/// <summary>The body of a sign-in.</summary>
public sealed record SignInRequest(string? Email, string? Password);

/// <summary>The signed-in session: who, and the antiforgery token for writes made with the cookie.</summary>
public sealed record SessionInfo(PersonId PersonId, string Email, AccountRole Role, bool MustChangePassword, string? CsrfToken);

/// <summary>The body of a password change.</summary>
public sealed record PasswordChange(string? Current, string? Replacement);

/// <summary>
/// <c>POST /api/v1/session</c> signs in with email and password (a session cookie, rate limited per
/// address, lockout after repeated failures); <c>GET</c> says who is signed in and hands out the
/// antiforgery token; <c>DELETE</c> signs out. <c>PUT /api/v1/me/password</c> changes the password.
/// </summary>
internal static class SessionEndpoints
{
    private const string WrongCredentials = "Wrong email or password, or the account is locked after repeated failures (it opens again after 15 minutes).";

    public static void MapSession(this IEndpointRouteBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("Session").RequireWriteChecks();
        session.MapPost("/", SignInAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AuthSetup.SignInLimit)
            .WithSummary("Sign in with email and password: sets the session cookie")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        session.MapGet("/", Current)
            .WithMetadata(new AllowedBeforePasswordChange(), new PushTokenAllowed())
            .WithSummary("Who is signed in, and the antiforgery token for writes with the cookie (a team's push token: who created it)");
        session.MapDelete("/", (Func<HttpContext, Task<NoContent>>)SignOutAsync)
            .WithMetadata(new AllowedBeforePasswordChange())
            .WithSummary("Sign out");
        api.MapPut("/me/password", ChangePasswordAsync)
            .WithTags("Session")
            .RequireWriteChecks()
            .WithMetadata(new AllowedBeforePasswordChange())
            .WithSummary("Change your password (the current one proves it is you)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<Ok<SessionInfo>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext context, StoreAccess store, TimeProvider time, IAntiforgery antiforgery, ILoggerFactory logs)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid value", detail: "email and password are both needed");
        }

        var result = await new AccountService(store.Accounts(), time).SignInAsync(request.Email, request.Password, context.RequestAborted);
        // The outcome is logged, never the password.
        logs.CreateLogger("Skillprint.Server.SignIn").LogInformation("sign-in of person {Person}: {Outcome}", result.Account?.PersonId, result.Outcome);
        if (result is not { Outcome: SignInOutcome.SignedIn, Account: { } account })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", detail: WrongCredentials);
        }

        var principal = Caller.Principal(account, CallerVia.Cookie, TokenScope.Write);
        await context.SignInAsync(Caller.CookieScheme, principal);
        context.User = principal; // the antiforgery token is bound to the signed-in user
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new SessionInfo(account.PersonId, account.Email, account.Role, account.MustChangePassword, tokens.RequestToken));
    }

    private static SessionInfo Current(HttpContext context, IAntiforgery antiforgery)
    {
        var caller = Caller.Of(context.User);
        var csrf = caller.Via == CallerVia.Cookie ? antiforgery.GetAndStoreTokens(context).RequestToken : null;
        return new SessionInfo(caller.PersonId, caller.Email, caller.Role, Caller.MustChangePassword(context.User), csrf);
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(Caller.CookieScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChange change, HttpContext context, StoreAccess store, TimeProvider time)
    {
        if (string.IsNullOrEmpty(change?.Current) || string.IsNullOrEmpty(change.Replacement))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid value", detail: "current and replacement are both needed");
        }

        var caller = Caller.Of(context.User);
        var service = new AccountService(store.Accounts(), time);
        if (!await service.ChangePasswordAsync(caller.PersonId, change.Current, change.Replacement, context.RequestAborted))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid value", detail: "the current password is wrong");
        }

        if (caller.Via == CallerVia.Cookie)
        {
            // A new cookie without the one-time mark.
            var account = await service.GetUserAsync(caller.PersonId, context.RequestAborted);
            await context.SignInAsync(Caller.CookieScheme, Caller.Principal(account!, CallerVia.Cookie, TokenScope.Write));
        }

        return TypedResults.NoContent();
    }
}
