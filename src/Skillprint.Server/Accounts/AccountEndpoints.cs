using Microsoft.AspNetCore.Http.HttpResults;
using Skillprint.Core.Accounts;
using Skillprint.Server.Auth;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Accounts;

/// <summary>The body of a token request: a name, a scope (read by default) and days until it expires (none: never).</summary>
public sealed record TokenRequest(string? Name, TokenScope Scope = TokenScope.Read, int? ExpiresInDays = null);

/// <summary>The body of a new user (admin): email, role, and a password (none: a one-time password is made and returned).</summary>
public sealed record NewUserRequest(string? Email, AccountRole Role = AccountRole.Member, string? Password = null);

/// <summary>
/// Tokens and people. <c>/api/v1/me/tokens</c>: the caller's own tokens (list, create, revoke).
/// <c>/api/v1/tokens</c> and <c>/api/v1/people</c>: every user's tokens and the users, for admins.
/// </summary>
internal static class AccountEndpoints
{
    public static void MapAccounts(this IEndpointRouteBuilder api)
    {
        var mine = api.MapGroup("/me/tokens").WithTags("Tokens").RequireWriteChecks();
        mine.MapGet("/", ListMineAsync).WithSummary("Your tokens (never their secrets)");
        mine.MapPost("/", CreateAsync).WithSummary("Create a token: the secret is in this answer only").ProducesProblem(StatusCodes.Status400BadRequest);
        mine.MapDelete("/{id:long}", RevokeMineAsync).WithSummary("Revoke one of your tokens").ProducesProblem(StatusCodes.Status404NotFound);

        var tokens = api.MapGroup("/tokens").WithTags("Tokens").RequireAuthorization(Caller.AdminPolicy).RequireWriteChecks();
        tokens.MapGet("/", ListAllAsync).WithSummary("Every user's tokens (admin)");
        tokens.MapDelete("/{id:long}", RevokeAnyAsync).WithSummary("Revoke any token (admin)").ProducesProblem(StatusCodes.Status404NotFound);

        var people = api.MapGroup("/people").WithTags("People").RequireAuthorization(Caller.AdminPolicy).RequireWriteChecks();
        people.MapGet("/", ListPeopleAsync).WithSummary("The users (admin)");
        people.MapPost("/", AddPersonAsync).WithSummary("Add a user (admin); without a password a one-time password is returned once")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Task<IReadOnlyList<AccessToken>> ListMineAsync(HttpContext context, StoreAccess store, TimeProvider time) =>
        new AccountService(store.Accounts(), time).ListTokensAsync(Caller.Of(context.User).PersonId, context.RequestAborted);

    private static async Task<Created<CreatedToken>> CreateAsync(TokenRequest request, HttpContext context, StoreAccess store, TimeProvider time)
    {
        var created = await new AccountService(store.Accounts(), time).CreateTokenAsync(
            Caller.Of(context.User).PersonId, request?.Name ?? "", request?.Scope ?? TokenScope.Read, request?.ExpiresInDays, context.RequestAborted);
        return TypedResults.Created($"/api/v1/me/tokens/{created.Token.Id}", created);
    }

    private static Task<AccessToken> RevokeMineAsync(long id, HttpContext context, StoreAccess store, TimeProvider time) =>
        new AccountService(store.Accounts(), time).RevokeTokenAsync(id, Caller.Of(context.User).PersonId, context.RequestAborted);

    private static Task<IReadOnlyList<AccessToken>> ListAllAsync(HttpContext context, StoreAccess store, TimeProvider time) =>
        new AccountService(store.Accounts(), time).ListTokensAsync(null, context.RequestAborted);

    private static Task<AccessToken> RevokeAnyAsync(long id, HttpContext context, StoreAccess store, TimeProvider time) =>
        new AccountService(store.Accounts(), time).RevokeTokenAsync(id, null, context.RequestAborted);

    private static Task<IReadOnlyList<Account>> ListPeopleAsync(HttpContext context, StoreAccess store, TimeProvider time) =>
        new AccountService(store.Accounts(), time).ListUsersAsync(context.RequestAborted);

    private static async Task<Created<AddedUser>> AddPersonAsync(NewUserRequest request, HttpContext context, StoreAccess store, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request?.Email))
        {
            throw new AccountException(AccountProblem.Invalid, "email is needed");
        }

        var added = await new AccountService(store.Accounts(), time).AddUserAsync(request.Email, request.Role, request.Password, context.RequestAborted);
        return TypedResults.Created($"/api/v1/people/{added.Account.PersonId}", added);
    }
}
