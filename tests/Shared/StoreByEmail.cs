using Skillprint.Core.Evidence;
using Skillprint.Core.Growth;
using Skillprint.Core.History;
using Skillprint.Core.People;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;
using Skillprint.Core.Scanning;
using Skillprint.Core.Status;
using Skillprint.Store;

namespace Skillprint.Tests.Shared;

/// <summary>
/// The store's API by email, for tests that name people the way a person types them. Each call goes
/// through the real asynchronous, person-id API of <see cref="SkillprintStore"/>: a write first
/// finds or creates the person with the email (as the CLI does for its local user), a read finds the
/// person and returns nothing for an email no one has (and creates no one). Calls wait for the
/// store; its operations never need the caller's thread, so waiting cannot deadlock.
/// </summary>
internal static class StoreByEmail
{
    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static PersonId Writer(SkillprintStore store, string email) => Wait(store.EnsurePersonAsync(email)).Id;

    private static PersonId Reader(SkillprintStore store, string email) => Wait(store.FindPersonAsync(email))?.Id ?? PersonId.None;

    public static Person EnsurePerson(this SkillprintStore store, string email) => Wait(store.EnsurePersonAsync(email));

    public static Person? FindPerson(this SkillprintStore store, string email) => Wait(store.FindPersonAsync(email));

    public static IReadOnlyList<Person> ListPersons(this SkillprintStore store) => Wait(store.ListPersonsAsync());

    public static EmailClaim ClaimEmail(this SkillprintStore store, string person, string email, bool merge) =>
        Wait(store.ClaimEmailAsync(Writer(store, person), email, merge));

    public static EmailClaim UnclaimEmail(this SkillprintStore store, string person, string email) =>
        store.FindPerson(person) is { } found
            ? Wait(store.UnclaimEmailAsync(found.Id, email))
            : new EmailClaim(ClaimOutcome.NotYours, Person.Unsaved(person), store.FindPerson(email), new Dictionary<string, int>());

    public static SelfAssessment AddSelfAssessment(this SkillprintStore store, SelfAssessment assessment) =>
        Wait(store.AddSelfAssessmentAsync(Writer(store, assessment.Person), assessment));

    public static IReadOnlyList<SelfAssessment> GetSelfAssessments(this SkillprintStore store, string person, string framework, string? topic = null) =>
        Wait(store.GetSelfAssessmentsAsync(Reader(store, person), framework, topic));

    public static IReadOnlyDictionary<string, SelfAssessment> GetCurrentLevels(this SkillprintStore store, string person, string framework) =>
        Wait(store.GetCurrentLevelsAsync(Reader(store, person), framework));

    public static long AddManualEvidence(this SkillprintStore store, ManualEvidence evidence) =>
        Wait(store.AddManualEvidenceAsync(Writer(store, evidence.Person), evidence));

    public static IReadOnlyList<ManualEvidence> ListManualEvidence(this SkillprintStore store, string person, string framework, string? topic = null) =>
        Wait(store.ListManualEvidenceAsync(Reader(store, person), framework, topic));

    public static IReadOnlyList<ManualEvidenceEntry> GetManualEvidenceHistory(this SkillprintStore store, string person, string framework) =>
        Wait(store.GetManualEvidenceHistoryAsync(Reader(store, person), framework));

    public static EvidenceChange RemoveManualEvidence(this SkillprintStore store, string actor, long id, DateTimeOffset at) =>
        Wait(store.RemoveManualEvidenceAsync(Writer(store, actor), id, at));

    public static EvidenceChange RestoreManualEvidence(this SkillprintStore store, string actor, long id) =>
        Wait(store.RestoreManualEvidenceAsync(Writer(store, actor), id));

    public static EvidenceChange DismissHit(this SkillprintStore store, string actor, long id, DateTimeOffset at) =>
        Wait(store.DismissHitAsync(Writer(store, actor), id, at));

    public static EvidenceChange RestoreHit(this SkillprintStore store, string actor, long id) =>
        Wait(store.RestoreHitAsync(Writer(store, actor), id));

    public static IReadOnlyList<CodeHit> ListCodeHits(this SkillprintStore store, CodeHitQuery query) => Wait(store.ListCodeHitsAsync(query));

    public static CodeHit? FindCodeHit(this SkillprintStore store, long id) => Wait(store.FindCodeHitAsync(id));

    public static bool AddRole(this SkillprintStore store, string person, string framework, string role, DateTimeOffset at, string? grade = null) =>
        Wait(store.AddRoleAsync(Writer(store, person), framework, role, at, grade));

    public static bool RemoveRole(this SkillprintStore store, string person, string framework, string role, DateTimeOffset at) =>
        Wait(store.RemoveRoleAsync(Reader(store, person), framework, role, at));

    public static IReadOnlyList<RoleChoice> ListRoles(this SkillprintStore store, string person, string framework) =>
        Wait(store.ListRolesAsync(Reader(store, person), framework));

    public static IReadOnlyList<RoleChoice> GetRoleHistory(this SkillprintStore store, string person, string framework) =>
        Wait(store.GetRoleHistoryAsync(Reader(store, person), framework));

    public static ProgressMark AddProgressMark(this SkillprintStore store, ProgressMark mark) =>
        Wait(store.AddProgressMarkAsync(Writer(store, mark.Person), mark));

    public static IReadOnlyList<ProgressMark> GetProgressMarks(this SkillprintStore store, string person, string framework, string? item = null) =>
        Wait(store.GetProgressMarksAsync(Reader(store, person), framework, item));

    public static CardReview AddCardReview(this SkillprintStore store, CardReview review) =>
        Wait(store.AddCardReviewAsync(Writer(store, review.Person), review));

    public static IReadOnlyList<CardReview> GetCardReviews(this SkillprintStore store, string person, string framework, string? card = null) =>
        Wait(store.GetCardReviewsAsync(Reader(store, person), framework, card));

    public static IReadOnlyList<Skillprint.Core.Repositories.RepositorySummary> ListRepositorySummaries(this SkillprintStore store) =>
        Wait(store.ListRepositorySummariesAsync());

    public static bool RemoveRepository(this SkillprintStore store, long id) => Wait(store.RemoveRepositoryAsync(id));
}
