using Dapper;
using Skillprint.Core.Audit;
using Skillprint.Core.People;
using Skillprint.Core.Privacy;

namespace Skillprint.Store;

/// <summary>The organisation's settings (migration 12) and who can see a person's page.</summary>
public sealed partial class SkillprintStore : IPrivacyStore
{
    private const string MembersSeeTeamMatrixKey = "members_see_team_matrix";

    public Task<OrgSettings> GetSettingsAsync(CancellationToken cancel = default) =>
        ReadAsync(
            async db => new OrgSettings(await MembersSeeTeamMatrixAsync(db, cancel)),
            cancel);

    public Task<OrgSettings> SetSettingsAsync(OrgSettings settings, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return WriteAsync(
            async (db, transaction) =>
            {
                await db.Connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO org_settings (key, value) VALUES (@MembersSeeTeamMatrixKey, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    new { MembersSeeTeamMatrixKey, value = settings.MembersSeeTeamMatrix ? "true" : "false" },
                    transaction,
                    cancellationToken: cancel));
                await AuditAsync(db, transaction, AuditAction.SettingsChange, null, "members_see_team_matrix", settings.MembersSeeTeamMatrix ? "true" : "false");
                return settings;
            },
            cancel);
    }

    public Task<Visibility?> VisibilityAsync(PersonId person, CancellationToken cancel = default) =>
        ReadAsync(
            async db =>
            {
                if (await TryLoadPersonAsync(db, person.Value, null) is not { } found)
                {
                    return null;
                }

                var admins = (await db.Connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT p.primary_email FROM users AS u JOIN persons AS p ON p.id = u.person_id WHERE u.role = 'admin' ORDER BY p.primary_email",
                    cancellationToken: cancel))).ToList();
                var membersSee = await MembersSeeTeamMatrixAsync(db, cancel);
                var rows = await db.Connection.QueryAsync<(long Team, string Name, string Role, string Email)>(new CommandDefinition(
                    """
                    SELECT t.id, t.name, o.role, p.primary_email
                    FROM team_people AS me JOIN teams AS t ON t.id = me.team_id
                    JOIN team_people AS o ON o.team_id = t.id JOIN persons AS p ON p.id = o.person_id
                    WHERE me.person_id = @id AND me.role = 'member' AND o.person_id <> @id
                    ORDER BY t.name_key, p.primary_email
                    """,
                    new { id = person.Value },
                    cancellationToken: cancel));
                var teams = rows.GroupBy(r => (r.Team, r.Name)).Select(g => new TeamVisibility(
                    g.Key.Team,
                    g.Key.Name,
                    g.Where(r => r.Role == "manager").Select(r => r.Email).Distinct().ToList(),
                    g.Where(r => r.Role == "member").Select(r => r.Email).Distinct().ToList(),
                    membersSee)).ToList();
                return new Visibility(found.PrimaryEmail, admins, teams);
            },
            cancel);

    private static async Task<bool> MembersSeeTeamMatrixAsync(Engines.StoreDatabase db, CancellationToken cancel) =>
        await db.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM org_settings WHERE key = @MembersSeeTeamMatrixKey", new { MembersSeeTeamMatrixKey }, cancellationToken: cancel)) != "false";
}
