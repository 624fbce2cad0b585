using System.Data.Common;
using Dapper;
using Skillprint.Core.Audit;
using Skillprint.Store.Engines;
using Skillprint.Core.People;
using Skillprint.Core.Teams;

namespace Skillprint.Store;

/// <summary>
/// Teams and who is in them (migration 9). A team's name is unique without regard to case
/// (<c>name_key</c>); a person is in a team as a member, a manager, or both. Who may see a team is
/// part of the query that reads it.
/// </summary>
public sealed partial class SkillprintStore : ITeamStore
{
    public Task<TeamDetail?> AddTeamAsync(string name, DateTimeOffset at, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = TeamKey(name);
        return WriteAsync(
            async (db, transaction) =>
            {
                var id = await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    "INSERT INTO teams (name, name_key, created_at) VALUES (@name, @key, @at) ON CONFLICT (name_key) DO NOTHING RETURNING id",
                    new { name, key, at = db.Time(at) },
                    transaction,
                    cancellationToken: cancel));
                if (id is not { } added)
                {
                    return null;
                }

                await AuditAsync(db, transaction, AuditAction.TeamAdd, null, $"team {added}", name);
                return await LoadTeamAsync(db.Connection, transaction, "t.id = @added", new { added }, cancel);
            },
            cancel);
    }

    public Task<IReadOnlyList<TeamSummary>> ListTeamsAsync(CancellationToken cancel = default) =>
        ReadAsync<IReadOnlyList<TeamSummary>>(
            async db =>
            {
                var rows = await db.Connection.QueryAsync<TeamRow>(new CommandDefinition(
                    """
                    SELECT t.id AS Id, t.name AS Name, t.created_at AS CreatedAt,
                           (SELECT COUNT(*) FROM team_people AS m WHERE m.team_id = t.id AND m.role = 'member') AS Members,
                           (SELECT COUNT(*) FROM team_people AS m WHERE m.team_id = t.id AND m.role = 'manager') AS Managers
                    FROM teams AS t ORDER BY t.name_key
                    """,
                    cancellationToken: cancel));
                return rows.Select(row => new TeamSummary(row.Id, row.Name, StoredTime.Read(row.CreatedAt, "teams.created_at"), (int)row.Members, (int)row.Managers)).ToList();
            },
            cancel);

    public Task<TeamDetail?> GetTeamAsync(long id, PersonId? viewer, CancellationToken cancel = default)
    {
        var anyone = viewer is null;
        var viewerId = viewer?.Value ?? 0;
        return ReadAsync(
            db => LoadTeamAsync(
                db.Connection,
                null,
                "t.id = @id AND (@anyone OR EXISTS (SELECT 1 FROM team_people AS v WHERE v.team_id = t.id AND v.person_id = @viewerId))",
                new { id, anyone, viewerId },
                cancel),
            cancel);
    }

    public Task<TeamDetail?> FindTeamAsync(string name, CancellationToken cancel = default)
    {
        var key = TeamKey(name);
        return ReadAsync(db => LoadTeamAsync(db.Connection, null, "t.name_key = @key", new { key }, cancel), cancel);
    }

    public Task<bool?> AddTeamPersonAsync(long team, PersonId person, TeamRole role, CancellationToken cancel = default) =>
        WriteAsync(
            async (db, transaction) =>
            {
                await RequirePersonAsync(db, person, transaction);
                var added = await db.Connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO team_people (team_id, person_id, role)
                    SELECT t.id, @personId, @role FROM teams AS t WHERE t.id = @team
                    ON CONFLICT (team_id, person_id, role) DO NOTHING
                    """,
                    new { team, personId = person.Value, role = TeamRoleText(role) },
                    transaction,
                    cancellationToken: cancel));
                if (added > 0)
                {
                    await AuditAsync(db, transaction, AuditAction.TeamPersonAdd, person.Value, $"team {team}", TeamRoleText(role));
                    return true;
                }

                var exists = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM teams WHERE id = @team", new { team }, transaction, cancellationToken: cancel));
                return exists == 0 ? (bool?)null : false;
            },
            cancel);

    public Task<bool> RemoveTeamPersonAsync(long team, PersonId person, TeamRole role, CancellationToken cancel = default) =>
        WriteAsync(
            async (db, transaction) =>
            {
                var removed = await db.Connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM team_people WHERE team_id = @team AND person_id = @personId AND role = @role",
                    new { team, personId = person.Value, role = TeamRoleText(role) },
                    transaction,
                    cancellationToken: cancel)) > 0;
                if (removed)
                {
                    await AuditAsync(db, transaction, AuditAction.TeamPersonRemove, person.Value, $"team {team}", TeamRoleText(role));
                }

                return removed;
            },
            cancel);

    public Task<TeamDetail?> RemoveTeamAsync(long team, CancellationToken cancel = default) =>
        WriteAsync(
            async (db, transaction) =>
            {
                var found = await LoadTeamAsync(db.Connection, transaction, "t.id = @team", new { team }, cancel);
                if (found is not null)
                {
                    await db.Connection.ExecuteAsync(new CommandDefinition("DELETE FROM team_people WHERE team_id = @team", new { team }, transaction, cancellationToken: cancel));
                    await db.Connection.ExecuteAsync(new CommandDefinition("DELETE FROM teams WHERE id = @team", new { team }, transaction, cancellationToken: cancel));
                    await AuditAsync(db, transaction, AuditAction.TeamRemove, null, $"team {team}", found.Name);

                    // Each person in it finds in their own log that their place there went with it.
                    foreach (var (who, role) in found.Members.Select(m => (m, "member")).Concat(found.Managers.Select(m => (m, "manager"))))
                    {
                        await AuditAsync(db, transaction, AuditAction.TeamPersonRemove, who.Person.Value, $"team {team}", $"{role}; the team was removed");
                    }
                }

                return found;
            },
            cancel);

    /// <summary>Before one person's rows move to another (a merge), the team places both hold: the
    /// other's copy goes, so the move keeps each place once.</summary>
    internal static Task<int> DropSharedTeamPlacesAsync(StoreDatabase db, long personId, long otherId, DbTransaction transaction) =>
        db.Connection.ExecuteAsync(
            """
            DELETE FROM team_people
            WHERE person_id = @otherId
              AND EXISTS (SELECT 1 FROM team_people AS mine
                          WHERE mine.team_id = team_people.team_id AND mine.role = team_people.role AND mine.person_id = @personId)
            """,
            new { personId, otherId },
            transaction);

    private static async Task<TeamDetail?> LoadTeamAsync(DbConnection connection, DbTransaction? transaction, string where, object parameters, CancellationToken cancel)
    {
        var team = await connection.QuerySingleOrDefaultAsync<TeamRow>(new CommandDefinition(
            $"SELECT t.id AS Id, t.name AS Name, t.created_at AS CreatedAt FROM teams AS t WHERE {where}",
            parameters,
            transaction,
            cancellationToken: cancel));
        if (team is null)
        {
            return null;
        }

        var people = (await connection.QueryAsync<(long PersonId, string Email, string Role)>(new CommandDefinition(
            """
            SELECT m.person_id, p.primary_email, m.role FROM team_people AS m JOIN persons AS p ON p.id = m.person_id
            WHERE m.team_id = @Id ORDER BY p.primary_email
            """,
            new { team.Id },
            transaction,
            cancellationToken: cancel))).ToList();
        List<TeamPerson> Of(string role) =>
            people.Where(p => string.Equals(p.Role, role, StringComparison.Ordinal)).Select(p => new TeamPerson(new PersonId(p.PersonId), p.Email)).ToList();
        return new TeamDetail(team.Id, team.Name, StoredTime.Read(team.CreatedAt, "teams.created_at"), Of("member"), Of("manager"));
    }

    private static string TeamKey(string name) => name.Trim().ToLowerInvariant();

    private static string TeamRoleText(TeamRole role) => role switch
    {
        TeamRole.Member => "member",
        TeamRole.Manager => "manager",
        _ => throw new StoreException(StoreFault.InvalidInput, $"'{(int)role}' is not a team role"),
    };

    private sealed class TeamRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public object CreatedAt { get; set; } = "";

        public long Members { get; set; }

        public long Managers { get; set; }
    }
}
