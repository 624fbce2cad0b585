using Markdig;
using Microsoft.AspNetCore.Html;

namespace Skillprint.Server.Web;

/// <summary>A framework's Markdown (a topic's explanation) as HTML: Markdig with raw HTML turned
/// off, so any markup in the text comes out escaped; the only HTML the pages take from a text.</summary>
public static class FrameworkText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IHtmlContent Html(string? markdown) =>
        new HtmlString(string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToHtml(markdown, Pipeline));
}
