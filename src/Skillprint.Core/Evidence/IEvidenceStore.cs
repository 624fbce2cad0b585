using Skillprint.Core.People;
using Skillprint.Core.Scanning;
using Skillprint.Core.Status;

namespace Skillprint.Core.Evidence;

/// <summary>
/// The store as the evidence and status services need it (implemented by Skillprint.Store). A person
/// is named by id; every change names the acting person, and the store checks in the query itself
/// that what is changed is theirs. Reads for a person the store does not have return nothing.
/// </summary>
public interface IEvidenceStore
{
    Task<IReadOnlyList<CodeHit>> ListCodeHitsAsync(CodeHitQuery query, CancellationToken cancel = default);

    /// <summary>A text that changes whenever anyone's code evidence may have changed (scans, pushes,
    /// removed repositories, dismissals): what kept standings are checked against.</summary>
    Task<string> GetEvidenceStampAsync(CancellationToken cancel = default);

    /// <summary>The self-assessments of many persons at once, oldest first per person; persons
    /// without any are left out.</summary>
    Task<IReadOnlyDictionary<PersonId, IReadOnlyList<SelfAssessment>>> ListSelfAssessmentsAsync(IReadOnlyCollection<PersonId> persons, string framework, CancellationToken cancel = default);

    Task<CodeHit?> FindCodeHitAsync(long id, CancellationToken cancel = default);

    Task<IReadOnlyList<SelfAssessment>> GetSelfAssessmentsAsync(PersonId person, string framework, string? topic = null, CancellationToken cancel = default);

    Task<SelfAssessment> AddSelfAssessmentAsync(PersonId person, SelfAssessment assessment, CancellationToken cancel = default);

    /// <summary>The person's manual evidence that is not removed, oldest first.</summary>
    Task<IReadOnlyList<ManualEvidence>> ListManualEvidenceAsync(PersonId person, string framework, string? topic = null, CancellationToken cancel = default);

    Task<long> AddManualEvidenceAsync(PersonId person, ManualEvidence evidence, CancellationToken cancel = default);

    /// <summary>Dismisses hit <paramref name="id"/> for <paramref name="actor"/>, when a line of theirs.</summary>
    Task<EvidenceChange> DismissHitAsync(PersonId actor, long id, DateTimeOffset at, CancellationToken cancel = default);

    /// <summary>Undoes a dismissal of hit <paramref name="id"/>, when the hit is the actor's.</summary>
    Task<EvidenceChange> RestoreHitAsync(PersonId actor, long id, CancellationToken cancel = default);

    /// <summary>Marks the actor's manual evidence <paramref name="id"/> removed (kept for history and undo).</summary>
    Task<EvidenceChange> RemoveManualEvidenceAsync(PersonId actor, long id, DateTimeOffset at, CancellationToken cancel = default);

    /// <summary>Brings back the actor's removed manual evidence <paramref name="id"/>.</summary>
    Task<EvidenceChange> RestoreManualEvidenceAsync(PersonId actor, long id, CancellationToken cancel = default);
}
