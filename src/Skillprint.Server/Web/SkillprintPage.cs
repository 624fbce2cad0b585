using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Skillprint.Core.Frameworks;
using Skillprint.Core.People;
using Skillprint.Server.Auth;
using Skillprint.Server.Hosting;
using Skillprint.Store;

namespace Skillprint.Server.Web;

/// <summary>
/// What every signed-in page has: the store, the clock, the framework shown (the built-in
/// <c>python</c>) and the signed-in person. A session started with a one-time password is sent to
/// the password page first, as the API refuses its writes until the password is changed.
/// </summary>
public abstract class SkillprintPage(StoreAccess access, TimeProvider time) : PageModel
{
    public const string DefaultFramework = "python";

    protected TimeProvider Time => time;

    protected SkillprintStore Store => access.Store();

    /// <summary>The code standings the server keeps between team matrices.</summary>
    protected Skillprint.Core.Teams.CodeStandingCache Standings => access.Standings;

    /// <summary>The views the audit log holds already for the hour.</summary>
    protected Skillprint.Core.Audit.ViewThrottle Views => access.Views;

    public Framework Framework { get; } = BuiltInFrameworks.Load(DefaultFramework).Framework!;

    public Caller Caller => Caller.Of(User);

    /// <summary>A line to show once above the page (set after a change, carried over a redirect).</summary>
    [TempData]
    public string? Notice { get; set; }

    protected async Task<Person> MeAsync()
    {
        var id = Caller.PersonId;
        return await Store.GetPersonAsync(id, HttpContext.RequestAborted)
            ?? throw new StoreException(StoreFault.InvalidInput, $"person {id} is gone");
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (User.Identity?.IsAuthenticated == true && Caller.MustChangePassword(User) && this is not Pages.PasswordModel)
        {
            context.Result = new RedirectToPageResult("/Password");
            return;
        }

        await next();
    }
}
