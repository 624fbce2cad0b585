using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Skillprint.Core.Status;

/// <summary>
/// Writes a <see cref="PersonalStatus"/> as JSON for scripts, in the shape docs/status-json.md
/// documents: every key is always present (null when it has no value), keys are camelCase, levels are
/// their names ("None" included), dates are ISO 8601 with offset. A summary by default: each topic's
/// evidence is counted (<c>evidenceCount</c>) and its items are written only when asked for
/// (<c>evidence</c> is null otherwise), since a person with thousands of code hits would otherwise
/// get a page of them with every status.
/// </summary>
public static class StatusJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(PersonalStatus status, bool withEvidence = false) => Encoding.UTF8.GetString(WriteBytes(status, withEvidence));

    /// <summary>The JSON as UTF-8 bytes (what an HTTP answer sends).</summary>
    public static byte[] WriteBytes(PersonalStatus status, bool withEvidence = false)
    {
        using var stream = new MemoryStream();
        Write(status, stream, withEvidence);
        return stream.ToArray();
    }

    public static void Write(PersonalStatus status, Stream stream, bool withEvidence = false)
    {
        ArgumentNullException.ThrowIfNull(status);
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteStartObject("framework");
        json.WriteString("id", status.FrameworkId);
        json.WriteString("name", status.FrameworkName);
        json.WriteString("breadcrumb", status.Breadcrumb);
        json.WriteEndObject();
        WriteNullable(json, "person", status.Person);
        json.WriteString("generatedAt", status.GeneratedAt);
        json.WriteStartArray("topics");
        foreach (var topic in status.Topics)
        {
            WriteTopic(json, topic, withEvidence);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTopic(Utf8JsonWriter json, TopicStatus topic, bool withEvidence)
    {
        json.WriteStartObject();
        json.WriteString("id", topic.Id);
        json.WriteString("name", topic.Name);
        json.WriteString("relevance", topic.Relevance);
        json.WriteStartArray("tracks");
        foreach (var track in topic.Tracks)
        {
            json.WriteStartObject();
            json.WriteString("id", track.Id);
            json.WriteString("name", track.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("selfLevel", topic.SelfLevel.ToString());
        WriteNullable(json, "selfNote", topic.SelfNote);
        if (topic.SelfAssessedAt is { } at)
        {
            json.WriteString("selfAssessedAt", at);
        }
        else
        {
            json.WriteNull("selfAssessedAt");
        }

        json.WriteNumber("assessments", topic.AssessmentCount);
        json.WriteString("evidencedLevel", topic.EvidencedLevel.ToString());
        json.WriteString("level", topic.CurrentLevel.ToString());
        WriteStrength(json, topic.Strength);
        json.WriteStartObject("evidenceCount");
        var code = topic.Evidence.Count(e => e.Kind == EvidenceKind.Code);
        json.WriteNumber("manual", topic.Evidence.Count - code);
        json.WriteNumber("code", code);
        json.WriteEndObject();
        if (withEvidence)
        {
            json.WriteStartArray("evidence");
            foreach (var item in topic.Evidence)
            {
                WriteEvidence(json, item);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("evidence");
        }

        json.WriteStartArray("activeProjects");
        foreach (var project in topic.ActiveProjects)
        {
            json.WriteStringValue(project);
        }

        json.WriteEndArray();
        json.WriteStartArray("gaps");
        foreach (var gap in topic.Gaps)
        {
            json.WriteStartObject();
            json.WriteString("id", gap.Id);
            json.WriteString("name", gap.Name);
            json.WriteString("level", gap.Level.ToString());
            json.WriteStartArray("alternatives");
            foreach (var alternative in gap.Alternatives)
            {
                json.WriteStringValue(alternative);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The strength of the code evidence: skills shown per level, places, files,
    /// repositories, first and last date (null without code evidence).</summary>
    public static void WriteStrength(Utf8JsonWriter json, EvidenceStrength strength)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(strength);
        json.WriteStartObject("strength");
        json.WriteStartObject("skills");
        foreach (var count in strength.SkillsPerLevel)
        {
            json.WriteNumber(count.Level.ToString(), count.Skills);
        }

        json.WriteEndObject();
        json.WriteStartObject("deep");
        foreach (var count in strength.SkillsPerLevel)
        {
            json.WriteNumber(count.Level.ToString(), count.Deep);
        }

        json.WriteEndObject();
        json.WriteNumber("places", strength.Places);
        json.WriteNumber("files", strength.Files);
        json.WriteNumber("repositories", strength.Repositories);
        WriteDate(json, "first", strength.First);
        WriteDate(json, "last", strength.Last);
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            json.WriteString(name, at);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteEvidence(Utf8JsonWriter json, EvidenceItem item)
    {
        json.WriteStartObject();
        json.WriteString("kind", item.Kind == EvidenceKind.Manual ? "manual" : "code");
        if (item.Id is { } id)
        {
            json.WriteNumber("id", id);
        }
        else
        {
            json.WriteNull("id");
        }

        WriteNullable(json, "skill", item.Skill);
        WriteNullable(json, "skillName", item.SkillName);
        json.WriteString("at", item.At);
        WriteNullable(json, "link", item.Link);
        WriteNullable(json, "note", item.Note);
        if (item.Code is { } code)
        {
            json.WriteStartObject("code");
            json.WriteString("repository", code.Repository);
            json.WriteString("path", code.Path);
            json.WriteNumber("line", code.Line);
            WriteNullable(json, "author", code.Author);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("code");
        }

        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
