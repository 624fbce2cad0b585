namespace Skillprint.Core.People;

/// <summary>The store as the people service needs it (implemented by Skillprint.Store).</summary>
public interface IPeopleStore
{
    IReadOnlyList<Person> ListPersons();

    Person? FindPerson(string email);

    Person EnsurePerson(string email);

    EmailClaim ClaimEmail(string person, string email, bool merge);

    EmailClaim UnclaimEmail(string person, string email);
}

/// <summary>
/// People and the emails they write code under. A person claims an email (`person alias`) only when
/// no other person holds data under it; joining two people with data is a separate, explicit step
/// (<c>merge</c>) that says what moves. Giving an email up (`person unalias`) undoes a claim.
/// </summary>
public sealed class PeopleService(IPeopleStore store)
{
    public IReadOnlyList<Person> List() => store.ListPersons();

    /// <summary>The person with this email (created when unknown, as the CLI's local user is).</summary>
    public Person Me(string email) => store.EnsurePerson(email);

    /// <summary>Claims each email for <paramref name="person"/>, in order; a refusal stops nothing
    /// else and changes nothing of its own email.</summary>
    public IReadOnlyList<EmailClaim> Alias(string person, IEnumerable<string> emails, bool merge) =>
        emails.Select(email => store.ClaimEmail(person, email, merge)).ToList();

    public IReadOnlyList<EmailClaim> Unalias(string person, IEnumerable<string> emails) =>
        emails.Select(email => store.UnclaimEmail(person, email)).ToList();
}
