using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Skillprint.Server.Auth;

namespace Skillprint.Server.Web.Pages;

/// <summary>Sign-out: a form post (with the antiforgery token) ends the session.</summary>
public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(Caller.CookieScheme);
        return Redirect(WebSetup.SignInPath);
    }
}
