using Skillprint.Core.Frameworks;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>The framework: every topic with its skills, cards, tasks and challenges; <c>?q=</c>
/// keeps what mentions the words (in names, ids, descriptions and questions, any case).</summary>
public sealed class FrameworkBrowseModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public string? Query { get; private set; }

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public IReadOnlyList<Card> Cards { get; private set; } = [];

    public void OnGet(string? q)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var words = Query?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        bool Matches(params string?[] texts) =>
            words.All(word => texts.Any(text => text?.Contains(word, StringComparison.OrdinalIgnoreCase) == true));
        Topics = Framework.Topics
            .Where(t => Matches(t.Id, t.Name, t.Description) || t.Skills.Any(s => Matches(s.Id, s.Name, s.Description)))
            .ToList();
        Cards = Query is null ? [] : Framework.Cards.Where(c => Matches(c.Id, c.Question)).ToList();
    }

    /// <summary>The skills of a topic the search keeps: all of them when the topic itself matches.</summary>
    public IEnumerable<Skill> SkillsShown(Topic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var words = Query?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        bool Has(string? text, string word) => text?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;
        var topicMatches = words.All(w => Has(topic.Id, w) || Has(topic.Name, w) || Has(topic.Description, w));
        return topicMatches ? topic.Skills : topic.Skills.Where(s => words.All(w => Has(s.Id, w) || Has(s.Name, w) || Has(s.Description, w)));
    }
}
