namespace Skillprint.Store;

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
