using Skillprint.Core.People;

namespace Skillprint.Core.Teams;

/// <summary>How a person is in a team. One person may be both in the same team, and in several teams.</summary>
public enum TeamRole
{
    /// <summary>Their levels are rows of the team's matrix; they read the matrix's levels.</summary>
    Member,

    /// <summary>Reads the team's matrix with its members' evidence places (never source text).</summary>
    Manager,
}

/// <summary>A team as listed: its id, name, when it was made, and how many members and managers it has.</summary>
public sealed record TeamSummary(long Id, string Name, DateTimeOffset CreatedAt, int Members, int Managers);

/// <summary>A person in a team, by their primary email.</summary>
public sealed record TeamPerson(PersonId Person, string Email);

/// <summary>A team with its people: members and managers, each by primary email.</summary>
public sealed record TeamDetail(long Id, string Name, DateTimeOffset CreatedAt, IReadOnlyList<TeamPerson> Members, IReadOnlyList<TeamPerson> Managers)
{
    public TeamSummary Summary => new(Id, Name, CreatedAt, Members.Count, Managers.Count);

    /// <summary>The people of <paramref name="role"/>.</summary>
    public IReadOnlyList<TeamPerson> Of(TeamRole role) => role == TeamRole.Member ? Members : Managers;
}

/// <summary>Why a team operation was refused.</summary>
public enum TeamProblem
{
    /// <summary>A name that cannot be a team's (empty, too long, control characters, all digits).</summary>
    Invalid,

    /// <summary>A team of that name exists already.</summary>
    Exists,

    /// <summary>No such team (or none the caller may see).</summary>
    NotFound,

    /// <summary>No person has that email.</summary>
    UnknownPerson,
}

/// <summary>A refused team operation, with a message naming the team, person or field.</summary>
public sealed class TeamException(TeamProblem problem, string message) : Exception(message)
{
    public TeamProblem Problem { get; } = problem;
}

/// <summary>
/// The store as the team service needs it (implemented by Skillprint.Store). Each method is one
/// transaction; a change names an existing team and person.
/// </summary>
public interface ITeamStore
{
    /// <summary>Makes a team; null when one of that name (without regard to case) exists already.</summary>
    Task<TeamDetail?> AddTeamAsync(string name, DateTimeOffset at, CancellationToken cancel = default);

    Task<IReadOnlyList<TeamSummary>> ListTeamsAsync(CancellationToken cancel = default);

    /// <summary>The team with this id, when <paramref name="viewer"/> may see it: an admin (null
    /// viewer) sees every team, anyone else only the teams they are a member or manager of. The
    /// condition is part of the query.</summary>
    Task<TeamDetail?> GetTeamAsync(long id, PersonId? viewer, CancellationToken cancel = default);

    /// <summary>The team with this name, without regard to case.</summary>
    Task<TeamDetail?> FindTeamAsync(string name, CancellationToken cancel = default);

    /// <summary>Puts a person in a team as <paramref name="role"/>: false when they were already;
    /// null when there is no such team.</summary>
    Task<bool?> AddTeamPersonAsync(long team, PersonId person, TeamRole role, CancellationToken cancel = default);

    /// <summary>Takes a person's <paramref name="role"/> in a team away: false when they did not have it.</summary>
    Task<bool> RemoveTeamPersonAsync(long team, PersonId person, TeamRole role, CancellationToken cancel = default);

    /// <summary>Removes a team and who was in it (never the people or their data); the team as it
    /// was, or null when there was none.</summary>
    Task<TeamDetail?> RemoveTeamAsync(long team, CancellationToken cancel = default);
}
