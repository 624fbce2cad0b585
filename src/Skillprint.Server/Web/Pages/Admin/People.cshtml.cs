using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Accounts;
using Skillprint.Core.People;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages.Admin;

/// <summary>
/// The people with accounts, for admins only (anyone else finds no such page): add a user (a
/// one-time password is made when none is given, shown once) and add an email to a person, over the
/// same services as `skillprint user add` and `skillprint person alias`. An email that another person
/// holds data under is refused, never merged from here.
/// </summary>
public sealed class PeopleModel(StoreAccess store, TimeProvider time) : AdminPage(store, time)
{
    public IReadOnlyList<(Account Account, IReadOnlyList<string> Emails)> Users { get; private set; } = [];

    /// <summary>The user just added and their one-time password: shown in this answer only.</summary>
    public AddedUser? Added { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(string? email, string? role, string? password)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
            {
                throw new AccountException(AccountProblem.Invalid, $"'{email}' is not an email address");
            }

            var chosen = string.Equals(role, "admin", StringComparison.OrdinalIgnoreCase) ? AccountRole.Admin : AccountRole.Member;
            Added = await new AccountService(Store, Time).AddUserAsync(email, chosen, string.IsNullOrEmpty(password) ? null : password, HttpContext.RequestAborted);
            Response.Headers.CacheControl = "no-store";
        }
        catch (AccountException refused)
        {
            Error = refused.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAliasAsync(long person, string? email)
    {
        var user = await new AccountService(Store, Time).GetUserAsync(new PersonId(person), HttpContext.RequestAborted);
        if (user is null)
        {
            return NotFound();
        }

        Error = string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) ? $"'{email}' is not an email address." : null;
        if (Error is null)
        {
            var claim = (await new PeopleService(Store).AliasAsync(user.PersonId, [email!.Trim()], merge: false, HttpContext.RequestAborted))[0];
            Error = claim.Outcome switch
            {
                ClaimOutcome.Claimed => null,
                ClaimOutcome.AlreadyYours => $"{email} is {user.Email}'s already.",
                ClaimOutcome.BothHaveAccounts => $"{email} is the email of another user, {claim.Owner?.PrimaryEmail}: nothing was changed.",
                _ => $"{email} belongs to {claim.Owner?.PrimaryEmail ?? "someone else"}, who has data under it: nothing was changed (joining two people is done with `skillprint person alias --merge`, which says what moves).",
            };
            if (Error is null)
            {
                Notice = $"{email} is now {user.Email}'s: code written under it counts for them.";
                return RedirectToPage();
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var people = (await Store.ListPersonsAsync(cancel)).ToDictionary(p => p.Id);
        Users = (await new AccountService(Store, Time).ListUsersAsync(cancel))
            .Select(a => (a, people.TryGetValue(a.PersonId, out var p) ? p.Emails : (IReadOnlyList<string>)[a.Email]))
            .ToList();
    }
}
