using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Skillprint.Server.Web;

/// <summary>
/// A framework's Markdown (a topic's explanation, a card's answer) as HTML: Markdig with raw HTML
/// turned off, so any markup in the text comes out escaped, and every link or image whose address
/// has a scheme other than http, https or mailto (javascript:, data:...) pointed nowhere. The only
/// HTML the pages take from a text.
/// </summary>
public static class FrameworkText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static IHtmlContent Html(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(link => !IsSafe(link.Url)))
        {
            link.Url = "#";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(link => !IsSafe(link.Url)))
        {
            link.Url = "#";
        }

        return new HtmlString(document.ToHtml(Pipeline));
    }

    /// <summary>
    /// Whether an address may be a link: relative (no colon before the first slash, question mark or
    /// hash) or of a safe scheme. Anything else, a scheme with a tab in it included, is not.
    /// </summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var pathStart = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon))
        {
            return true;
        }

        var scheme = url[..colon].Trim();
        return SafeSchemes.Any(safe => string.Equals(safe, scheme, StringComparison.OrdinalIgnoreCase));
    }
}
