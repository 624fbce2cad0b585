using System.Net;
using Skillprint.Core.Accounts;
using Skillprint.Core.Frameworks;
using Skillprint.Web.Tests.Harness;

namespace Skillprint.Web.Tests;

/// <summary>Who may open and change what through the pages: no page without a session, every
/// page under the strict Content-Security-Policy, nobody's tokens but your own.</summary>
[Collection(WebSiteCollection.Name)]
public sealed class PageAccessTests(WebSite site)
{
    private static readonly Framework Python = BuiltInFrameworks.Load("python").Framework!;

    [Fact]
    public async Task Without_a_session_every_page_redirects_to_sign_in_and_the_api_still_answers_401()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };
        foreach (var path in WebSite.Pages(Python))
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().ShouldContain("/signin?ReturnUrl=");
        }

        (await client.GetAsync(new Uri("/api/v1/me/status", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var signIn = await client.GetAsync(new Uri("/signin", UriKind.Relative));
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = signIn.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self';");
        policy.ShouldNotContain("unsafe-inline");
        (await client.GetAsync(new Uri("/assets/site.css", UriKind.Relative))).Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        (await client.GetAsync(new Uri("/assets/nothing.css", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_revokes_another_persons_token_through_the_settings_page()
    {
        var owner = await site.NewUserAsync("owner");
        var other = await site.NewUserAsync("other");
        string secret;
        long tokenId;
        using (var store = Store.SkillprintStore.OpenExisting(site.Server.Store))
        {
            var person = (await store.FindPersonAsync(owner))!;
            var created = await new AccountService(store, TimeProvider.System).CreateTokenAsync(person.Id, "ci", TokenScope.Read, null, default);
            (secret, tokenId) = (created.Secret, created.Token.Id);
        }

        var page = await site.SignedInAsync(other);
        await page.GotoAsync("/settings");
        var antiforgery = await page.GetAttributeAsync("#create-token input[name=__RequestVerificationToken]", "value");
        var response = await page.APIRequest.PostAsync($"/settings?handler=Revoke&id={tokenId}", new()
        {
            Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", antiforgery!),
            MaxRedirects = 0,
        });
        response.Status.ShouldBe(404);

        var api = site.Server.ClientWith(secret);
        (await api.GetAsync(new Uri("/api/v1/me/status", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
