using System.Globalization;
using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.History;
using Skillprint.Core.People;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;
using Skillprint.Core.Status;

namespace Skillprint.Core.Growth;

/// <summary>The store as the growth services need it (implemented by Skillprint.Store). Writes
/// name an existing person; reads for a person the store does not have return nothing.</summary>
public interface IGrowthStore : IEvidenceStore
{
    Task<bool> AddRoleAsync(PersonId person, string framework, string role, DateTimeOffset at, string? grade, CancellationToken cancel = default);

    Task<bool> RemoveRoleAsync(PersonId person, string framework, string role, DateTimeOffset at, CancellationToken cancel = default);

    Task<IReadOnlyList<RoleChoice>> ListRolesAsync(PersonId person, string framework, CancellationToken cancel = default);

    Task<IReadOnlyList<RoleChoice>> GetRoleHistoryAsync(PersonId person, string framework, CancellationToken cancel = default);

    Task<ProgressMark> AddProgressMarkAsync(PersonId person, ProgressMark mark, CancellationToken cancel = default);

    Task<IReadOnlyList<ProgressMark>> GetProgressMarksAsync(PersonId person, string framework, string? item = null, CancellationToken cancel = default);

    Task<CardReview> AddCardReviewAsync(PersonId person, CardReview review, CancellationToken cancel = default);

    Task<IReadOnlyList<CardReview>> GetCardReviewsAsync(PersonId person, string framework, string? card = null, CancellationToken cancel = default);

    Task<IReadOnlyList<ManualEvidenceEntry>> GetManualEvidenceHistoryAsync(PersonId person, string framework, CancellationToken cancel = default);
}

/// <summary>What the growth use cases (roles, gaps, roadmaps, practice, history) read of one person.</summary>
public sealed record GrowthData(
    Framework Framework,
    Person Person,
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
    public async Task<GrowthData> LoadAsync(Framework framework, Person person, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        var current = await status.ComputeAsync(framework, person, cancel: cancel);
        var roles = await store.ListRolesAsync(person.Id, framework.Id, cancel);
        var marks = await store.GetProgressMarksAsync(person.Id, framework.Id, null, cancel);
        return new GrowthData(framework, person, current, roles, marks, ProgressBook.Build(framework, current, marks));
    }

    /// <summary>The gap plan for <paramref name="roles"/>, or for the person's chosen roles when none are given.</summary>
    public async Task<(GrowthData Data, GapPlan Plan)> PlanAsync(Framework framework, Person person, IReadOnlyList<(Role Role, string? Grade)> roles, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var data = await LoadAsync(framework, person, cancel);
        var chosen = roles.Count > 0 ? roles : data.ChosenGrades;
        return (data, GapPlan.BuildGraded(framework, data.Status, chosen, data.Book));
    }

    /// <summary>Makes a role one of the person's targets at a grade (null: the role's own targets).</summary>
    public Task<bool> SetRoleAsync(Framework framework, PersonId person, Role role, string? grade, DateTimeOffset at, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(role);
        return store.AddRoleAsync(person, framework.Id, role.Id, at, grade, cancel);
    }

    /// <summary>Gives up a target role; false when the person does not hold it.</summary>
    public Task<bool> RemoveRoleAsync(Framework framework, PersonId person, Role role, DateTimeOffset at, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(role);
        return store.RemoveRoleAsync(person, framework.Id, role.Id, at, cancel);
    }

    /// <summary>Each target topic of a role (at a grade), against the person's level.</summary>
    public async Task<IReadOnlyList<RoleStanding>> StandingAsync(Framework framework, Role role, Person person, string? grade = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var topics = (await status.ComputeAsync(framework, person, cancel: cancel)).Topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
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
    public async Task<(HistoryInputs Inputs, IReadOnlyList<EvidenceItem> Evidence)> HistoryOfAsync(Framework framework, Person person, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        var evidence = (await status.ComputeAsync(framework, person, cancel: cancel)).Topics.SelectMany(t => t.Evidence).ToList();
        var inputs = new HistoryInputs(
            await store.GetSelfAssessmentsAsync(person.Id, framework.Id, null, cancel),
            await store.GetManualEvidenceHistoryAsync(person.Id, framework.Id, cancel),
            evidence.Where(e => e.Kind == EvidenceKind.Code).ToList(),
            await store.GetRoleHistoryAsync(person.Id, framework.Id, cancel),
            await store.GetProgressMarksAsync(person.Id, framework.Id, null, cancel),
            await store.GetCardReviewsAsync(person.Id, framework.Id, null, cancel));
        return (inputs, evidence);
    }

    /// <summary>The person's practice deck: every drillable card with its review history.</summary>
    public async Task<PracticeDeck> DeckAsync(Framework framework, PersonId person, string? card = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return PracticeDeck.Build(framework, await store.GetCardReviewsAsync(person, framework.Id, card, cancel));
    }

    /// <summary>The person's cards due at <paramref name="at"/> (see <see cref="DueReport"/>).</summary>
    public async Task<DueReport> DueAsync(Framework framework, Person person, DateTimeOffset at, QueueOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        var deck = await DeckAsync(framework, person.Id, null, cancel);
        return DueReport.Build(framework.Id, person.PrimaryEmail, deck, at, options);
    }

    /// <summary>Records one review of a card, scheduled by <paramref name="scheduler"/>; a review
    /// dated before the card's last one is refused.</summary>
    public async Task<CardReview> ReviewAsync(Framework framework, Person person, Card card, Rating rating, DateTimeOffset at, FsrsScheduler scheduler, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(person);
        var deck = await DeckAsync(framework, person.Id, card.Id, cancel);
        if (deck.MemoryOf(card.Id)?.LastReview is { } last && at < last)
        {
            throw new ReviewOrderException(
                string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC is before the card's last review ({last.UtcDateTime:yyyy-MM-dd HH:mm} UTC)"));
        }

        return await store.AddCardReviewAsync(person.Id, deck.Review(scheduler, person.PrimaryEmail, card, rating, at), cancel);
    }

    /// <summary>Records a mark on a topic or skill, and returns the person's progress after it.</summary>
    public async Task<GrowthData> MarkAsync(Framework framework, Person person, string item, ProgressStatus value, DateTimeOffset at, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(person);
        await store.AddProgressMarkAsync(person.Id, new ProgressMark(person.PrimaryEmail, framework.Id, item, value, at), cancel);
        return await LoadAsync(framework, person, cancel);
    }
}
