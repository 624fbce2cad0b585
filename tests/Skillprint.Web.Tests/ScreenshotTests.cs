using Microsoft.Playwright;
using Skillprint.Core.Frameworks;
using Skillprint.Web.Tests.Harness;

namespace Skillprint.Web.Tests;

/// <summary>
/// A screenshot of every page at 375 and 1280 px, of a person with a role, an assessment and code
/// evidence: into $SKILLPRINT_SCREENSHOTS when set (tools/screenshots.sh OUTDIR sets it), else a
/// temporary folder. Each must be a whole-page PNG as wide as its viewport.
/// </summary>
[Collection(WebSiteCollection.Name)]
public sealed class ScreenshotTests(WebSite site)
{
    public const string Variable = "SKILLPRINT_SCREENSHOTS";

    private static readonly Framework Python = BuiltInFrameworks.Load("python").Framework!;

    [Fact]
    public async Task Every_page_is_photographed_at_both_widths()
    {
        var folder = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given ? Path.GetFullPath(given) : Path.Combine(Path.GetTempPath(), "skillprint-screens-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var email = await site.NewUserAsync("ada");
        var topic = await PageTests.PushEvidenceAsync(site, email);
        var setup = await site.SignedInAsync(email);
        await setup.GotoAsync("/gaps");
        await setup.SelectOptionAsync("#role", Python.Roles[0].Id);
        await setup.ClickAsync("#roles form.inline:has(#role) button");
        await setup.GotoAsync("/topics/" + topic.Topic.Id);
        await setup.SelectOptionAsync("#level", "Intermediate");
        await setup.ClickAsync("#assess button[type=submit]");
        await setup.WaitForSelectorAsync("#self-note, .notice");

        var admin = await site.NewUserAsync("admin", Core.Accounts.AccountRole.Admin);
        string teamPage;
        using (var store = Skillprint.Store.SkillprintStore.OpenExisting(site.Server.Store))
        {
            var teams = new Core.Teams.TeamService(store, store, TimeProvider.System);
            var team = await teams.AddAsync("platform-" + Guid.NewGuid().ToString("N")[..6]);
            await teams.AddPersonAsync(team, email, Core.Teams.TeamRole.Manager);
            await teams.AddPersonAsync(team, email, Core.Teams.TeamRole.Member);
            teamPage = "/teams/" + team.Id;
        }

        foreach (var width in new[] { 375, 1280 })
        {
            foreach (var dark in new[] { false, true })
            {
                var signedIn = new Dictionary<string, IPage>(StringComparer.Ordinal);
                foreach (var who in new[] { email, admin })
                {
                    signedIn[who] = await site.SignedInAsync(who, width);
                    await signedIn[who].EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
                }

                foreach (var (who, path) in WebSite.Pages(Python).Append(teamPage).Select(p => (email, p)).Concat(WebSite.AdminPages.Select(p => (admin, p))))
                {
                    var page = signedIn[who];
                    await page.GotoAsync(path);
                    var name = (path == "/" ? "my-page" : path.Trim('/').Replace('/', '-')) + $"-{width}{(dark ? "-dark" : "")}.png";
                    var file = Path.Combine(folder, name);
                    await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                    var bytes = await File.ReadAllBytesAsync(file);
                    bytes.Length.ShouldBeGreaterThan(1000, name);
                    // A PNG's width is the big-endian number at bytes 16 to 19 of its header.
                    (bytes[16] << 24 | bytes[17] << 16 | bytes[18] << 8 | bytes[19]).ShouldBe(width, name);
                }
            }
        }
    }
}
