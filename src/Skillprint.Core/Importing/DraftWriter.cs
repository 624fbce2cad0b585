using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Skillprint.Core.Importing;

/// <summary>Writes a <see cref="DraftFramework"/> as a framework folder in the format of
/// docs/framework-format.md: framework.yaml, topics/, roadmaps/, practice/.</summary>
internal static partial class DraftWriter
{
    public static void WriteTo(DraftFramework draft, string directory)
    {
        Directory.CreateDirectory(directory);
        var header = new StringBuilder();
        foreach (var note in draft.Notes)
        {
            header.Append("# ").Append(note.Replace('\n', ' ')).Append('\n');
        }

        header.Append("# Relevance and tracks below are placeholders: set them, then run `skillprint framework validate`.\n");
        WriteText(Path.Combine(directory, "framework.yaml"), header + Yaml(FrameworkNode(draft)));

        var topics = Directory.CreateDirectory(Path.Combine(directory, "topics")).FullName;
        foreach (var topic in draft.Topics)
        {
            var front = Map(
                ("id", Str(topic.Id)),
                ("name", Str(topic.Name)),
                ("description", Str(topic.Description)),
                ("relevance", Str(topic.Relevance)),
                ("tracks", Seq(topic.Tracks.Select(Str))));
            var body = topic.Body.Length == 0 ? "" : topic.Body.TrimEnd() + "\n";
            WriteText(Path.Combine(topics, topic.Id + ".md"), $"---\n{Yaml(front)}---\n{body}");
        }

        if (draft.Roadmaps.Count > 0)
        {
            var roadmaps = Directory.CreateDirectory(Path.Combine(directory, "roadmaps")).FullName;
            foreach (var roadmap in draft.Roadmaps)
            {
                var node = Map(
                    ("id", Str(roadmap.Id)),
                    ("name", Str(roadmap.Name)),
                    ("description", roadmap.Description is null ? null : Str(roadmap.Description)),
                    ("stages", Seq(roadmap.Stages.Select(s => Map(
                        ("id", Str(s.Id)),
                        ("name", Str(s.Name)),
                        ("why", s.Why is null ? null : Str(s.Why)))))));
                WriteText(Path.Combine(roadmaps, roadmap.Id + ".yaml"), Yaml(node));
            }
        }

        if (!draft.Practice.IsEmpty)
        {
            var practice = Directory.CreateDirectory(Path.Combine(directory, "practice")).FullName;
            var p = draft.Practice;
            var node = Map(
                ("topic", Str(p.Topic)),
                ("cards", p.Cards.Count == 0 ? null : Seq(p.Cards.Select(c => Map(
                    ("id", Str(c.Id)),
                    ("question", Str(c.Question)),
                    ("answer", c.Answer is null ? null : Str(c.Answer)))))),
                ("tasks", p.Tasks.Count == 0 ? null : Seq(p.Tasks.Select(t => Map(
                    ("id", Str(t.Id)),
                    ("title", Str(t.Title)),
                    ("description", t.Description is null ? null : Str(t.Description)),
                    ("acceptance", Seq(t.Acceptance.Select(Str))))))),
                ("challenges", p.Challenges.Count == 0 ? null : Seq(p.Challenges.Select(c => Map(
                    ("id", Str(c.Id)),
                    ("level", Str(c.Level)),
                    ("title", Str(c.Title)),
                    ("description", Str(c.Description)),
                    ("acceptance", Seq(c.Acceptance.Select(Str))))))));
            WriteText(Path.Combine(practice, p.Topic + ".yaml"), Yaml(node));
        }
    }

    private static YamlMappingNode FrameworkNode(DraftFramework draft) => Map(
        ("id", Str(draft.Id)),
        ("name", Str(draft.Name)),
        ("breadcrumb", Str(draft.Breadcrumb)),
        ("description", draft.Description is null ? null : Str(draft.Description)),
        ("levels", Seq(
            Level("Beginner", "Writes working code with the basics, with help at hand."),
            Level("Intermediate", "Works on their own with the common tools and idioms."),
            Level("Advanced", "Designs with the advanced features and knows their trade-offs."),
            Level("Expert", "Shapes how others work: deep internals, reviews, teaching."))),
        ("relevance", Seq(
            Relevance("Critical", 4, "Advanced"),
            Relevance("High", 3, "Intermediate"),
            Relevance("Medium", 2, "Intermediate"),
            Relevance("Low", 1, "Beginner"))),
        ("tracks", Seq(draft.Tracks.Select(t => Map(("id", Str(t.Id)), ("name", Str(t.Name)))))),
        ("topics", Seq(draft.Topics.Select(t => Str(t.Id)))));

    private static YamlMappingNode Level(string name, string description) =>
        Map(("name", Str(name)), ("description", Str(description)));

    private static YamlMappingNode Relevance(string name, int weight, string target) =>
        Map(("name", Str(name)), ("weight", Number(weight)), ("target", Str(target)));

    private static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var node = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                node.Add(new YamlScalarNode(key), value);
            }
        }

        return node;
    }

    private static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    private static YamlSequenceNode Seq(params YamlNode[] items) => new(items);

    private static YamlScalarNode Number(int value) =>
        new(value.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    /// <summary>A string scalar that reads back as the same string: multi-line text as a literal block,
    /// and quoted whenever a plain scalar could be read as something else (true, null, 10, "- x").</summary>
    private static YamlScalarNode Str(string value)
    {
        var style = value.Contains('\n', StringComparison.Ordinal) && !value.EndsWith(' ')
            ? ScalarStyle.Literal
            : NeedsQuotes().IsMatch(value) || value.Length == 0 ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        return new YamlScalarNode(value) { Style = style };
    }

    [GeneratedRegex(@"^(?:true|false|yes|no|on|off|y|n|null|~|[-+.0-9].*|.*[:#].*|[\s'""`!&*?|>%@\[\]{},].*|.*\s)$", RegexOptions.IgnoreCase)]
    private static partial Regex NeedsQuotes();

    private static string Yaml(YamlNode root)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        // YamlDotNet ends a saved stream with "..." (document end); the format needs none.
        if (text.EndsWith("...\n", StringComparison.Ordinal))
        {
            text = text[..^4];
        }

        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static void WriteText(string path, string text) =>
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
