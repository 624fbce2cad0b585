using System.Net;
using Skillprint.Core.Accounts;
using Skillprint.Store;
using Skillprint.Web.Tests.Harness;

namespace Skillprint.Web.Tests;

/// <summary>My emails and roles in settings, and the admin's people page, in Chromium.</summary>
[Collection(WebSiteCollection.Name)]
public sealed class SettingsPageTests(WebSite site)
{
    [Fact]
    public async Task An_admin_adds_a_user_with_a_one_time_password_and_an_email_for_them()
    {
        var admin = await site.SignedInAsync(await site.NewUserAsync("admin", AccountRole.Admin));
        await admin.ClickAsync("nav a[href='/admin/people']");
        await admin.WaitForURLAsync(site.Address + "admin/people");

        var newcomer = "new-" + Guid.NewGuid().ToString("N")[..8] + "@example.org";
        await admin.FillAsync("#email", newcomer);
        await admin.ClickAsync("#add-user button");
        var password = (await admin.TextContentAsync("#one-time-password"))!.Trim();
        password.Length.ShouldBeGreaterThanOrEqualTo(12);

        var alias = "old-" + Guid.NewGuid().ToString("N")[..8] + "@example.org";
        var row = admin.Locator($"#users tr[data-user='{newcomer}']");
        await row.Locator("input[name=email]").FillAsync(alias);
        await row.Locator("button").ClickAsync();
        await admin.WaitForSelectorAsync(".notice");
        (await admin.Locator($"#users tr[data-user='{newcomer}'] td").Nth(1).TextContentAsync())!.ShouldContain(alias);

        // The one-time password signs in, and the first thing asked is a new password.
        var page = await site.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#email", newcomer);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(site.Address + "password");
    }

    [Fact]
    public async Task An_email_another_person_has_data_under_is_not_given_by_an_admin()
    {
        var holder = await site.NewUserAsync("holder");
        await PageTests.PushEvidenceAsync(site, holder);
        var other = await site.NewUserAsync("other");
        var admin = await site.SignedInAsync(await site.NewUserAsync("admin", AccountRole.Admin));
        await admin.GotoAsync("/admin/people");

        var row = admin.Locator($"#users tr[data-user='{other}']");
        await row.Locator("input[name=email]").FillAsync(holder);
        await row.Locator("button").ClickAsync();

        (await admin.TextContentAsync("#people-error"))!.ShouldContain("nothing was changed");
        using var store = SkillprintStore.OpenExisting(site.Server.Store);
        (await store.FindPersonAsync(other))!.Emails.ShouldBe([other]);
        (await store.FindPersonAsync(holder))!.PrimaryEmail.ShouldBe(holder);
    }

    [Fact]
    public async Task A_member_finds_no_people_page()
    {
        var page = await site.SignedInAsync(await site.NewUserAsync("member"));

        (await page.GotoAsync("/admin/people"))!.Status.ShouldBe((int)HttpStatusCode.NotFound);
        (await page.Locator("nav a[href='/admin/people']").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_gives_up_an_email_only_when_confirmed_and_keeps_the_sign_in_email()
    {
        var email = await site.NewUserAsync("emails");
        var alias = "alias-" + Guid.NewGuid().ToString("N")[..8] + "@example.org";
        using (var store = SkillprintStore.OpenExisting(site.Server.Store))
        {
            var me = (await store.FindPersonAsync(email))!;
            await store.ClaimEmailAsync(me.Id, alias, merge: false);
        }

        var page = await site.SignedInAsync(email);
        await page.GotoAsync("/settings");
        (await page.Locator($"#emails li[data-email='{email}'] form").CountAsync()).ShouldBe(0);
        var item = page.Locator($"#emails li[data-email='{alias}']");

        // Without the box ticked (the browser's check taken away), the server refuses and keeps it.
        await item.Locator("input[name=confirm]").EvaluateAsync("box => box.removeAttribute('required')");
        await item.Locator("button").ClickAsync();
        (await page.TextContentAsync("#email-error"))!.ShouldContain("Tick the box");
        (await page.Locator($"#emails li[data-email='{alias}']").CountAsync()).ShouldBe(1);

        await page.Locator($"#emails li[data-email='{alias}'] input[name=confirm]").CheckAsync();
        await page.Locator($"#emails li[data-email='{alias}'] button").ClickAsync();
        await page.WaitForSelectorAsync(".notice");
        (await page.Locator($"#emails li[data-email='{alias}']").CountAsync()).ShouldBe(0);
        using var after = SkillprintStore.OpenExisting(site.Server.Store);
        (await after.FindPersonAsync(email))!.Emails.ShouldBe([email]);

        // Both changes are in the audit log of the page, newest first, each by whoever made it.
        var rows = page.Locator("#audit tbody tr");
        (await rows.Nth(0).GetAttributeAsync("data-action")).ShouldBe("email.remove");
        (await rows.Nth(0).Locator("td").Nth(1).TextContentAsync()).ShouldBe(email);
        (await rows.Nth(0).Locator("td").Nth(2).TextContentAsync()).ShouldBe(alias);
        (await rows.Nth(1).GetAttributeAsync("data-action")).ShouldBe("email.add");
        (await rows.Nth(1).Locator("td").Nth(1).TextContentAsync()).ShouldBe("the command line");
    }
}
