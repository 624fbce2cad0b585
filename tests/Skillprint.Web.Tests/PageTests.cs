using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Store;
using Skillprint.Web.Tests.Harness;

namespace Skillprint.Web.Tests;

/// <summary>The pages in Chromium against the real server: what a person does with them.</summary>
[Collection(WebSiteCollection.Name)]
public sealed partial class PageTests(WebSite site)
{
    private const string Commit = "3f2a9c1d4e5b6a7f8091a2b3c4d5e6f708192a3b";

    private static readonly Framework Python = BuiltInFrameworks.Load("python").Framework!;

    [Fact]
    public async Task A_page_without_a_session_sends_the_browser_to_sign_in_and_back()
    {
        var email = await site.NewUserAsync("anon");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/gaps");
        page.Url.ShouldStartWith(site.Address + "signin");

        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("form button[type=submit]");
        (await page.TextContentAsync("[role=alert]"))!.ShouldContain("Wrong email or password");

        await page.FillAsync("#password", Server.Tests.Harness.ServerFactory.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(site.Address + "gaps");
    }

    [Fact]
    public async Task My_page_has_both_tables_and_a_chart_row_per_topic()
    {
        var email = await site.NewUserAsync("mine");
        var page = await site.SignedInAsync(email);

        (await page.Locator("#personal-status tbody tr").CountAsync()).ShouldBe(Python.Topics.Count);
        (await page.Locator("#body-of-knowledge tbody tr").CountAsync()).ShouldBe(Python.Topics.Count);
        var chart = page.Locator("svg.chart");
        (await chart.Locator("g.chart-row").CountAsync()).ShouldBe(Python.Topics.Count);
        (await chart.Locator("rect.bar-evidenced").CountAsync()).ShouldBe(Python.Topics.Count);
        (await page.ContentAsync()).ShouldContain(email);
    }

    [Fact]
    public async Task Evidence_shows_its_strength_on_my_page_and_links_to_the_exact_line_on_github()
    {
        var email = await site.NewUserAsync("linked");
        var (topic, skill) = await PushEvidenceAsync(site, email);
        var page = await site.SignedInAsync(email);

        var row = page.Locator($"svg.chart g.chart-row[data-topic='{topic.Id}']");
        (await row.Locator("text.strength").TextContentAsync()).ShouldBe("2 places in 2 files, 1 repository");

        await page.ClickAsync($"#personal-status a[href='/topics/{topic.Id}']");
        await page.WaitForURLAsync(site.Address + "topics/" + topic.Id);
        var link = page.Locator($"#skill-{Css(skill.Id)} a.code-link").First;
        var owner = email.Split('@')[0];
        (await link.GetAttributeAsync("href")).ShouldBe($"https://github.com/{owner}/app/blob/{Commit}/src/app/jobs.py#L12-L14");
        (await link.TextContentAsync()).ShouldBe($"{owner}/app: src/app/jobs.py:12");
    }

    [Fact]
    public async Task My_page_downloads_the_markdown_page_and_the_profile_file()
    {
        var email = await site.NewUserAsync("export");
        var (topic, _) = await PushEvidenceAsync(site, email);
        var page = await site.SignedInAsync(email);

        var markdown = await DownloadAsync(page, "#export-page");
        markdown.Name.ShouldBe("competencies.python.md");
        markdown.Text.ShouldStartWith("---\n");
        markdown.Text.ShouldContain("## Body of Knowledge");
        markdown.Text.ShouldContain("## Personal Status");
        markdown.Text.ShouldContain("| " + topic.Name + " |");

        var profile = await DownloadAsync(page, "#export-profile");
        profile.Name.ShouldBe("profile.python.md");
        var lines = profile.Text.Split('\n');
        lines[0].ShouldBe("---");
        lines.ShouldContain(line => line.StartsWith("name:", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith("description:", StringComparison.Ordinal));
        profile.Text.ShouldContain(topic.Name);
    }

    private static async Task<(string Name, string Text)> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Assessing_yourself_changes_the_level_and_a_note_with_markup_shows_as_text()
    {
        var email = await site.NewUserAsync("assess");
        var page = await site.SignedInAsync(email);
        var topic = Python.Topics[0];
        await page.GotoAsync("/topics/" + topic.Id);

        var note = "<script>document.title='owned'</script><img src=x onerror=alert(1)>";
        await page.SelectOptionAsync("#level", "Advanced");
        await page.FillAsync("#note", note);
        await page.ClickAsync("#assess button[type=submit]");

        await page.WaitForSelectorAsync("#self-note");
        (await page.TextContentAsync("#self-note")).ShouldBe(note);
        (await page.Locator("#self-note script, #self-note img").CountAsync()).ShouldBe(0);
        (await page.TitleAsync()).ShouldNotBe("owned");
        (await page.TextContentAsync("h2")).ShouldBe("My level: Advanced");

        await page.GotoAsync("/");
        var level = page.Locator("#personal-status tbody tr").Filter(new() { Has = page.Locator($"a[href='/topics/{topic.Id}']") }).Locator("td").First;
        (await level.TextContentAsync())!.ShouldContain("Advanced");
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var email = await site.NewUserAsync("csrf");
        var page = await site.SignedInAsync(email);
        var topic = Python.Topics[0];

        var response = await page.APIRequest.PostAsync($"/topics/{topic.Id}?handler=Assess", new()
        {
            Form = page.APIRequest.CreateFormData().Set("level", "Expert"),
            MaxRedirects = 0,
        });
        response.Status.ShouldBe(400);

        await page.GotoAsync("/topics/" + topic.Id);
        (await page.TextContentAsync("h2")).ShouldBe("My level: None");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var email = await site.NewUserAsync("leave");
        var page = await site.SignedInAsync(email);
        await page.ClickAsync("form.signout button");
        await page.WaitForURLAsync(new Regex("/signin"));

        await page.GotoAsync("/");
        page.Url.ShouldStartWith(site.Address + "signin");
    }

    /// <summary>Two hits of the user's in a repository of theirs on GitHub (named after their
    /// email's local part), pushed as `scan --push` would.</summary>
    internal static async Task<(Topic Topic, Skill Skill)> PushEvidenceAsync(WebSite site, string email)
    {
        var skill = Python.Topics.SelectMany(t => t.Skills).First(s => s.IsDetectable);
        var topic = Python.FindTopic(skill.Topic)!;
        using var store = SkillprintStore.OpenExisting(site.Server.Store);
        var person = (await store.FindPersonAsync(email))!;
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        var owner = email.Split('@')[0];
        await store.ReplacePushedEvidenceAsync(person.Id, new EvidencePush("python", "root-" + Guid.NewGuid().ToString("N"), owner + "/app", $"git@github.com:{owner}/app.git",
        [
            new PushedHit(topic.Id, skill.Id, "src/app/jobs.py", 12, 14, email, Commit, at),
            new PushedHit(topic.Id, skill.Id, "src/app/worker.py", 40, 40, email, Commit, at),
        ]), DateTimeOffset.UtcNow);
        return (topic, skill);
    }

    private static string Css(string id) => id.Replace(".", "\\.", StringComparison.Ordinal);
}
