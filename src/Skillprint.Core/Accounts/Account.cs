using Skillprint.Core.People;

namespace Skillprint.Core.Accounts;

/// <summary>What a user may do on the server: a member reads and changes their own data; an admin
/// also manages people (accounts) and everyone's tokens.</summary>
public enum AccountRole
{
    Member,
    Admin,
}

/// <summary>What an access token allows: reading only, reading and changing, or (a team's token)
/// pushing evidence and nothing else.</summary>
public enum TokenScope
{
    Read,
    Write,
    Push,
}

/// <summary>A person who can sign in to the server: their id and primary email, role, and the
/// state of their sign-ins (failures in a row, locked until when). No secret is in it.</summary>
public sealed record Account(
    PersonId PersonId,
    string Email,
    AccountRole Role,
    bool MustChangePassword,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt);

/// <summary>An account with its stored password hash, for checking a sign-in.</summary>
public sealed record AccountCredentials(Account Account, string PasswordHash);

/// <summary>An access token as listed: never the secret, which is shown once when created.
/// <paramref name="Prefix"/> is the secret's first characters, to tell tokens apart. A team's push
/// token has <paramref name="TeamId"/>; its <paramref name="PersonId"/> is who created it.</summary>
public sealed record AccessToken(
    long Id,
    PersonId PersonId,
    string Email,
    string Name,
    TokenScope Scope,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    long? TeamId = null)
{
    /// <summary>Whether the token is usable at <paramref name="now"/>: not revoked, not expired.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>A token just created: the record and its secret, which is shown this once and never stored.</summary>
public sealed record CreatedToken(AccessToken Token, string Secret);

/// <summary>Who a valid token speaks for: the account and the token.</summary>
public sealed record TokenHolder(Account Account, AccessToken Token);

/// <summary>A user just added: the account, and the one-time password when one was made for them
/// (null when they gave their own).</summary>
public sealed record AddedUser(Account Account, string? OneTimePassword);

/// <summary>How a sign-in went. Wrong and unknown are told apart only in the log, never to the client.</summary>
public enum SignInOutcome
{
    SignedIn,
    WrongPassword,
    UnknownUser,
    LockedOut,
}

/// <summary>The result of a sign-in: the outcome, and the account when the email is known.</summary>
public sealed record SignInResult(SignInOutcome Outcome, Account? Account);
