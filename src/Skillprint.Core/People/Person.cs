using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skillprint.Core.People;

/// <summary>A person's number in the store: its own type, so that it can never be taken for the
/// number of a hit, an evidence entry or a repository. In JSON it is the plain number.</summary>
[JsonConverter(typeof(PersonIdJsonConverter))]
public readonly record struct PersonId(long Value)
{
    /// <summary>The id of a person not stored yet (an email no one has): reads find nothing for it.</summary>
    public static PersonId None => default;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class PersonIdJsonConverter : JsonConverter<PersonId>
{
    public override PersonId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, PersonId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}

/// <summary>A person as the store knows them: one or more emails (git author identities joined
/// by <c>person alias</c>), the primary one first.</summary>
public sealed record Person(PersonId Id, string PrimaryEmail, IReadOnlyList<string> Emails)
{
    /// <summary>Someone known only by an email the store does not have yet: no data, no id.</summary>
    public static Person Unsaved(string email)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return new(PersonId.None, normalized, [normalized]);
    }

    /// <summary>False for <see cref="Unsaved"/>.</summary>
    public bool IsStored => Id != PersonId.None;

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

    /// <summary>The email's person and this person both have a server account: a person has one
    /// account, so they are not merged (with or without merge); nothing changed.</summary>
    BothHaveAccounts,

    /// <summary>The email is no longer the person's.</summary>
    Unclaimed,

    /// <summary>The email to give up is not the person's.</summary>
    NotYours,
}

/// <summary>The result of claiming or giving up an email: the person as they are now, the email's
/// other person (when it had one), and what that person held, by table (moved on a merge).</summary>
public sealed record EmailClaim(ClaimOutcome Outcome, Person Person, Person? Owner, IReadOnlyDictionary<string, int> Held);
