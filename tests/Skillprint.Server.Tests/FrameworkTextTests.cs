using System.Text.RegularExpressions;
using Skillprint.Server.Web;

namespace Skillprint.Server.Tests;

/// <summary>A framework's Markdown on the pages: formatting kept, markup and script links never live.</summary>
public sealed partial class FrameworkTextTests
{
    private static string Html(string markdown) => FrameworkText.Html(markdown).ToString()!;

    [Fact]
    public void Markdown_formatting_becomes_html()
    {
        var html = Html("Use **await** in `async def`.\n\n- one\n- two\n\n[docs](https://docs.python.org/3/) and [a page](/topics/async)");

        html.ShouldContain("<strong>await</strong>");
        html.ShouldContain("<code>async def</code>");
        html.ShouldContain("<li>one</li>");
        html.ShouldContain("<a href=\"https://docs.python.org/3/\">docs</a>");
        html.ShouldContain("<a href=\"/topics/async\">a page</a>");
    }

    [Fact]
    public void Raw_html_in_a_note_shows_as_text()
    {
        var html = Html("A note <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>");

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<div");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click]( vbscript:msgbox )")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![pic](javascript:alert(1))")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    public void A_link_to_a_script_is_not_a_link(string markdown)
    {
        var html = Html(markdown);

        ScriptUrl().IsMatch(html).ShouldBeFalse(html);
        html.ShouldContain(markdown.StartsWith('!') ? "<img" : "<a");
    }

    [Fact]
    public void A_colon_after_the_path_begins_is_not_a_scheme()
    {
        Html("[time](/history?at=10:30) [page](notes/a:b.md)").ShouldContain("<a href=\"/history?at=10:30\">time</a>");
    }

    [GeneratedRegex("""(href|src)="\s*(javascript|vbscript|data)""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();
}
