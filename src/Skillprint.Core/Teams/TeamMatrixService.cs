using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.People;

namespace Skillprint.Core.Teams;

/// <summary>Who reads a team's matrix: a person (by id) or an admin, who reads every team's.</summary>
public sealed record MatrixReader(PersonId Person, bool IsAdmin)
{
    /// <summary>The CLI on its own store: it reads everything, as an admin does.</summary>
    public static MatrixReader Local { get; } = new(PersonId.None, true);
}

/// <summary>
/// The team matrix as a reader may see it: an admin and the team's managers the full view, its
/// members the levels only; anyone else finds no such team (the store's query checks it). The
/// server passes its <see cref="CodeStandingCache"/>; the CLI computes every standing afresh.
/// </summary>
public sealed class TeamMatrixService(ITeamStore teams, IPeopleStore people, IEvidenceStore evidence, TimeProvider time, CodeStandingCache? cache = null)
{
    /// <exception cref="MatrixFilterException">An unknown track or grade, or a grade without a role
    /// (checked before anything is read).</exception>
    public async Task<TeamMatrix> ComputeAsync(Framework framework, long teamId, MatrixReader reader, Role? role, string? track = null, string? grade = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(reader);
        TeamMatrix.TopicsOf(framework, role, track, grade);
        var team = await new TeamService(teams, people, time).GetAsync(teamId, reader.IsAdmin ? null : reader.Person, cancel);
        var view = reader.IsAdmin || team.Managers.Any(m => m.Person == reader.Person) ? MatrixView.Full : MatrixView.Levels;
        var found = (await people.GetPersonsAsync([.. team.Members.Select(m => m.Person)], cancel)).ToDictionary(p => p.Id);
        var persons = team.Members.Select(m => (m, found.GetValueOrDefault(m.Person) ?? Person.Unsaved(m.Email))).ToList();
        var standings = await new StandingReader(evidence, time, cache).ReadAsync(framework, persons, cancel);
        return TeamMatrix.Build(framework, team, standings, role, view, time.GetUtcNow(), track, grade);
    }
}
