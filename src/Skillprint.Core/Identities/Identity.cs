using Skillprint.Core.People;

namespace Skillprint.Core.Identities;

/// <summary>
/// A git author email that code evidence is written under: how many hits, the first and last
/// commit dates, and the repositories. Unclaimed when the email is no one's; linked when an admin
/// made it a person's (<paramref name="LinkedTo"/>, that person's primary email), after which the
/// evidence counts for that person.
/// </summary>
public sealed record Identity(
    string Email,
    int Hits,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> Repositories,
    string? LinkedTo,
    DateTimeOffset? LinkedAt);

/// <summary>The store as identities need it (implemented by Skillprint.Store).</summary>
public interface IIdentityStore
{
    /// <summary>The author emails of stored code hits that are no one's (unclaimed), and, with
    /// <paramref name="withLinked"/>, those an admin linked; by email.</summary>
    Task<IReadOnlyList<Identity>> ListIdentitiesAsync(bool withLinked, CancellationToken cancel = default);

    /// <summary>Makes the unclaimed <paramref name="email"/> one of <paramref name="person"/>'s, in
    /// one transaction with the record of the link. Refused (<see cref="IdentityException"/>) when no
    /// hit is written under the email, or when it is someone's already.</summary>
    Task<Identity> LinkIdentityAsync(string email, PersonId person, DateTimeOffset at, CancellationToken cancel = default);

    /// <summary>Undoes a link: the email is no one's again and its evidence is unclaimed; the hits
    /// stay. Refused when the email was not linked (an email a person added themselves stays).</summary>
    Task<Identity> UnlinkIdentityAsync(string email, CancellationToken cancel = default);
}

/// <summary>A link or unlink that cannot be made, with the reason in words.</summary>
public sealed class IdentityException(string message) : Exception(message);
