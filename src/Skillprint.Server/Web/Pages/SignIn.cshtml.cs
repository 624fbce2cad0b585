using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Skillprint.Core.Accounts;
using Skillprint.Server.Auth;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>Sign-in with email and password (the account service and the session cookie of the
/// API's <c>POST /api/v1/session</c>); attempts are rate limited per address.</summary>
public sealed class SignInModel(StoreAccess store, TimeProvider time, ILoggerFactory logs) : PageModel
{
    public string? Email { get; private set; }

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Target()) : Page();

    public async Task<IActionResult> OnPostAsync(string? email, string? password)
    {
        Email = email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Error = "Email and password are both needed.";
            return Page();
        }

        var result = await new AccountService(store.Accounts(), time).SignInAsync(email, password, HttpContext.RequestAborted);
        logs.CreateLogger("Skillprint.Server.SignIn").LogInformation("page sign-in of person {Person}: {Outcome}", result.Account?.PersonId, result.Outcome);
        if (result is not { Outcome: SignInOutcome.SignedIn, Account: { } account })
        {
            Error = "Wrong email or password, or the account is locked after repeated failures (it opens again after 15 minutes).";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(Caller.CookieScheme, Caller.Principal(account, CallerVia.Cookie, TokenScope.Write));
        return LocalRedirect(Target());
    }

    /// <summary>Where to go after signing in: the page asked for, when it is one of this site's.</summary>
    private string Target() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
