namespace Skillprint.Core.People;

/// <summary>A person as the store knows them: one or more emails (git author identities joined
/// by <c>person alias</c>), the primary one first.</summary>
public sealed record Person(long Id, string PrimaryEmail, IReadOnlyList<string> Emails)
{
    public bool Equals(Person? other) =>
        other is not null
        && Id == other.Id
        && string.Equals(PrimaryEmail, other.PrimaryEmail, StringComparison.Ordinal)
        && Emails.SequenceEqual(other.Emails, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Id, PrimaryEmail, Emails.Count);

    public override string ToString() => $"person {Id} ({string.Join(", ", Emails)})";
}

/// <summary>What claiming (or giving up) an email did.</summary>
public enum ClaimOutcome
{
    /// <summary>The email is now the person's (no one had it, or its person held nothing).</summary>
    Claimed,

    /// <summary>The email was the person's already.</summary>
    AlreadyYours,

    /// <summary>The email's person held data: nothing changed (claim with merge to move it), or the
    /// email is the person's only one and cannot be given up.</summary>
    Refused,

    /// <summary>The email's person and all their data became this person's.</summary>
    Merged,

    /// <summary>The email is no longer the person's.</summary>
    Unclaimed,

    /// <summary>The email to give up is not the person's.</summary>
    NotYours,
}

/// <summary>The result of claiming or giving up an email: the person as they are now, the email's
/// other person (when it had one), and what that person held, by table (moved on a merge).</summary>
public sealed record EmailClaim(ClaimOutcome Outcome, Person Person, Person? Owner, IReadOnlyDictionary<string, int> Held);
