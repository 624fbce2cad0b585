using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skillprint.Core.Frameworks;
using Skillprint.Web.Tests.Harness;

namespace Skillprint.Web.Tests;

/// <summary>Roadmaps, practice, tokens and the other pages, in Chromium.</summary>
[Collection(WebSiteCollection.Name)]
public sealed partial class GrowthPageTests(WebSite site)
{
    private static readonly Framework Python = BuiltInFrameworks.Load("python").Framework!;

    [Fact]
    public async Task Marking_a_roadmap_item_done_moves_the_progress_bars()
    {
        var email = await site.NewUserAsync("road");
        var page = await site.SignedInAsync(email);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };
        var roadmap = Python.Roadmaps[0];
        await page.GotoAsync("/roadmaps");
        await page.ClickAsync($"a[href='/roadmaps/{roadmap.Id}']");
        await page.WaitForURLAsync(site.Address + "roadmaps/" + roadmap.Id);

        var overall = page.Locator("#overall progress");
        var stage = page.Locator("#stage-1 progress");
        var before = int.Parse((await overall.GetAttributeAsync("value"))!, System.Globalization.CultureInfo.InvariantCulture);
        var stageBefore = int.Parse((await stage.GetAttributeAsync("value"))!, System.Globalization.CultureInfo.InvariantCulture);
        var item = page.Locator("#stage-1 li[data-item]").Filter(new() { Has = page.Locator(".status-todo") }).First;
        var itemId = await item.GetAttributeAsync("data-item");
        await page.EvaluateAsync("() => { window.stillHere = true; }");
        var posted = page.WaitForRequestAsync(request => request.Method == "POST");
        await item.Locator("select").SelectOptionAsync("done");
        await item.Locator("button").ClickAsync();

        await page.WaitForSelectorAsync(".notice");
        // htmx posted the mark and swapped the roadmap's body in: the page was not loaded again.
        (await (await posted).HeaderValueAsync("HX-Request")).ShouldBe("true");
        (await page.EvaluateAsync<bool>("() => window.stillHere === true")).ShouldBeTrue();
        refused.ShouldBeEmpty(); // htmx runs under the page's strict policy: no inline style or eval
        (await overall.GetAttributeAsync("value")).ShouldBe((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await stage.GetAttributeAsync("value")).ShouldBe((stageBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await page.Locator($"#stage-1 li[data-item='{itemId}'] .status").TextContentAsync()).ShouldBe("done");
    }

    [Fact]
    public async Task Without_javascript_a_mark_is_a_plain_form_post_and_the_page_comes_back()
    {
        var email = await site.NewUserAsync("nojs");
        var context = await site.Browser.NewContextAsync(new() { BaseURL = site.Address.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Skillprint.Server.Tests.Harness.ServerFactory.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(site.Address + "");
        var roadmap = Python.Roadmaps[0];
        await page.GotoAsync("/roadmaps/" + roadmap.Id);

        var item = page.Locator("#stage-1 li[data-item]").First;
        var itemId = await item.GetAttributeAsync("data-item");
        await item.Locator("select").SelectOptionAsync("doing");
        var answer = page.WaitForResponseAsync(response => response.Request.Method == "POST");
        await item.Locator("button").ClickAsync();

        (await answer).Status.ShouldBe(302); // redirected back to the page, as a plain form post is
        (await page.TextContentAsync(".notice"))!.ShouldContain("doing");
        page.Url.ShouldBe(site.Address + "roadmaps/" + roadmap.Id);
        (await page.Locator($"#stage-1 li[data-item='{itemId}'] .status").TextContentAsync()).ShouldBe("doing");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Three_cards_are_reviewed_with_the_keyboard_alone()
    {
        var email = await site.NewUserAsync("keys");
        var page = await site.SignedInAsync(email);
        await page.GotoAsync("/practice");
        var seen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var card = (await page.GetAttributeAsync("#card", "data-card"))!;
            seen.ShouldNotContain(card);
            seen.Add(card);
            await page.Keyboard.PressAsync("Space");
            await page.WaitForSelectorAsync("#answer");
            await page.Keyboard.PressAsync((i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.WaitForSelectorAsync(".notice");
        }

        await page.GotoAsync("/history");
        (await page.Locator("#timeline tbody tr").CountAsync()).ShouldBe(3);
        var text = await page.TextContentAsync("#timeline");
        foreach (var id in seen)
        {
            text!.ShouldContain(id);
        }
    }

    [Fact]
    public async Task History_shows_a_year_calendar_and_each_topics_level_over_time()
    {
        var email = await site.NewUserAsync("hist");
        var (topic, _) = await PageTests.PushEvidenceAsync(site, email);
        var page = await site.SignedInAsync(email);
        await page.GotoAsync("/topics/" + topic.Id);
        await page.SelectOptionAsync("#level", "Intermediate");
        await page.ClickAsync("#assess button[type=submit]");
        await page.WaitForSelectorAsync("#self-note, .notice");

        await page.GotoAsync("/history");
        var days = page.Locator("#calendar rect.day");
        var count = await days.CountAsync();
        count.ShouldBeInRange((52 * 7) + 1, 53 * 7);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // Today: the assessment (the first code hit is three days old).
        (await page.TextContentAsync($"#calendar rect[data-day='{today}'] title")).ShouldBe(today + ": 1 assessment");
        (await page.Locator("#calendar rect.a0").CountAsync()).ShouldBe(count - 2); // today and the first hit's day
        (await page.TextContentAsync("#calendar-summary"))!.ShouldContain("active days");

        var curve = page.Locator($"#curves li[data-topic='{topic.Id}']");
        (await curve.Locator("polyline.line-self").CountAsync()).ShouldBe(1);
        var label = (await curve.Locator("svg").GetAttributeAsync("aria-label"))!;
        label.ShouldContain("self-assessed None then Intermediate");
        (await curve.Locator("details tbody tr").Last.TextContentAsync())!.ShouldContain("Intermediate");
    }

    [Fact]
    public async Task A_token_is_shown_once_works_and_stops_working_when_revoked()
    {
        var email = await site.NewUserAsync("tok");
        var page = await site.SignedInAsync(email);
        await page.GotoAsync("/settings");
        await page.FillAsync("#name", "laptop <b>bold</b>");
        await page.SelectOptionAsync("#scope", "read");
        await page.ClickAsync("#create-token button");

        var secret = (await page.TextContentAsync("#secret"))!.Trim();
        secret.ShouldStartWith("sp_");
        var api = site.Server.ClientWith(secret);
        (await api.GetAsync(new Uri("/api/v1/me/status", UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        await page.GotoAsync("/settings");
        (await page.Locator("#secret").CountAsync()).ShouldBe(0);
        (await page.ContentAsync()).ShouldNotContain(secret);
        var row = page.Locator("#tokens tr[data-token='laptop <b>bold</b>']");
        (await row.Locator("th").TextContentAsync()).ShouldBe("laptop <b>bold</b>");
        await row.Locator("button").ClickAsync();
        await page.WaitForSelectorAsync(".notice");
        (await page.Locator("#tokens tr[data-token='laptop <b>bold</b>'] .token-state").TextContentAsync()).ShouldBe("revoked");
        (await api.GetAsync(new Uri("/api/v1/me/status", UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Choosing_a_role_ranks_gaps_against_it()
    {
        var email = await site.NewUserAsync("gaps");
        var page = await site.SignedInAsync(email);
        await page.GotoAsync("/gaps");
        var role = Python.Roles[0];
        await page.SelectOptionAsync("#role", role.Id);
        await page.ClickAsync("#roles form.inline:has(#role) button");
        await page.WaitForSelectorAsync(".notice");
        (await page.TextContentAsync("#roles ul"))!.ShouldContain(role.Name);
        (await page.Locator("#gap-plan tbody tr").CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_framework_search_keeps_what_mentions_the_words()
    {
        var email = await site.NewUserAsync("find");
        var page = await site.SignedInAsync(email);
        var topic = Python.Topics[1];
        await page.GotoAsync("/framework");
        (await page.Locator("section.topic-entry").CountAsync()).ShouldBe(Python.Topics.Count);
        await page.FillAsync("#q", topic.Name);
        await page.ClickAsync("form[role=search] button");
        await page.WaitForURLAsync(new Regex("q="));
        (await page.Locator($"#topic-{topic.Id}").CountAsync()).ShouldBe(1);
        (await page.Locator("section.topic-entry").CountAsync()).ShouldBeLessThan(Python.Topics.Count);
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Every_page_renders_without_a_horizontal_scroll(int width)
    {
        var email = await site.NewUserAsync("wide");
        var page = await site.SignedInAsync(email, width);
        foreach (var path in WebSite.Pages(Python))
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{path} is wider than {width} px");
        }
    }
}
