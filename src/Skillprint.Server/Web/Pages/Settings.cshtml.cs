using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Accounts;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>Settings: my personal access tokens (create, shown once; revoke), over the same
/// account service as `skillprint token` and <c>/api/v1/me/tokens</c>.</summary>
public sealed class SettingsModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public IReadOnlyList<AccessToken> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just created: shown in this answer only, never again.</summary>
    public CreatedToken? Created { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset Now => Time.GetUtcNow();

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

    private async Task LoadAsync() =>
        Tokens = await new AccountService(Store, Time).ListTokensAsync(Caller.PersonId, HttpContext.RequestAborted);
}
