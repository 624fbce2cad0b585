using System.Text.Json;
using Skillprint.Core.Frameworks;
using Skillprint.Web.Tests.Harness;

namespace Skillprint.Web.Tests;

/// <summary>axe-core (vendored, Vendor/axe-core) on every page at both widths, light and dark:
/// no serious or critical violation.</summary>
[Collection(WebSiteCollection.Name)]
public sealed class AccessibilityTests(WebSite site)
{
    private static readonly Framework Python = BuiltInFrameworks.Load("python").Framework!;

    private static readonly string Axe = Path.Combine(AppContext.BaseDirectory, "Vendor", "axe-core", "axe.min.js");

    [Theory]
    [InlineData(375, false)]
    [InlineData(1280, false)]
    [InlineData(1280, true)]
    public async Task No_page_has_a_serious_or_critical_violation(int width, bool dark)
    {
        var email = await site.NewUserAsync("axe");
        await PageTests.PushEvidenceAsync(site, email);
        var anonymous = await site.NewPageAsync(width, bypassCsp: true);
        var found = new List<string>();
        await anonymous.GotoAsync("/signin");
        found.AddRange(await ViolationsAsync(anonymous, "/signin", dark));

        long team;
        using (var store = Skillprint.Store.SkillprintStore.OpenExisting(site.Server.Store))
        {
            var teams = new Core.Teams.TeamService(store, store, TimeProvider.System);
            var made = await teams.AddAsync("axe-" + Guid.NewGuid().ToString("N")[..6]);
            team = (await teams.AddPersonAsync(made, email, Core.Teams.TeamRole.Manager)).Team.Id;
            await teams.AddPersonAsync(made, email, Core.Teams.TeamRole.Member);
        }

        var page = await site.SignedInAsync(email, width, bypassCsp: true);
        foreach (var path in WebSite.Pages(Python).Append("/teams/" + team + "?role=" + Python.Roles[0].Id).Append("/practice?card=" + Python.Cards.First(c => c.IsDrillable).Id + "&reveal=true"))
        {
            await page.GotoAsync(path);
            found.AddRange(await ViolationsAsync(page, path, dark));
        }

        var admin = await site.SignedInAsync(await site.NewUserAsync("axeadmin", Core.Accounts.AccountRole.Admin), width, bypassCsp: true);
        foreach (var path in WebSite.AdminPages)
        {
            await admin.GotoAsync(path);
            found.AddRange(await ViolationsAsync(admin, path, dark));
        }

        found.ShouldBeEmpty(string.Join("\n", found));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(Microsoft.Playwright.IPage page, string path, bool dark)
    {
        await page.EmulateMediaAsync(new() { ColorScheme = dark ? Microsoft.Playwright.ColorScheme.Dark : Microsoft.Playwright.ColorScheme.Light });
        await page.AddScriptTagAsync(new() { Path = Axe });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
            + ".map(v => ({ id: v.id, impact: v.impact || '', help: v.help, where: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') }))");
        return violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{path}: {v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()} ({v.GetProperty("help").GetString()}) at {v.GetProperty("where").GetString()}")
            .ToList();
    }
}
