using Skillprint.Core.People;

namespace Skillprint.Core.Privacy;

/// <summary>The organisation's settings: whether a team's members read its matrix of levels (on
/// unless an admin turns it off; managers and admins always do).</summary>
public sealed record OrgSettings(bool MembersSeeTeamMatrix = true);

/// <summary>One team of a person's, with who reads what of them there: its managers read their
/// levels and evidence places, its other members their levels when <paramref name="MembersSeeLevels"/>.</summary>
public sealed record TeamVisibility(long TeamId, string Team, IReadOnlyList<string> Managers, IReadOnlyList<string> Members, bool MembersSeeLevels);

/// <summary>Who can see a person's page: the admins (their status, evidence and places), and per
/// team its managers (levels and evidence places) and members (levels, unless turned off).</summary>
public sealed record Visibility(string Person, IReadOnlyList<string> Admins, IReadOnlyList<TeamVisibility> Teams);

/// <summary>The store as privacy needs it (implemented by Skillprint.Store).</summary>
public interface IPrivacyStore
{
    Task<OrgSettings> GetSettingsAsync(CancellationToken cancel = default);

    Task<OrgSettings> SetSettingsAsync(OrgSettings settings, CancellationToken cancel = default);

    /// <summary>Who can see <paramref name="person"/>'s page, by primary email; null for no such person.</summary>
    Task<Visibility?> VisibilityAsync(PersonId person, CancellationToken cancel = default);
}
