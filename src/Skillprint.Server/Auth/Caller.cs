using System.Globalization;
using System.Security.Claims;
using Skillprint.Core.Accounts;
using Skillprint.Core.Audit;
using Skillprint.Core.People;

namespace Skillprint.Server.Auth;

/// <summary>How a request was authenticated.</summary>
public enum CallerVia
{
    /// <summary>The session cookie of a sign-in (writes need the antiforgery token).</summary>
    Cookie,

    /// <summary>An access token (<c>Authorization: Bearer</c>): a person's, or a team's push token.</summary>
    Token,
}

/// <summary>Who is calling: the person, their role, how they signed in, and what they may change.
/// With a team's push token, <paramref name="TeamId"/> is the team and the person is who created the
/// token; such a caller may push and nothing else (<see cref="PushTokenAllowed"/>).</summary>
public sealed record Caller(PersonId PersonId, string Email, AccountRole Role, CallerVia Via, TokenScope Scope, long? TeamId = null)
{
    public const string CookieScheme = "Cookie";
    public const string BearerScheme = "Bearer";
    public const string AdminPolicy = "admin";

    private const string ViaClaim = "skillprint:via";
    private const string ScopeClaim = "skillprint:scope";
    private const string MustChangeClaim = "skillprint:must-change-password";
    private const string TeamClaim = "skillprint:team";
    private const string TokenClaim = "skillprint:token";

    public bool IsAdmin => Role == AccountRole.Admin;

    /// <summary>The principal of an account signed in through <paramref name="via"/>.</summary>
    public static ClaimsPrincipal Principal(Account account, CallerVia via, TokenScope scope, long? teamId = null, long? tokenId = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.PersonId.ToString()),
            new(ClaimTypes.Email, account.Email),
            new(ClaimTypes.Role, account.Role == AccountRole.Admin ? "admin" : "member"),
            new(ViaClaim, via.ToString()),
            new(ScopeClaim, scope.ToString()),
        };
        if (teamId is { } team)
        {
            claims.Add(new Claim(TeamClaim, team.ToString(CultureInfo.InvariantCulture)));
        }

        if (tokenId is { } token)
        {
            claims.Add(new Claim(TokenClaim, token.ToString(CultureInfo.InvariantCulture)));
        }

        if (account.MustChangePassword)
        {
            claims.Add(new Claim(MustChangeClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, via == CallerVia.Cookie ? CookieScheme : BearerScheme));
    }

    /// <summary>The caller of an authenticated request.</summary>
    public static Caller Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("the request is not authenticated");
        return new Caller(
            new PersonId(long.Parse(id, CultureInfo.InvariantCulture)),
            user.FindFirstValue(ClaimTypes.Email) ?? "",
            user.IsInRole("admin") ? AccountRole.Admin : AccountRole.Member,
            Enum.Parse<CallerVia>(user.FindFirstValue(ViaClaim) ?? nameof(CallerVia.Token)),
            Enum.Parse<TokenScope>(user.FindFirstValue(ScopeClaim) ?? nameof(TokenScope.Read)),
            user.FindFirstValue(TeamClaim) is { } team ? long.Parse(team, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>Who the audit log names for this request: the person, or a team's push token (by its id).</summary>
    public static AuditActor AuditActorOf(ClaimsPrincipal user)
    {
        var caller = Of(user);
        return caller.TeamId is not null && user.FindFirstValue(TokenClaim) is { } token
            ? AuditActor.OfTeamToken(long.Parse(token, CultureInfo.InvariantCulture))
            : AuditActor.Of(caller.PersonId);
    }

    /// <summary>Whether the caller signed in with a one-time password not yet changed.</summary>
    public static bool MustChangePassword(ClaimsPrincipal user) => user?.HasClaim(MustChangeClaim, "true") == true;
}

/// <summary>Marks the endpoints a team's push token may use: the push, and who the token is.</summary>
internal sealed class PushTokenAllowed;
