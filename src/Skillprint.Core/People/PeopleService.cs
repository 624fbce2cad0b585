namespace Skillprint.Core.People;

/// <summary>The store as the people service needs it (implemented by Skillprint.Store).</summary>
public interface IPeopleStore
{
    Task<IReadOnlyList<Person>> ListPersonsAsync(CancellationToken cancel = default);

    Task<Person?> FindPersonAsync(string email, CancellationToken cancel = default);

    Task<Person?> GetPersonAsync(PersonId person, CancellationToken cancel = default);

    /// <summary>The persons of these ids that the store has (one query).</summary>
    Task<IReadOnlyList<Person>> GetPersonsAsync(IReadOnlyCollection<PersonId> persons, CancellationToken cancel = default);

    Task<Person> EnsurePersonAsync(string email, CancellationToken cancel = default);

    Task<EmailClaim> ClaimEmailAsync(PersonId person, string email, bool merge, CancellationToken cancel = default);

    Task<EmailClaim> UnclaimEmailAsync(PersonId person, string email, CancellationToken cancel = default);
}

/// <summary>
/// People and the emails they write code under. A person claims an email (`person alias`) only when
/// no other person holds data under it; joining two people with data is a separate, explicit step
/// (<c>merge</c>) that says what moves. Giving an email up (`person unalias`) undoes a claim.
/// </summary>
public sealed class PeopleService(IPeopleStore store)
{
    public Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancel = default) => store.ListPersonsAsync(cancel);

    /// <summary>The person with this email, created when unknown: for a write by the CLI's local
    /// user, whose email is their account.</summary>
    public Task<Person> EnsureAsync(string email, CancellationToken cancel = default) => store.EnsurePersonAsync(email, cancel);

    /// <summary>The person with this email, or an unsaved one (no data) when no one has it: for a
    /// read, which never creates a person.</summary>
    public async Task<Person> FindAsync(string email, CancellationToken cancel = default) =>
        await store.FindPersonAsync(email, cancel) ?? Person.Unsaved(email);

    /// <summary>Claims each email for <paramref name="person"/>, in order; a refusal stops nothing
    /// else and changes nothing of its own email.</summary>
    public async Task<IReadOnlyList<EmailClaim>> AliasAsync(PersonId person, IEnumerable<string> emails, bool merge, CancellationToken cancel = default)
    {
        var claims = new List<EmailClaim>();
        foreach (var email in emails)
        {
            claims.Add(await store.ClaimEmailAsync(person, email, merge, cancel));
        }

        return claims;
    }

    public async Task<IReadOnlyList<EmailClaim>> UnaliasAsync(PersonId person, IEnumerable<string> emails, CancellationToken cancel = default)
    {
        var claims = new List<EmailClaim>();
        foreach (var email in emails)
        {
            claims.Add(await store.UnclaimEmailAsync(person, email, cancel));
        }

        return claims;
    }
}
