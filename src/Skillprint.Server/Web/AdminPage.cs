using Microsoft.AspNetCore.Mvc.Filters;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web;

/// <summary>A page for admins only: anyone else signed in finds no such page (404), as the admin
/// endpoints answer.</summary>
public abstract class AdminPage(StoreAccess access, TimeProvider time) : SkillprintPage(access, time)
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (User.Identity?.IsAuthenticated == true && !Caller.IsAdmin)
        {
            context.Result = NotFound();
            return;
        }

        await base.OnPageHandlerExecutionAsync(context, next);
    }
}
