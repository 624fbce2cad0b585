using Skillprint.Core.Scanning;
using Skillprint.Core.Status;

namespace Skillprint.Core.Evidence;

/// <summary>
/// The store as the evidence and status services need it (implemented by Skillprint.Store). Every
/// change names the acting person by one of their emails, and the store checks in the query itself
/// that what is changed is theirs.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Every email of the person who has <paramref name="email"/> (just it, lower case,
    /// when no one has it yet).</summary>
    IReadOnlyList<string> EmailsOf(string email);

    IReadOnlyList<CodeHit> ListCodeHits(CodeHitQuery query);

    CodeHit? FindCodeHit(long id);

    IReadOnlyList<SelfAssessment> GetSelfAssessments(string person, string framework, string? topic = null);

    /// <summary>The person's manual evidence that is not removed, oldest first.</summary>
    IReadOnlyList<ManualEvidence> ListManualEvidence(string person, string framework, string? topic = null);

    long AddManualEvidence(ManualEvidence evidence);

    /// <summary>Dismisses hit <paramref name="id"/> for <paramref name="actor"/>, when a line of theirs.</summary>
    EvidenceChange DismissHit(string actor, long id, DateTimeOffset at);

    /// <summary>Undoes a dismissal of hit <paramref name="id"/>, when the hit is the actor's.</summary>
    EvidenceChange RestoreHit(string actor, long id);

    /// <summary>Marks the actor's manual evidence <paramref name="id"/> removed (kept for history and undo).</summary>
    EvidenceChange RemoveManualEvidence(string actor, long id, DateTimeOffset at);

    /// <summary>Brings back the actor's removed manual evidence <paramref name="id"/>.</summary>
    EvidenceChange RestoreManualEvidence(string actor, long id);
}
