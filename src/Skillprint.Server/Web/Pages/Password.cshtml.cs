using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Accounts;
using Skillprint.Server.Auth;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>A password change: the current one proves it is you (as <c>PUT /api/v1/me/password</c>).</summary>
public sealed class PasswordModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? current, string? replacement)
    {
        var service = new AccountService(Store, Time);
        try
        {
            if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(replacement)
                || !await service.ChangePasswordAsync(Caller.PersonId, current, replacement, HttpContext.RequestAborted))
            {
                Error = "The current password is wrong.";
                return Page();
            }
        }
        catch (AccountException refused)
        {
            Error = refused.Message;
            return Page();
        }

        var account = await service.GetUserAsync(Caller.PersonId, HttpContext.RequestAborted);
        await HttpContext.SignInAsync(Caller.CookieScheme, Caller.Principal(account!, CallerVia.Cookie, TokenScope.Write));
        Notice = "Your password is changed.";
        return Redirect("/");
    }
}
