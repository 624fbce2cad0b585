using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Skillprint.Core.Frameworks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Skillprint.Core.Importing;

/// <summary>Reads a Markdown note (YAML front matter, headings, pipe tables, lists, code blocks) into a
/// <see cref="DraftFramework"/>. The mapping is described in docs/markdown-import.md.</summary>
internal static partial class NoteReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    /// <summary>Placeholder relevance of every imported topic: the person sets the real one.</summary>
    public const string DraftRelevance = "Medium";

    /// <summary>The acceptance criterion of a task or challenge whose note gives none.</summary>
    public const string DoneAsDescribed = "Done as described";

    private enum SectionKind
    {
        Overview,
        MainTopicSection,
        Topic,
        Roadmap,
        Tasks,
        Challenges,
        Cards,
    }

    private sealed record Section(string Heading, IReadOnlyList<Block> Blocks, int Line);

    public static ImportReadResult Read(string markdown, string path)
    {
        var text = NoteText.RepairMojibake(markdown.Replace("\r\n", "\n", StringComparison.Ordinal));
        var document = Markdown.Parse(text, Pipeline);
        var errors = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();

        var frontMatterBlock = document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        var frontMatter = frontMatterBlock is null
            ? new Dictionary<string, YamlNode>(StringComparer.Ordinal)
            : ReadFrontMatter(frontMatterBlock, path, errors);
        if (errors.Count > 0)
        {
            return new ImportReadResult(null, errors);
        }

        var blocks = document.Where(b => b is not YamlFrontMatterBlock).ToList();

        // A single level-1 heading at the top is the note's title, not a section.
        string? headingTitle = null;
        if (blocks.Count > 0 && blocks[0] is HeadingBlock { Level: 1 } first
            && blocks.OfType<HeadingBlock>().Count(h => h.Level == 1) == 1)
        {
            headingTitle = NoteText.StripDecoration(InlineText(first.Inline, keepCode: false));
            blocks.RemoveAt(0);
        }

        var (preamble, sections) = SplitSections(blocks);

        var stem = Path.GetFileNameWithoutExtension(path);
        var title = Scalar(frontMatter, "title") ?? Scalar(frontMatter, "name") ?? headingTitle;
        var name = string.IsNullOrWhiteSpace(title) ? NoteText.Humanize(stem) : title.Trim();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var subjectId = new[] { NoteText.ToId(name), NoteText.ToId(stem), "imported" }.First(id => id.Length > 0);
        var frameworkId = DraftId(subjectId, !string.IsNullOrWhiteSpace(title) && NoteText.ToId(name).Length > 0 ? "the title" : "the file name", NoteText.ToId(stem), path, warnings);
        var group = Scalar(frontMatter, "group");
        var track = string.IsNullOrWhiteSpace(group) || NoteText.ToId(group).Length == 0
            ? new DraftTrack("general", "General")
            : new DraftTrack(NoteText.ToId(group), NoteText.Humanize(group.Trim()));

        var kinds = sections.Select(s => (Section: s, Kind: Classify(s))).ToList();
        var overview = kinds.FirstOrDefault(k => k.Kind == SectionKind.Overview).Section;

        // The framework: its description is the note's own (desc/description), else its overview.
        var noteDescription = NonEmpty(Scalar(frontMatter, "desc")) ?? NonEmpty(Scalar(frontMatter, "description"));
        var overviewMarkdown = overview is null ? null : NonEmpty(Source(text, overview.Blocks));
        var preambleMarkdown = NonEmpty(Source(text, preamble));
        var frameworkDescription = noteDescription ?? overviewMarkdown ?? preambleMarkdown;

        // The main topic holds the note's own subject: preamble, overview and the sections that are about
        // the note rather than a topic of their own (cheat sheets, tips, recommendations), code included.
        var mainId = NoteText.Unique(subjectId, "main", ids);
        var body = new StringBuilder();
        AppendPart(body, preambleMarkdown);
        foreach (var (section, kind) in kinds)
        {
            if (kind is SectionKind.Overview or SectionKind.MainTopicSection)
            {
                AppendPart(body, $"## {section.Heading}\n\n{Source(text, section.Blocks)}".TrimEnd());
            }
        }

        var mainDescriptionSource = noteDescription
            ?? FirstParagraphText(overview?.Blocks ?? preamble)
            ?? name;
        var topics = new List<DraftTopic>
        {
            new(mainId, name, NoteText.FirstSentence(mainDescriptionSource), DraftRelevance, [track.Id], body.ToString().TrimEnd()),
        };

        var roadmaps = new List<DraftRoadmap>();
        var cards = new List<DraftCard>();
        var tasks = new List<DraftTask>();
        var challenges = new List<DraftChallenge>();
        foreach (var (section, kind) in kinds)
        {
            switch (kind)
            {
                case SectionKind.Topic:
                    var topicId = NoteText.Unique(NoteText.ToId(section.Heading, 5), "topic", ids);
                    var description = FirstParagraphText(section.Blocks) is { } paragraph
                        ? NoteText.FirstSentence(paragraph)
                        : section.Heading;
                    topics.Add(new DraftTopic(
                        topicId, section.Heading, description, DraftRelevance, [track.Id], Source(text, section.Blocks)));
                    break;
                case SectionKind.Roadmap:
                    if (ReadRoadmap(section, name, ids) is { Stages.Count: > 0 } roadmap)
                    {
                        roadmaps.Add(roadmap);
                    }

                    break;
                case SectionKind.Tasks:
                    tasks.AddRange(ReadTasks(section, mainId, ids));
                    break;
                case SectionKind.Challenges:
                    challenges.AddRange(ReadChallenges(section, mainId, ids, path, warnings));
                    break;
                case SectionKind.Cards:
                    cards.AddRange(ReadCards(section, mainId, ids));
                    break;
            }
        }

        var notes = new List<string> { $"Draft imported from {Path.GetFileName(path)} by `skillprint import`." };
        foreach (var (key, value) in frontMatter)
        {
            if (key is "title" or "desc" or "description")
            {
                continue;
            }

            notes.Add($"note {key}: {Flatten(value)}");
        }

        var breadcrumb = string.IsNullOrWhiteSpace(group) ? $"Imported > {name}" : $"{track.Name} > {name}";
        var draft = new DraftFramework(
            frameworkId,
            name,
            breadcrumb,
            frameworkDescription,
            [track],
            topics,
            roadmaps,
            new DraftPractice(mainId, cards, tasks, challenges),
            notes,
            warnings);
        return new ImportReadResult(draft, []);
    }

    /// <summary>
    /// The draft's id: the note's own, unless a built-in framework has it (a draft called 'python' would
    /// be confused with the built-in one wherever a framework is named by id); then the note's file
    /// name, else the id with '-draft' added. A warning says which id the draft got and why.
    /// </summary>
    private static string DraftId(string wanted, string givenBy, string fileId, string path, List<ImportProblem> warnings)
    {
        if (!BuiltInFrameworks.Names.Contains(wanted, StringComparer.Ordinal))
        {
            return wanted;
        }

        var fromFile = fileId.Length > 0 && !BuiltInFrameworks.Names.Contains(fileId, StringComparer.Ordinal);
        var id = fromFile ? fileId : $"{wanted}-draft";
        while (BuiltInFrameworks.Names.Contains(id, StringComparer.Ordinal))
        {
            id += "-draft";
        }

        var how = fromFile ? $"'{id}' (from the note's file name)" : $"'{id}'";
        warnings.Add(new ImportProblem(path, 0, 0, $"{givenBy} gives the id '{wanted}', which is a built-in framework's; the draft's id is {how} (edit 'id' in its framework.yaml to choose another)"));
        return id;
    }

    private static Dictionary<string, YamlNode> ReadFrontMatter(YamlFrontMatterBlock block, string path, List<ImportProblem> errors)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        // The block's first line is the opening "---"; YAML line 1 is the line after it.
        var yamlText = block.Lines.ToString();
        var firstLine = block.Line + 2;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yamlText));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return result;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(new ImportProblem(path, firstLine, 1, "front matter must be a YAML mapping (key: value lines)"));
                return result;
            }

            foreach (var (key, value) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: { } name })
                {
                    result[name.Trim().ToLowerInvariant()] = value;
                }
            }
        }
        catch (YamlException e)
        {
            var line = firstLine + (int)Math.Max(0, e.Start.Line - 1);
            errors.Add(new ImportProblem(path, line, (int)Math.Max(1, e.Start.Column), $"front matter is not valid YAML: {e.Message}"));
        }

        return result;
    }

    private static string? Scalar(Dictionary<string, YamlNode> frontMatter, string key) =>
        frontMatter.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Flatten(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => string.Join(", ", sequence.Children.Select(Flatten)),
        YamlMappingNode mapping => string.Join(", ", mapping.Children.Select(kv => $"{Flatten(kv.Key)}={Flatten(kv.Value)}")),
        _ => "",
    };

    private static void AppendPart(StringBuilder body, string? part)
    {
        if (string.IsNullOrWhiteSpace(part))
        {
            return;
        }

        if (body.Length > 0)
        {
            body.Append("\n\n");
        }

        body.Append(part.Trim());
    }

    private static (List<Block> Preamble, List<Section> Sections) SplitSections(List<Block> blocks)
    {
        var headings = blocks.OfType<HeadingBlock>().ToList();
        var preamble = new List<Block>();
        var sections = new List<Section>();
        if (headings.Count == 0)
        {
            preamble.AddRange(blocks);
            return (TrimBreaks(preamble), sections);
        }

        var level = headings.Min(h => h.Level);
        string? heading = null;
        var line = 0;
        var current = preamble;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock h && h.Level == level)
            {
                if (heading is not null)
                {
                    sections.Add(new Section(heading, TrimBreaks(current), line));
                }

                var raw = InlineText(h.Inline, keepCode: false);
                heading = NoteText.StripDecoration(raw) is { Length: > 0 } clean ? clean
                    : raw.Length > 0 ? raw : $"Section {sections.Count + 1}";
                line = h.Line + 1;
                current = [];
                continue;
            }

            current.Add(block);
        }

        if (heading is not null)
        {
            sections.Add(new Section(heading, TrimBreaks(current), line));
        }

        return (TrimBreaks(preamble), sections);
    }

    private static List<Block> TrimBreaks(List<Block> blocks)
    {
        var start = 0;
        var end = blocks.Count;
        while (start < end && blocks[start] is ThematicBreakBlock)
        {
            start++;
        }

        while (end > start && blocks[end - 1] is ThematicBreakBlock)
        {
            end--;
        }

        return blocks.GetRange(start, end - start);
    }

    private static SectionKind Classify(Section section)
    {
        var heading = section.Heading.ToLowerInvariant();
        var headingWords = NoteText.ToId(heading, int.MaxValue).Split('-');
        // A heading "has" a word when one of its words starts with it ("Tasks" has "task"; "Multiple" has no "tip").
        bool Has(params string[] words) =>
            words.Any(w => w.Contains('&', StringComparison.Ordinal)
                ? heading.Contains(w, StringComparison.Ordinal)
                : headingWords.Any(h => h.StartsWith(w, StringComparison.Ordinal)));
        var table = section.Blocks.OfType<Table>().FirstOrDefault();
        var header = table is null ? [] : HeaderCells(table);
        var firstHeader = header.Count > 0 ? header[0].ToLowerInvariant() : "";

        if (table is not null && (Has("roadmap") || firstHeader.Contains("stage", StringComparison.Ordinal)))
        {
            return SectionKind.Roadmap;
        }

        if (table is not null && Has("challenge"))
        {
            return SectionKind.Challenges;
        }

        if (table is not null && Has("task", "exercise"))
        {
            return SectionKind.Tasks;
        }

        var listItems = section.Blocks.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()).ToList();
        if (listItems.Count > 0
            && (Has("interview", "q&a", "question", "quiz")
                || listItems.Any(item => QuestionMarker().IsMatch(ItemText(item)))))
        {
            return SectionKind.Cards;
        }

        if (Has("overview", "introduction", "about", "summary"))
        {
            return SectionKind.Overview;
        }

        if (Has("cheat", "tip", "philosoph", "recommend", "next", "resource", "reference", "note", "conclusion",
                "further", "reading", "link"))
        {
            return SectionKind.MainTopicSection;
        }

        return SectionKind.Topic;
    }

    private static DraftRoadmap ReadRoadmap(Section section, string frameworkName, HashSet<string> ids)
    {
        var table = section.Blocks.OfType<Table>().First();
        var header = HeaderCells(table).Select(h => h.ToLowerInvariant()).ToList();
        var stageColumn = FindColumn(header, -1, "stage", "step", "#", "no");
        var nameColumn = FindColumn(header, -1, "focus", "area", "topic", "name", "what", "title");
        if (nameColumn < 0)
        {
            nameColumn = Enumerable.Range(0, header.Count).FirstOrDefault(i => i != stageColumn, 0);
        }

        var whyColumn = FindColumn(header, -1, "why", "reason", "goal", "outcome", "purpose");
        if (whyColumn < 0)
        {
            whyColumn = Enumerable.Range(0, header.Count).FirstOrDefault(i => i != stageColumn && i > nameColumn, -1);
        }

        var name = section.Heading.StartsWith(frameworkName, StringComparison.OrdinalIgnoreCase)
            ? section.Heading
            : $"{frameworkName} {section.Heading}";
        var id = NoteText.Unique(NoteText.ToId(name, 6), "roadmap", ids);
        var stageIds = new HashSet<string>(StringComparer.Ordinal);
        var stages = new List<DraftStage>();
        foreach (var row in BodyRows(table))
        {
            var stageName = NoteText.StripDecoration(Cell(row, nameColumn, keepCode: true));
            if (stageName.Length == 0)
            {
                continue;
            }

            var why = NonEmpty(NoteText.StripDecoration(Cell(row, whyColumn, keepCode: true)));
            var stageId = NoteText.Unique(NoteText.ToId(stageName, 6), $"stage-{stages.Count + 1}", stageIds);
            stages.Add(new DraftStage(stageId, stageName, why));
        }

        return new DraftRoadmap(id, name, null, stages);
    }

    private static IEnumerable<DraftTask> ReadTasks(Section section, string topic, HashSet<string> ids)
    {
        foreach (var table in section.Blocks.OfType<Table>())
        {
            var header = HeaderCells(table).Select(h => h.ToLowerInvariant()).ToList();
            var titleColumn = FindColumn(header, 0, "task", "title", "name", "exercise");
            var descriptionColumn = FindColumn(header, -1, "description", "detail", "how", "notes");
            var acceptanceColumn = FindColumn(header, -1, "acceptance", "done", "criteria", "check");
            foreach (var row in BodyRows(table))
            {
                var title = NoteText.StripDecoration(Cell(row, titleColumn, keepCode: true));
                if (title.Length == 0)
                {
                    continue;
                }

                var description = NonEmpty(NoteText.StripDecoration(Cell(row, descriptionColumn, keepCode: true)));
                var acceptance = NonEmpty(Cell(row, acceptanceColumn, keepCode: true)) ?? DoneAsDescribed;
                var id = NoteText.Unique($"{topic}.{NoteText.ToId(title, 6)}", $"{topic}.task", ids);
                yield return new DraftTask(id, title, description, [acceptance]);
            }
        }
    }

    private static readonly (string Word, string Level)[] ChallengeLevels =
    [
        ("black belt", "Black Belt"), ("blackbelt", "Black Belt"), ("master", "Black Belt"),
        ("intermediate", "Intermediate"), ("medium", "Intermediate"),
        ("expert", "Expert"), ("advanced", "Expert"), ("hard", "Expert"),
        ("easy", "Easy"), ("beginner", "Easy"), ("basic", "Easy"),
    ];

    private static readonly string[] LevelsInOrder = ["Easy", "Intermediate", "Expert", "Black Belt"];

    private static IEnumerable<DraftChallenge> ReadChallenges(
        Section section, string topic, HashSet<string> ids, string path, List<ImportProblem> warnings)
    {
        var index = 0;
        foreach (var table in section.Blocks.OfType<Table>())
        {
            var header = HeaderCells(table).Select(h => h.ToLowerInvariant()).ToList();
            var levelColumn = FindColumn(header, 0, "level", "tier", "difficulty", "rank");
            var textColumn = FindColumn(header, -1, "challenge", "task", "title", "description");
            if (textColumn < 0)
            {
                textColumn = levelColumn == 0 && header.Count > 1 ? 1 : 0;
            }

            foreach (var row in BodyRows(table))
            {
                var text = NoteText.StripDecoration(Cell(row, textColumn, keepCode: true));
                if (text.Length == 0)
                {
                    continue;
                }

                var levelCell = Cell(row, levelColumn, keepCode: false);
                var levelText = NoteText.StripDecoration(levelCell).ToLowerInvariant();
                var level = ChallengeLevels.FirstOrDefault(l => levelText.Contains(l.Word, StringComparison.Ordinal)).Level;
                if (level is null)
                {
                    level = LevelsInOrder[Math.Min(index, LevelsInOrder.Length - 1)];
                    warnings.Add(new ImportProblem(
                        path, row.Line + 1, 1,
                        $"challenge level '{levelCell}' is none of Easy, Intermediate, Expert, Black Belt; set to {level} by its place"));
                }

                var title = NoteText.FirstSentence(text, 120).TrimEnd('.');
                var id = NoteText.Unique($"{topic}.{NoteText.ToId(title, 6)}", $"{topic}.challenge", ids);
                index++;
                yield return new DraftChallenge(id, level, title, text, [DoneAsDescribed]);
            }
        }
    }

    private static IEnumerable<DraftCard> ReadCards(Section section, string topic, HashSet<string> ids)
    {
        var pending = new List<(string Question, string? Answer)>();
        foreach (var item in section.Blocks.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()))
        {
            // Each paragraph of the item; a line starting with "A:" inside a paragraph starts a new one.
            var paragraphs = new List<string>();
            foreach (var paragraph in item.OfType<ParagraphBlock>())
            {
                var lines = InlineLines(paragraph.Inline, keepCode: true);
                var start = paragraphs.Count;
                foreach (var line in lines)
                {
                    if (paragraphs.Count == start || AnswerMarker().IsMatch(line))
                    {
                        paragraphs.Add(line);
                    }
                    else
                    {
                        paragraphs[^1] += " " + line;
                    }
                }
            }

            if (paragraphs.Count == 0)
            {
                continue;
            }

            var first = paragraphs[0];
            if (AnswerMarker().Match(first) is { Success: true } answerOnly && pending.Count > 0 && pending[^1].Answer is null)
            {
                pending[^1] = (pending[^1].Question, first[answerOnly.Length..].Trim());
                continue;
            }

            var question = QuestionMarker().Replace(first, "").Trim();
            string? answer = null;
            var answerParagraph = paragraphs.Skip(1).FirstOrDefault(p => AnswerMarker().IsMatch(p));
            if (answerParagraph is not null)
            {
                answer = AnswerMarker().Replace(answerParagraph, "").Trim();
            }

            if (question.Length > 0)
            {
                pending.Add((question, answer));
            }
        }

        foreach (var (question, answer) in pending)
        {
            var id = NoteText.Unique($"{topic}.{NoteText.ToId(question, 6)}", $"{topic}.card", ids);
            yield return new DraftCard(id, question, NonEmpty(answer));
        }
    }

    [GeneratedRegex(@"^\s*Q\s*[:.]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionMarker();

    [GeneratedRegex(@"^\s*A\s*[:.]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerMarker();

    private static string ItemText(ListItemBlock item) =>
        item.OfType<ParagraphBlock>().FirstOrDefault() is { } p ? InlineText(p.Inline, keepCode: true) : "";

    private static int FindColumn(List<string> header, int fallback, params string[] words)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (words.Any(w => header[i].Contains(w, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return fallback;
    }

    public static List<string> HeaderCells(Table table) =>
        table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader) is { } header
            ? header.OfType<TableCell>().Select(c => CellText(c, keepCode: false)).ToList()
            : [];

    public static IEnumerable<TableRow> BodyRows(Table table) => table.OfType<TableRow>().Where(r => !r.IsHeader);

    private static string Cell(TableRow row, int column, bool keepCode) =>
        column >= 0 && column < row.Count && row[column] is TableCell cell ? CellText(cell, keepCode) : "";

    public static string CellText(TableCell cell, bool keepCode) =>
        string.Join(' ', cell.OfType<LeafBlock>().Select(b => InlineText(b.Inline, keepCode))).Trim();

    /// <summary>The first paragraph's text; one that ends in ':' and leads into a list ("Python is:") takes
    /// the list's first item with it.</summary>
    private static string? FirstParagraphText(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block is ParagraphBlock paragraph && InlineText(paragraph.Inline, keepCode: true) is { Length: > 0 } text)
            {
                if (text.EndsWith(':') && i + 1 < blocks.Count && blocks[i + 1] is ListBlock list
                    && list.OfType<ListItemBlock>().FirstOrDefault() is { } item && ItemText(item) is { Length: > 0 } first)
                {
                    return $"{text} {first}";
                }

                return text;
            }

            if (block is ListBlock)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The text of inlines as a person reads it: emphasis and links dropped, line breaks as spaces,
    /// code spans kept in backticks when <paramref name="keepCode"/> (they are Markdown in the draft).</summary>
    public static string InlineText(ContainerInline? inline, bool keepCode) => string.Join(' ', InlineLines(inline, keepCode));

    /// <summary>As <see cref="InlineText"/>, one string per line of the paragraph (spaces collapsed).</summary>
    private static List<string> InlineLines(ContainerInline? inline, bool keepCode)
    {
        var builder = new StringBuilder();
        Append(inline, builder, keepCode);
        return builder.ToString()
            .Split('\n')
            .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0)
            .ToList();
    }

    private static void Append(Inline? inline, StringBuilder builder, bool keepCode)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                builder.Append(keepCode ? $"`{code.Content}`" : code.Content);
                break;
            case LineBreakInline:
                builder.Append('\n');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case HtmlInline html:
                if (html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase))
                {
                    builder.Append(' ');
                }

                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, builder, keepCode);
                }

                break;
        }
    }

    /// <summary>The note's own Markdown for a run of blocks, exactly as written (code blocks included).</summary>
    private static string Source(string text, IReadOnlyList<Block> blocks)
    {
        if (blocks.Count == 0)
        {
            return "";
        }

        var start = blocks.Min(b => b.Span.Start);
        var end = blocks.Max(b => b.Span.End);
        return start < 0 || end < start ? "" : text[start..Math.Min(text.Length, end + 1)].Trim();
    }
}

/// <summary>The outcome of reading a note: a draft, or the errors that stopped it (with their places).</summary>
public sealed record ImportReadResult(DraftFramework? Draft, IReadOnlyList<ImportProblem> Errors);
