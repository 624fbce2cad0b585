using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Skillprint.Core.Accounts;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Auth;

/// <summary><c>Authorization: Bearer sp_...</c>: an access token (a person's or a team's), looked up by its hash.</summary>
internal sealed class BearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StoreAccess store,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var holder = await new AccountService(store.Accounts(), time).AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (holder is null)
        {
            return AuthenticateResult.Fail("the token is not valid: unknown, expired or revoked");
        }

        // A team's push token never carries its creator's admin role: it may push and nothing else.
        var account = holder.Account with { MustChangePassword = false, Role = holder.Token.TeamId is null ? holder.Account.Role : AccountRole.Member };
        var principal = Caller.Principal(account, CallerVia.Token, holder.Token.Scope, holder.Token.TeamId, holder.Token.Id);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Caller.BearerScheme));
    }
}
