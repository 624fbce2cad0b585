using System.Globalization;
using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.History;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;
using Skillprint.Core.Status;

namespace Skillprint.Core.Growth;

/// <summary>The store as the growth services need it (implemented by Skillprint.Store).</summary>
public interface IGrowthStore : IEvidenceStore
{
    bool AddRole(string person, string framework, string role, DateTimeOffset at, string? grade);

    bool RemoveRole(string person, string framework, string role, DateTimeOffset at);

    IReadOnlyList<RoleChoice> ListRoles(string person, string framework);

    IReadOnlyList<RoleChoice> GetRoleHistory(string person, string framework);

    ProgressMark AddProgressMark(ProgressMark mark);

    IReadOnlyList<ProgressMark> GetProgressMarks(string person, string framework, string? item = null);

    CardReview AddCardReview(CardReview review);

    IReadOnlyList<CardReview> GetCardReviews(string person, string framework, string? card = null);

    IReadOnlyList<ManualEvidenceEntry> GetManualEvidenceHistory(string person, string framework);
}

/// <summary>What the growth use cases (roles, gaps, roadmaps, practice, history) read of one person.</summary>
public sealed record GrowthData(
    Framework Framework,
    string Person,
    PersonalStatus Status,
    IReadOnlyList<RoleChoice> Roles,
    IReadOnlyList<ProgressMark> Marks,
    ProgressBook Book)
{
    /// <summary>The roles the person chose that the framework still has, in the order chosen.</summary>
    public IReadOnlyList<Role> ChosenRoles => ChosenGrades.Select(r => r.Role).ToList();

    /// <summary>The chosen roles with the grade chosen for each (null: the role's own targets);
    /// a grade the framework no longer has counts as none.</summary>
    public IReadOnlyList<(Role Role, string? Grade)> ChosenGrades => Roles
        .Select(r => (Role: Framework.FindRole(r.Role), Grade: r.Grade is { } g && Framework.FindGrade(g) is { } found ? found.Id : null))
        .Where(r => r.Role is not null)
        .Select(r => (r.Role!, r.Grade))
        .ToList();
}

/// <summary>One topic of a role against a person: the target, where it comes from, and whether
/// the person's level meets it (the rows of `role show` and of its JSON).</summary>
public sealed record RoleStanding(
    string Topic,
    string Name,
    string Relevance,
    Level Target,
    TargetSource Source,
    Level SelfLevel,
    Level EvidencedLevel,
    Level Level,
    bool Met);

/// <summary>A review refused because it is dated before the card's last one.</summary>
public sealed class ReviewOrderException(string message) : Exception(message);

/// <summary>
/// The growth loop's use cases over the store: a person's roles, gap plan, roadmap progress,
/// practice reviews and history. The CLI and the server call these and render what they return.
/// </summary>
public sealed class GrowthService(IGrowthStore store, TimeProvider time)
{
    private readonly StatusService status = new(store, time);

    /// <summary>Everything the growth commands work from, in one go.</summary>
    public GrowthData Load(Framework framework, string person)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var current = status.Compute(framework, person);
        var roles = store.ListRoles(person, framework.Id);
        var marks = store.GetProgressMarks(person, framework.Id);
        return new GrowthData(framework, person, current, roles, marks, ProgressBook.Build(framework, current, marks));
    }

    /// <summary>The gap plan for <paramref name="roles"/>, or for the person's chosen roles when none are given.</summary>
    public (GrowthData Data, GapPlan Plan) Plan(Framework framework, string person, IReadOnlyList<(Role Role, string? Grade)> roles)
    {
        var data = Load(framework, person);
        var chosen = roles.Count > 0 ? roles : data.ChosenGrades;
        return (data, GapPlan.BuildGraded(framework, data.Status, chosen, data.Book));
    }

    /// <summary>Makes a role one of the person's targets at a grade (null: the role's own targets).</summary>
    public bool SetRole(Framework framework, string person, Role role, string? grade, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(role);
        return store.AddRole(person, framework.Id, role.Id, at, grade);
    }

    /// <summary>Each target topic of a role (at a grade), against the person's level.</summary>
    public IReadOnlyList<RoleStanding> Standing(Framework framework, Role role, string person, string? grade = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var topics = status.Compute(framework, person).Topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        return RoleTargets.Of(framework, role, grade).Select(t =>
        {
            var topic = framework.FindTopic(t.Topic)!;
            var standing = topics[t.Topic];
            return new RoleStanding(
                t.Topic, topic.Name, topic.Relevance, t.Target, t.Source, standing.SelfLevel, standing.EvidencedLevel, standing.CurrentLevel,
                standing.CurrentLevel >= t.Target);
        }).ToList();
    }

    /// <summary>What a timeline is built from, and the evidence the status holds now.</summary>
    public (HistoryInputs Inputs, IReadOnlyList<EvidenceItem> Evidence) HistoryOf(Framework framework, string person)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var evidence = status.Compute(framework, person).Topics.SelectMany(t => t.Evidence).ToList();
        var inputs = new HistoryInputs(
            store.GetSelfAssessments(person, framework.Id),
            store.GetManualEvidenceHistory(person, framework.Id),
            evidence.Where(e => e.Kind == EvidenceKind.Code).ToList(),
            store.GetRoleHistory(person, framework.Id),
            store.GetProgressMarks(person, framework.Id),
            store.GetCardReviews(person, framework.Id));
        return (inputs, evidence);
    }

    /// <summary>The person's practice deck: every drillable card with its review history.</summary>
    public PracticeDeck Deck(Framework framework, string person, string? card = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return PracticeDeck.Build(framework, store.GetCardReviews(person, framework.Id, card));
    }

    /// <summary>Records one review of a card, scheduled by <paramref name="scheduler"/>; a review
    /// dated before the card's last one is refused.</summary>
    public CardReview Review(Framework framework, string person, Card card, Rating rating, DateTimeOffset at, FsrsScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(card);
        var deck = Deck(framework, person, card.Id);
        if (deck.MemoryOf(card.Id)?.LastReview is { } last && at < last)
        {
            throw new ReviewOrderException(
                string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC is before the card's last review ({last.UtcDateTime:yyyy-MM-dd HH:mm} UTC)"));
        }

        return store.AddCardReview(deck.Review(scheduler, person, card, rating, at));
    }

    /// <summary>Records a mark on a topic or skill, and returns the person's progress after it.</summary>
    public GrowthData Mark(Framework framework, string person, string item, ProgressStatus value, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        store.AddProgressMark(new ProgressMark(person, framework.Id, item, value, at));
        return Load(framework, person);
    }
}
