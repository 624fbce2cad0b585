using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.People;

namespace Skillprint.Core.Teams;

/// <summary>A skill across the organisation: how many people hold it (as <see cref="TeamMatrix"/>
/// defines holding), who when they are at most <see cref="OrgBusFactor.NamedUpTo"/>, and the teams
/// where exactly one member holds it.</summary>
public sealed record OrgSkill(string Skill, string Name, string Topic, Level Level, int BusFactor, IReadOnlyList<string>? Holders, IReadOnlyList<string> IslandTeams);

/// <summary>
/// The organisation's bus-factor report (admins): for every detectable skill of the framework, how
/// many people hold it, naming them when they are few; the skills nobody or one person holds; and
/// per skill the teams that depend on one member for it.
/// </summary>
public sealed record OrgBusFactor(
    string Framework,
    DateTimeOffset GeneratedAt,
    DateTimeOffset RecentSince,
    int People,
    int Teams,
    IReadOnlyList<OrgSkill> Skills)
{
    /// <summary>Holders are named when a skill has this many or fewer: the ones the organisation
    /// must not lose.</summary>
    public const int NamedUpTo = 3;

    /// <summary>Skills exactly one person holds.</summary>
    public IEnumerable<OrgSkill> Islands => Skills.Where(s => s.BusFactor == 1);

    /// <summary>Skills nobody holds.</summary>
    public IEnumerable<OrgSkill> Unheld => Skills.Where(s => s.BusFactor == 0);

    /// <summary>The report over <paramref name="people"/> (everyone the store has) and
    /// <paramref name="teams"/>, a pure function of its inputs.</summary>
    public static OrgBusFactor Build(Framework framework, IReadOnlyList<MemberStanding> people, IReadOnlyList<TeamDetail> teams, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(teams);
        // One pass over what each person holds (not every skill against every person): 10,000
        // people took seconds the other way round.
        var holders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var heldBy = new Dictionary<PersonId, IReadOnlySet<string>>();
        foreach (var person in people)
        {
            heldBy[person.Person.Person] = person.Code.Held;
            foreach (var skill in person.Code.Held)
            {
                if (!holders.TryGetValue(skill, out var list))
                {
                    holders[skill] = list = [];
                }

                list.Add(person.Person.Email);
            }
        }

        var islandTeams = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var team in teams)
        {
            var perSkill = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var member in team.Members)
            {
                if (!heldBy.TryGetValue(member.Person, out var memberHolds))
                {
                    continue;
                }

                foreach (var skill in memberHolds)
                {
                    perSkill[skill] = perSkill.GetValueOrDefault(skill) + 1;
                }
            }

            foreach (var (skill, count) in perSkill.Where(pair => pair.Value == 1))
            {
                if (!islandTeams.TryGetValue(skill, out var list))
                {
                    islandTeams[skill] = list = [];
                }

                list.Add(team.Name);
            }
        }

        var skills = framework.Topics
            .SelectMany(topic => topic.Skills.Where(s => s.IsDetectable))
            .Select(skill =>
            {
                var named = holders.GetValueOrDefault(skill.Id) ?? [];
                var count = named.Count;
                return new OrgSkill(
                    skill.Id,
                    skill.Name,
                    skill.Topic,
                    skill.Level,
                    count,
                    count <= NamedUpTo ? [.. named.Order(StringComparer.Ordinal)] : null,
                    [.. (islandTeams.GetValueOrDefault(skill.Id) ?? []).Order(StringComparer.Ordinal)]);
            })
            .ToList();
        return new OrgBusFactor(framework.Id, now, now.AddMonths(-TeamMatrix.RecentMonths), people.Count, teams.Count, skills);
    }
}

/// <summary>
/// Computes the organisation's bus-factor report: everyone the store has, every team, each person's
/// code standing (kept ones reused, as for a team matrix).
/// </summary>
public sealed class OrgReportService(ITeamStore teams, IPeopleStore people, IEvidenceStore evidence, TimeProvider time, CodeStandingCache? cache = null)
{
    public async Task<OrgBusFactor> BusFactorAsync(Framework framework, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var everyone = await people.ListPersonsAsync(cancel);
        var details = new List<TeamDetail>();
        foreach (var summary in await teams.ListTeamsAsync(cancel))
        {
            if (await teams.GetTeamAsync(summary.Id, null, cancel) is { } team)
            {
                details.Add(team);
            }
        }

        var standings = await new StandingReader(evidence, time, cache)
            .ReadAsync(framework, [.. everyone.Select(p => (new TeamPerson(p.Id, p.PrimaryEmail), p))], cancel);
        return OrgBusFactor.Build(framework, standings, details, time.GetUtcNow());
    }
}
