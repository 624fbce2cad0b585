using Skillprint.Core.People;

namespace Skillprint.Core.Accounts;

/// <summary>Why an account operation was refused.</summary>
public enum AccountProblem
{
    /// <summary>A value is not acceptable (a short password, an empty token name, days out of range).</summary>
    Invalid,

    /// <summary>The person is a user already.</summary>
    Exists,

    /// <summary>No such user or token (or not the actor's).</summary>
    NotFound,
}

/// <summary>An account operation refused, with a one-line message for a person.</summary>
public sealed class AccountException(AccountProblem problem, string message) : Exception(message)
{
    public AccountProblem Problem { get; } = problem;
}

/// <summary>
/// Users and their personal access tokens: adding a user (with a one-time password when they gave
/// none), signing in (five failures in a row lock the account for 15 minutes), changing a password,
/// and creating, listing, using and revoking tokens. The caller (CLI or server) has decided who
/// acts; the store checks ownership in its queries.
/// </summary>
public sealed class AccountService(IAccountStore store, TimeProvider time, int passwordIterations = Secrets.DefaultIterations)
{
    public const int MaxFailedSignIns = 5;

    public const int MinPasswordLength = 12;

    public const int MaxTokenDays = 3650;

    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>A hash to check a password against when the email is unknown, so that an unknown
    /// email takes as long to refuse as a wrong password.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Decoys = new();

    public async Task<AddedUser> AddUserAsync(string email, AccountRole role, string? password, CancellationToken cancellation)
    {
        var made = password is null ? Secrets.NewPassword() : null;
        var chosen = password ?? made!;
        CheckPassword(chosen);
        var account = await store.AddUserAsync(email, role, Secrets.HashPassword(chosen, passwordIterations), mustChangePassword: made is not null, time.GetUtcNow(), cancellation)
            ?? throw new AccountException(AccountProblem.Exists, $"{email.Trim().ToLowerInvariant()} is a user already");
        return new AddedUser(account, made);
    }

    /// <summary>The user with this email (any of the person's emails), or null.</summary>
    public async Task<Account?> FindUserAsync(string email, CancellationToken cancellation = default) =>
        (await store.FindUserAsync(email, cancellation))?.Account;

    public Task<IReadOnlyList<Account>> ListUsersAsync(CancellationToken cancellation) => store.ListUsersAsync(cancellation);

    public Task<Account?> GetUserAsync(PersonId personId, CancellationToken cancellation) => store.GetUserAsync(personId, cancellation);

    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(password);
        var found = string.IsNullOrWhiteSpace(email) ? null : await store.FindUserAsync(email, cancellation);
        if (found is null)
        {
            Secrets.VerifyPassword(password, Decoys.GetOrAdd(passwordIterations, iterations => Secrets.HashPassword(Secrets.NewPassword(), iterations)));
            return new SignInResult(SignInOutcome.UnknownUser, null);
        }

        var now = time.GetUtcNow();
        if (found.Account.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, found.Account);
        }

        if (!Secrets.VerifyPassword(password, found.PasswordHash))
        {
            var account = await store.RecordFailedSignInAsync(found.Account.PersonId, MaxFailedSignIns, now + LockoutTime, cancellation);
            return new SignInResult(account.LockedUntil > now ? SignInOutcome.LockedOut : SignInOutcome.WrongPassword, account);
        }

        if (found.Account.FailedSignIns > 0 || found.Account.LockedUntil is not null)
        {
            await store.RecordSignInAsync(found.Account.PersonId, cancellation);
        }

        return new SignInResult(SignInOutcome.SignedIn, found.Account with { FailedSignIns = 0, LockedUntil = null });
    }

    /// <summary>Changes the password of a signed-in user, who proves it with the current one.</summary>
    public async Task<bool> ChangePasswordAsync(PersonId personId, string current, string replacement, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(replacement);
        var account = await store.GetUserAsync(personId, cancellation) ?? throw new AccountException(AccountProblem.NotFound, $"person {personId} is not a user");
        var credentials = await store.FindUserAsync(account.Email, cancellation);
        if (credentials is null || !Secrets.VerifyPassword(current, credentials.PasswordHash))
        {
            return false;
        }

        CheckPassword(replacement);
        await store.SetPasswordAsync(personId, Secrets.HashPassword(replacement, passwordIterations), mustChangePassword: false, cancellation);
        return true;
    }

    public async Task<CreatedToken> CreateTokenAsync(PersonId personId, string name, TokenScope scope, int? expiresInDays, CancellationToken cancellation)
    {
        if (!Enum.IsDefined(scope) || scope == TokenScope.Push)
        {
            throw new AccountException(AccountProblem.Invalid, scope == TokenScope.Push ? "only a team has a push token (token create --team TEAM)" : $"'{(int)scope}' is not a token scope");
        }

        var trimmed = CheckToken(name, expiresInDays);
        _ = await store.GetUserAsync(personId, cancellation) ?? throw new AccountException(AccountProblem.NotFound, $"person {personId} is not a user");
        return await NewTokenAsync((secret, now) => store.AddTokenAsync(personId, trimmed, scope, Secrets.HashToken(secret), Secrets.PrefixOf(secret), now, ExpiresAt(now, expiresInDays), cancellation));
    }

    /// <summary>Creates team <paramref name="teamId"/>'s push token: it pushes a repository's evidence
    /// for every author and does nothing else. Who may create one (an admin, the team's manager) is
    /// checked by the caller; <paramref name="createdBy"/> is recorded.</summary>
    public Task<CreatedToken> CreateTeamTokenAsync(long teamId, PersonId createdBy, string name, int? expiresInDays, CancellationToken cancellation)
    {
        var trimmed = CheckToken(name, expiresInDays);
        return NewTokenAsync((secret, now) => store.AddTeamTokenAsync(teamId, createdBy, trimmed, Secrets.HashToken(secret), Secrets.PrefixOf(secret), now, ExpiresAt(now, expiresInDays), cancellation));
    }

    private static DateTimeOffset? ExpiresAt(DateTimeOffset now, int? days) => days is { } d ? now.AddDays(d) : null;

    private static string CheckToken(string name, int? expiresInDays)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 100)
        {
            throw new AccountException(AccountProblem.Invalid, "a token needs a name of 1 to 100 characters");
        }

        if (expiresInDays is < 1 or > MaxTokenDays)
        {
            throw new AccountException(AccountProblem.Invalid, $"a token expires in 1 to {MaxTokenDays} days, not {expiresInDays}");
        }

        return trimmed;
    }

    private async Task<CreatedToken> NewTokenAsync(Func<string, DateTimeOffset, Task<AccessToken>> add)
    {
        var secret = Secrets.NewTokenSecret();
        return new CreatedToken(await add(secret, time.GetUtcNow()), secret);
    }

    public Task<IReadOnlyList<AccessToken>> ListTokensAsync(PersonId? personId, CancellationToken cancellation) =>
        store.ListTokensAsync(personId, cancellation);

    /// <summary>Who a bearer secret speaks for, or null when it is no active token.</summary>
    public async Task<TokenHolder?> AuthenticateAsync(string secret, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(Secrets.TokenPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        return await store.UseTokenAsync(Secrets.HashToken(secret), time.GetUtcNow(), cancellation);
    }

    /// <summary>Revokes a token of <paramref name="ownerId"/>'s (any token when null: an admin).</summary>
    public async Task<AccessToken> RevokeTokenAsync(long tokenId, PersonId? ownerId, CancellationToken cancellation) =>
        await store.RevokeTokenAsync(tokenId, ownerId, time.GetUtcNow(), cancellation)
            ?? throw new AccountException(AccountProblem.NotFound, $"there is no token {tokenId}" + (ownerId is null ? "" : " of yours"));

    private static void CheckPassword(string password)
    {
        if (password.Length < MinPasswordLength)
        {
            throw new AccountException(AccountProblem.Invalid, $"a password has at least {MinPasswordLength} characters");
        }
    }
}
