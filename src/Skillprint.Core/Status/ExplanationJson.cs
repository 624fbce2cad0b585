using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skillprint.Core.Status;

/// <summary>
/// Why a topic's level is what it is, as JSON: the topic, the one-or-two-sentence reason, the
/// strength, each level's needs and what the code has, every skill with its places, and the gaps.
/// One contract for the CLI and the server.
/// </summary>
public static class ExplanationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The JSON of `status --explain TOPIC --format json` (and of the API's explanation).</summary>
    public static string Write(TopicExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var value = new
        {
            topic = explanation.Status.Id,
            name = explanation.Status.Name,
            selfLevel = explanation.Status.SelfLevel.ToString(),
            evidencedLevel = explanation.Status.EvidencedLevel.ToString(),
            why = explanation.Why,
            strength = new
            {
                skills = explanation.Status.Strength.SkillsPerLevel.ToDictionary(c => c.Level.ToString(), c => c.Skills),
                deep = explanation.Status.Strength.SkillsPerLevel.ToDictionary(c => c.Level.ToString(), c => c.Deep),
                places = explanation.Status.Strength.Places,
                files = explanation.Status.Strength.Files,
                repositories = explanation.Status.Strength.Repositories,
                first = explanation.Status.Strength.First,
                last = explanation.Status.Strength.Last,
            },
            levels = explanation.Checks.Select(c => new
            {
                level = c.Level.ToString(),
                reached = c.Reached,
                needs = new { skills = c.Need.Skills, places = c.Need.Places, files = c.Need.Files },
                has = new { skills = c.Skills, places = c.Places, files = c.Files },
            }),
            skills = explanation.Skills.Select(s => new
            {
                id = s.Skill.Id,
                name = s.Skill.Name,
                level = s.Skill.Level.ToString(),
                detectable = s.Detectable,
                evidenced = s.Evidenced,
                credited = s.Credited,
                hits = s.Evidence.Select(e => new
                {
                    repository = e.Code!.Repository,
                    path = e.Code.Path,
                    line = e.Code.Line,
                    author = e.Code.Author,
                    at = e.At,
                }),
            }),
            gaps = explanation.Status.Gaps.Select(g => new { id = g.Id, name = g.Name, level = g.Level.ToString(), alternatives = g.Alternatives }),
        };
        return JsonSerializer.Serialize(value, Options);
    }
}
