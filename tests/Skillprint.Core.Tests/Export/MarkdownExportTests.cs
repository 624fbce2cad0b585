using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Skillprint.Core.Export;
using Skillprint.Core.Status;
using Skillprint.Core.Tests.Importing;
using Skillprint.Core.Tests.Status;
using YamlDotNet.RepresentationModel;
using static Skillprint.Core.Tests.Status.StatusFixture;

namespace Skillprint.Core.Tests.Export;

public sealed class MarkdownExportTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    private static PersonalStatus SampleStatus(DateTimeOffset now) => PersonalStatus.Compute(
        Framework(),
        [
            Assess("pydantic", Level.Advanced, "domus-api models", daysAgo: 3),
            Assess("async", Level.Intermediate, null, daysAgo: 2),
        ],
        [
            Manual(1, "pydantic", null, null, "domus-api models: nested validators | computed fields", daysAgo: 5),
            Manual(2, "pydantic", "pydantic.settings", "https://example.com/talk", "talk\non settings", daysAgo: 4),
            Manual(3, "async", "async.gather", null, "asyncio.gather in domus-api", daysAgo: 1),
        ],
        new FixedTime(now));

    [Fact]
    public void The_page_has_the_shape_of_seed_000_cell_by_cell()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "competencies.python.md");

        var result = MarkdownExport.WriteFile(SampleStatus(Now), path, new FixedTime(Now));

        result.Outcome.ShouldBe(ExportOutcome.Created);
        var page = Parse(File.ReadAllText(path));
        page.Title.ShouldBe("Competencies: Programming Languages > Python");
        page.Headings.ShouldBe(["Body of Knowledge", "Personal Status"]);

        page.Tables[0].ShouldBe(
        [
            ["Topic", "Description", "Relevance", "Career Tracks"],
            ["Pydantic", "Data validation and settings management using Python type hints.", "High", "Backend, API"],
            ["Async Programming", "Asynchronous programming with async/await | event loops", "Medium", "Backend, API"],
            ["CLI Development", "Command-line interfaces with Typer or Click.", "Medium", "DevOps"],
        ]);
        page.Tables[1].ShouldBe(
        [
            ["Topic", "Level", "Evidence", "Active Projects", "Gaps"],
            [
                "Pydantic", "Advanced",
                "domus-api models: nested validators | computed fields; settings management: talk\non settings (https://example.com/talk)",
                "", "models, validators",
            ],
            [
                "Async Programming", "Intermediate", "asyncio.gather: asyncio.gather in domus-api", "",
                "async/await, httpx async client, async generators, asyncio.Queue",
            ],
        ]);

        var front = page.FrontMatter;
        front.Keys.ShouldBe(["id", "title", "desc", "updated", "created", "tags"]);
        front["id"].ShouldMatch("^[a-z0-9]{23}$");
        front["id"].ShouldBe(result.PageId);
        front["title"].ShouldBe("Python");
        front["updated"].ShouldBe(Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        front["created"].ShouldBe(front["updated"]);
        front["tags"].ShouldBe("competencies, python");
    }

    [Fact]
    public void Exporting_again_updates_the_page_in_place_and_keeps_what_the_person_wrote()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "page.md");
        var first = MarkdownExport.WriteFile(SampleStatus(Now), path, new FixedTime(Now));
        var created = Parse(File.ReadAllText(path)).FrontMatter["created"];

        // The person adds a field, a paragraph above the tables and a section below them.
        var text = File.ReadAllText(path)
            .Replace("tags: [competencies, python]\n", "tags: [competencies, python]\nmood: curious  # my own\n", StringComparison.Ordinal)
            .Replace(MarkdownExport.BeginMarker, "My own intro.\n\n" + MarkdownExport.BeginMarker, StringComparison.Ordinal)
            + "\n## My plans\n\nLearn asyncio.Queue.\n";
        File.WriteAllText(path, text);

        var later = Now.AddDays(3);
        var status = PersonalStatus.Compute(
            Framework(), [Assess("cli", Level.Beginner, null, daysAgo: 0)], Array.Empty<ManualEvidence>(), new FixedTime(later));
        var second = MarkdownExport.WriteFile(status, path, new FixedTime(later));

        second.Outcome.ShouldBe(ExportOutcome.Updated);
        second.PageId.ShouldBe(first.PageId);
        var updated = File.ReadAllText(path);
        var page = Parse(updated);
        page.FrontMatter["id"].ShouldBe(first.PageId);
        page.FrontMatter["created"].ShouldBe(created);
        page.FrontMatter["updated"].ShouldBe(later.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.FrontMatter["mood"].ShouldBe("curious");
        updated.ShouldContain("mood: curious  # my own\n");
        updated.ShouldContain("My own intro.\n\n" + MarkdownExport.BeginMarker);
        updated.ShouldEndWith(MarkdownExport.EndMarker + "\n\n## My plans\n\nLearn asyncio.Queue.\n");
        page.Tables[1].Skip(1).Select(row => row[0]).ShouldBe(["CLI Development"], "the region shows the new status");
        updated.Split(MarkdownExport.BeginMarker).Length.ShouldBe(2, "one generated region");
        Directory.GetFiles(temp.Path).ShouldBe([path], "no temporary file left");
    }

    [Fact]
    public void A_note_without_a_region_keeps_its_text_and_gets_the_region_at_its_end()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "note.md");
        File.WriteAllText(path, "---\nid: abc\ncreated: 5\n---\n## My note\n\nSome text.\n");

        var result = MarkdownExport.WriteFile(SampleStatus(Now), path, new FixedTime(Now));

        result.Outcome.ShouldBe(ExportOutcome.Appended);
        result.PageId.ShouldBe("abc");
        var text = File.ReadAllText(path);
        text.ShouldStartWith("---\nid: abc\ncreated: 5\ntitle: 'Python'\n");
        text.ShouldContain("---\n## My note\n\nSome text.\n\n" + MarkdownExport.BeginMarker);
        Parse(text).Tables.Count.ShouldBe(2);
    }

    [Fact]
    public void Broken_markers_or_front_matter_leave_the_file_untouched()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "note.md");
        var original = "---\nid: abc\n---\ntext\n" + MarkdownExport.BeginMarker + "\nhalf a region\n";
        File.WriteAllText(path, original);

        var result = MarkdownExport.WriteFile(SampleStatus(Now), path, new FixedTime(Now));

        result.Outcome.ShouldBe(ExportOutcome.Failed);
        result.Error.ShouldBe($"{path}: line 5: '{MarkdownExport.BeginMarker}' has no '{MarkdownExport.EndMarker}' after it; fix the markers or remove them");
        File.ReadAllText(path).ShouldBe(original);

        File.WriteAllText(path, "---\nid: [abc\n---\ntext\n");
        var broken = MarkdownExport.WriteFile(SampleStatus(Now), path, new FixedTime(Now));
        broken.Outcome.ShouldBe(ExportOutcome.Failed);
        broken.Error!.ShouldContain("the front matter is not valid YAML");
    }

    [Fact]
    public void Code_evidence_fills_the_level_evidence_and_active_projects_cells()
    {
        var status = PersonalStatus.Compute(
            Framework(),
            [Assess("async", Level.Advanced, null, daysAgo: 1)],
            [
                Code("async", "async.await", "domus-api", "app/main.py", 3, daysAgo: 10),
                Code("async", "async.gather", "domus-api", "app/main.py", 14, daysAgo: 10),
                Code("async", "async.httpx", "domus-api", "app/client.py", 7, daysAgo: 30),
                Code("async", "async.queue", "netapi", "worker.py", 22, daysAgo: 20),
            ],
            new FixedTime(Now));

        var page = MarkdownExport.RenderRegion(status);

        page.ShouldContain(
            "| Async Programming | Intermediate (self: Advanced)<br>(skills: 1 Advanced, 2 Intermediate, 1 Beginner; 4 places in 3 files, 2 repositories; 2025-06-20 to 2025-07-10) | async/await and asyncio.gather in domus-api, 2 files; asyncio.Queue in netapi, 1 file | domus-api, netapi | async generators |\n");
    }

    [Fact]
    public void One_place_is_one_place_not_one_places()
    {
        var status = PersonalStatus.Compute(
            Framework(), [], [Code("async", "async.await", "domus-api", "app/main.py", 3, daysAgo: 10)], new FixedTime(Now));

        MarkdownExport.StrengthText(status.Topics.Single(t => t.Id == "async").Strength)
            .ShouldEndWith("; 1 place in 1 file, 1 repository; 2025-07-10");
    }

    [Theory]
    [InlineData("a | b", "a \\| b")]
    [InlineData("two\nlines", "two<br>lines")]
    [InlineData("  padded\r\n\r\n  text  ", "padded<br>text")]
    [InlineData("plain", "plain")]
    public void Cells_are_escaped(string text, string expected) => MarkdownExport.EscapeCell(text).ShouldBe(expected);

    private sealed record ParsedPage(
        Dictionary<string, string> FrontMatter, string Title, List<string> Headings, List<List<string[]>> Tables);

    /// <summary>Reads a page back with Markdig: front matter keys in order (sequences joined by ", "),
    /// the H1, the H2s, and every table as rows of cell texts (a &lt;br&gt; read as a line break).</summary>
    private static ParsedPage Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var front = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.OfType<YamlFrontMatterBlock>().FirstOrDefault() is { } block)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(block.Lines.ToString()));
            foreach (var (key, value) in (YamlMappingNode)stream.Documents[0].RootNode)
            {
                front[((YamlScalarNode)key).Value!] = value is YamlSequenceNode sequence
                    ? string.Join(", ", sequence.Children.Select(c => ((YamlScalarNode)c).Value))
                    : ((YamlScalarNode)value).Value ?? "";
            }
        }

        var headings = document.Descendants<HeadingBlock>().ToList();
        var tables = document.Descendants<Table>()
            .Select(table => table.OfType<TableRow>()
                .Select(row => row.OfType<TableCell>().Select(CellText).ToArray())
                .ToList())
            .ToList();
        return new ParsedPage(
            front,
            InlineText(headings.Single(h => h.Level == 1).Inline),
            headings.Where(h => h.Level == 2).Select(h => InlineText(h.Inline)).ToList(),
            tables);
    }

    private static string CellText(TableCell cell) =>
        string.Concat(cell.OfType<LeafBlock>().Select(b => InlineText(b.Inline)));

    private static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var item in inline?.Descendants<Inline>() ?? [])
        {
            switch (item)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlInline { Tag: "<br>" }:
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }
}
