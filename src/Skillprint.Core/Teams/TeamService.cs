using System.Globalization;
using Skillprint.Core.People;

namespace Skillprint.Core.Teams;

/// <summary>
/// Teams and who is in them: the use cases of `skillprint team` and of the server's team endpoints
/// (an admin's). A team is named by its name (any case) or its id; a person by any of their emails,
/// and only a person the store knows (someone who scanned, was scanned or is a user) can join.
/// </summary>
public sealed class TeamService(ITeamStore teams, IPeopleStore people, TimeProvider time)
{
    /// <summary>The longest team name.</summary>
    public const int MaxNameLength = 100;

    public async Task<TeamDetail> AddAsync(string name, CancellationToken cancel = default)
    {
        var valid = ValidName(name);
        return await teams.AddTeamAsync(valid, time.GetUtcNow(), cancel)
            ?? throw new TeamException(TeamProblem.Exists, $"a team named '{valid}' exists already");
    }

    public Task<IReadOnlyList<TeamSummary>> ListAsync(CancellationToken cancel = default) => teams.ListTeamsAsync(cancel);

    /// <summary>The team named <paramref name="nameOrId"/>: its name (any case), else its id.</summary>
    public async Task<TeamDetail> FindAsync(string nameOrId, CancellationToken cancel = default)
    {
        var text = nameOrId?.Trim() ?? "";
        var found = text.Length == 0 ? null : await teams.FindTeamAsync(text, cancel);
        if (found is null && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            found = await teams.GetTeamAsync(id, null, cancel);
        }

        return found ?? throw new TeamException(TeamProblem.NotFound, $"there is no team '{nameOrId}'");
    }

    /// <summary>The team with <paramref name="id"/> as <paramref name="viewer"/> may see it (null: an
    /// admin, who sees every team); a team they are not in is not found.</summary>
    public async Task<TeamDetail> GetAsync(long id, PersonId? viewer, CancellationToken cancel = default) =>
        await teams.GetTeamAsync(id, viewer, cancel)
            ?? throw new TeamException(TeamProblem.NotFound, string.Create(CultureInfo.InvariantCulture, $"there is no team {id}"));

    /// <summary>Puts the person with <paramref name="email"/> in the team as <paramref name="role"/>;
    /// false when they were already.</summary>
    public async Task<(TeamDetail Team, Person Person, bool Changed)> AddPersonAsync(TeamDetail team, string email, TeamRole role, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        var person = await PersonAsync(email, cancel);
        var added = await teams.AddTeamPersonAsync(team.Id, person.Id, role, cancel)
            ?? throw new TeamException(TeamProblem.NotFound, $"there is no team '{team.Name}'");
        return (await GetAsync(team.Id, null, cancel), person, added);
    }

    /// <summary>Takes the <paramref name="role"/> of the person with <paramref name="email"/> in the
    /// team away; false when they did not have it.</summary>
    public async Task<(TeamDetail Team, Person Person, bool Changed)> RemovePersonAsync(TeamDetail team, string email, TeamRole role, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        var person = await PersonAsync(email, cancel);
        var removed = await teams.RemoveTeamPersonAsync(team.Id, person.Id, role, cancel);
        return (await GetAsync(team.Id, null, cancel), person, removed);
    }

    /// <summary>Removes the team and who is in it; the people and their data stay.</summary>
    public async Task<TeamDetail> RemoveAsync(TeamDetail team, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        return await teams.RemoveTeamAsync(team.Id, cancel)
            ?? throw new TeamException(TeamProblem.NotFound, $"there is no team '{team.Name}'");
    }

    /// <summary>A team name as stored: trimmed; refused when empty, longer than
    /// <see cref="MaxNameLength"/>, holding control characters, or all digits (a team is also named by its id).</summary>
    public static string ValidName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        var problem = trimmed.Length == 0 ? "is empty"
            : trimmed.Length > MaxNameLength ? $"is longer than {MaxNameLength} characters"
            : trimmed.Any(char.IsControl) ? "holds a control character"
            : trimmed.All(char.IsAsciiDigit) ? "is a number (teams are also named by their id)"
            : null;
        return problem is null ? trimmed : throw new TeamException(TeamProblem.Invalid, $"the team name '{name}' {problem}");
    }

    private async Task<Person> PersonAsync(string email, CancellationToken cancel) =>
        await people.FindPersonAsync(email ?? "", cancel)
            ?? throw new TeamException(TeamProblem.UnknownPerson, $"no person has the email '{email}' (people come from scans, 'skillprint user add' or 'person alias')");
}
