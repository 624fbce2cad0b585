using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Accounts;
using Skillprint.Core.Audit;
using Skillprint.Core.Growth;
using Skillprint.Core.People;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>Settings: my personal access tokens (create, shown once; revoke), over the same
/// account service as `skillprint token` and <c>/api/v1/me/tokens</c>; my emails (give one up,
/// confirmed, as `skillprint person unalias`; an admin adds them, since the server cannot check that
/// an email is mine), my target roles, and the newest events of my audit log.</summary>
public sealed class SettingsModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public IReadOnlyList<AccessToken> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just created: shown in this answer only, never again.</summary>
    public CreatedToken? Created { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public IReadOnlyList<string> Emails { get; private set; } = [];

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? EmailError { get; private set; }

    /// <summary>The newest events of my audit log: what was done to my data, and who read it.</summary>
    public AuditLog Audit { get; private set; } = new(null, [], null);

    /// <summary>How many events of the log the page shows; the API and `skillprint audit` page on.</summary>
    public const int AuditShown = 20;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? scope, int? expiresInDays)
    {
        var service = new AccountService(Store, Time);
        try
        {
            var chosen = string.Equals(scope, "write", StringComparison.OrdinalIgnoreCase) ? TokenScope.Write : TokenScope.Read;
            Created = await service.CreateTokenAsync(Caller.PersonId, name ?? "", chosen, expiresInDays, HttpContext.RequestAborted);
            // The secret is in this page, which no cache may keep.
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

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        try
        {
            var token = await new AccountService(Store, Time).RevokeTokenAsync(id, Caller.PersonId, HttpContext.RequestAborted);
            Notice = $"The token {token.Name} is revoked.";
        }
        catch (AccountException refused) when (refused.Problem == AccountProblem.NotFound)
        {
            return NotFound();
        }

        return RedirectToPage();
    }

    /// <summary>Gives up one of my emails: code written under it stops counting for me (nothing is
    /// deleted; an admin can add it back). Needs the confirmation box; the sign-in email stays.</summary>
    public async Task<IActionResult> OnPostUnaliasAsync(string? email, bool confirm)
    {
        EmailError = email is null ? "Choose an email." : !confirm ? $"Tick the box to confirm that {email} should no longer be yours." : null;
        if (EmailError is null && string.Equals(email, Caller.Email, StringComparison.OrdinalIgnoreCase))
        {
            EmailError = $"{email} is the email you sign in with; it stays yours.";
        }

        if (EmailError is null)
        {
            var claim = (await new PeopleService(Store).UnaliasAsync(Caller.PersonId, [email!], HttpContext.RequestAborted))[0];
            EmailError = claim.Outcome switch
            {
                ClaimOutcome.Unclaimed => null,
                ClaimOutcome.Refused => $"{email} is your only email and cannot be given up.",
                _ => $"{email} is not one of your emails.",
            };
            if (EmailError is null)
            {
                Notice = $"{email} is no longer yours: code written under it no longer counts for you. Nothing was deleted; an admin can add it back.";
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
        Tokens = await new AccountService(Store, Time).ListTokensAsync(Caller.PersonId, cancel);
        var me = await MeAsync();
        Emails = me.Emails;
        Audit = await new AuditService(Store).ReadAsync(me, AuditShown, null, cancel);
        Roles = (await new GrowthService(Store, Time).LoadAsync(Framework, me, cancel)).ChosenGrades
            .Select(r => r.Grade is null ? r.Role.Name : $"{r.Role.Name} ({r.Grade})")
            .ToList();
    }
}
