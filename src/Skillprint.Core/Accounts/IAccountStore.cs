using Skillprint.Core.People;

namespace Skillprint.Core.Accounts;

/// <summary>The store as the account service needs it (implemented by Skillprint.Store). Every
/// method is one short operation on a connection of its own.</summary>
public interface IAccountStore
{
    /// <summary>Makes the person with <paramref name="email"/> (created when unknown) a user. Null
    /// when they are a user already (nothing changes).</summary>
    Task<Account?> AddUserAsync(string email, AccountRole role, string passwordHash, bool mustChangePassword, DateTimeOffset at, CancellationToken cancellation);

    /// <summary>The user with this email (any of the person's emails), with their password hash.</summary>
    Task<AccountCredentials?> FindUserAsync(string email, CancellationToken cancellation);

    Task<Account?> GetUserAsync(PersonId personId, CancellationToken cancellation);

    Task<IReadOnlyList<Account>> ListUsersAsync(CancellationToken cancellation);

    /// <summary>Records a failed sign-in; when it is the <paramref name="maxFailures"/>th in a row,
    /// locks the account until <paramref name="lockUntil"/>. Returns the account as it is now.</summary>
    Task<Account> RecordFailedSignInAsync(PersonId personId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellation);

    /// <summary>Clears the failures of a successful sign-in.</summary>
    Task RecordSignInAsync(PersonId personId, CancellationToken cancellation);

    /// <summary>Sets a new password hash (and clears the one-time flag and the lock).</summary>
    Task SetPasswordAsync(PersonId personId, string passwordHash, bool mustChangePassword, CancellationToken cancellation);

    /// <summary>Stores a token by the SHA-256 hash of its secret; the secret itself is never stored.</summary>
    Task<AccessToken> AddTokenAsync(PersonId personId, string name, TokenScope scope, string secretHash, string prefix, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellation);

    /// <summary>Stores a push token of team <paramref name="teamId"/>, created by <paramref name="createdBy"/>.</summary>
    Task<AccessToken> AddTeamTokenAsync(long teamId, PersonId createdBy, string name, string secretHash, string prefix, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellation);

    /// <summary>The tokens of one person (newest first), or of everyone when <paramref name="personId"/> is null.</summary>
    Task<IReadOnlyList<AccessToken>> ListTokensAsync(PersonId? personId, CancellationToken cancellation);

    /// <summary>The holder of the active token with this hash at <paramref name="at"/>, recording
    /// it as the token's last use; null when no active token has it.</summary>
    Task<TokenHolder?> UseTokenAsync(string secretHash, DateTimeOffset at, CancellationToken cancellation);

    /// <summary>Revokes token <paramref name="tokenId"/> when it belongs to <paramref name="ownerId"/>
    /// (any token when null: an admin). Null when there is no such token of theirs; the token as it is
    /// now otherwise (revoked before: its first revocation time is kept).</summary>
    Task<AccessToken?> RevokeTokenAsync(long tokenId, PersonId? ownerId, DateTimeOffset at, CancellationToken cancellation);
}
