using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Skillprint.Core.People;
using Skillprint.Core.Status;

namespace Skillprint.Core.Teams;

/// <summary>How much of the matrix the reader sees.</summary>
public enum MatrixView
{
    /// <summary>Levels, strength and evidence places (file and line, never source text), and who
    /// holds each skill: the team's managers, admins, and the CLI on its own store.</summary>
    Full,

    /// <summary>Levels only (evidenced and self), and per skill how many hold it but not who: the
    /// team's members.</summary>
    Levels,
}

/// <summary>A topic as a column of the matrix.</summary>
public sealed record MatrixTopic(string Id, string Name, IReadOnlyList<string> Tracks);

/// <summary>Where a piece of code evidence is: the skill, repository, file and line, and its date.</summary>
public sealed record MatrixPlace(string Skill, string Repository, string Path, int Line, DateTimeOffset At);

/// <summary>One member in one topic: the level their code supports, the level they give themselves,
/// and (in the full view) what the evidenced level stands on and the newest places of its evidence.</summary>
public sealed record MatrixCell(string Topic, Level EvidencedLevel, Level SelfLevel, EvidenceStrength? Strength, IReadOnlyList<MatrixPlace>? Places);

/// <summary>One member: a cell per topic, in the framework's order.</summary>
public sealed record MatrixRow(PersonId Person, string Email, IReadOnlyList<MatrixCell> Cells);

/// <summary>A skill and how many members hold it (<see cref="TeamMatrix"/> says what holding is);
/// <see cref="Holders"/> (their emails) in the full view only.</summary>
public sealed record SkillCover(string Skill, string Name, string Topic, Level Level, int BusFactor, IReadOnlyList<string>? Holders);

/// <summary>One target of a role against the team: how many members meet it (their level, evidenced
/// else self, at the target or above, as `role show` judges it) and who does not.</summary>
public sealed record TargetCover(string Topic, string Name, Level Target, TargetSource Source, int Meeting, int Members, IReadOnlyList<string> Below);

/// <summary>A matrix asked for with a track or grade the framework does not have, or a grade without
/// a role; the message starts with the field ("track: ...").</summary>
public sealed class MatrixFilterException(string message) : Exception(message);

/// <summary>A role's targets against the team, at a grade of the framework when one was given.</summary>
public sealed record RoleCover(string Role, string Name, IReadOnlyList<TargetCover> Targets)
{
    public string? Grade { get; init; }
}

/// <summary>
/// A team's competency matrix: members × topics with evidenced level, self level and strength; per
/// detectable skill its bus factor; the knowledge islands (skills exactly one member holds); and,
/// for a role, how many members meet each of its targets.
/// <para>A member <b>holds</b> a skill when, counting only their code evidence dated within
/// <see cref="RecentMonths"/> months before <see cref="GeneratedAt"/>, the level model
/// (docs/levels.md) gives the skill's topic Intermediate or above and credits the skill (shown in
/// that code, or an alternative of a skill shown at the same level or above). Self-assessments and
/// manual evidence never make a holder, as they never raise an evidenced level.</para>
/// </summary>
public sealed record TeamMatrix(
    long TeamId,
    string Team,
    string Framework,
    DateTimeOffset GeneratedAt,
    DateTimeOffset RecentSince,
    MatrixView View,
    IReadOnlyList<MatrixTopic> Topics,
    IReadOnlyList<MatrixRow> Members,
    IReadOnlyList<SkillCover> BusFactor,
    IReadOnlyList<SkillCover> Islands,
    RoleCover? Role)
{
    /// <summary>How far back code evidence counts for holding a skill.</summary>
    public const int RecentMonths = 12;

    /// <summary>The level of a skill's topic from which a member holds the skill.</summary>
    public const Level HoldingLevel = Level.Intermediate;

    /// <summary>The newest places shown per cell in the full view; the strength counts them all.</summary>
    public const int PlacesPerCell = 5;

    /// <summary>The track the matrix is narrowed to (its topics, their skills and the role's targets
    /// in them); null for every topic.</summary>
    public string? Track { get; init; }

    /// <summary>The matrix of <paramref name="members"/>, a pure function of its inputs; with
    /// <paramref name="track"/>, only the topics of that track; with <paramref name="grade"/>, the
    /// role's targets at that grade.</summary>
    /// <exception cref="MatrixFilterException">An unknown track or grade, or a grade without a role.</exception>
    public static TeamMatrix Build(Framework framework, TeamDetail team, IReadOnlyList<MemberStanding> members, Role? role, MatrixView view, DateTimeOffset now, string? track = null, string? grade = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(members);
        var topics = TopicsOf(framework, role, track, grade);
        var narrowed = track is null ? null : framework.FindTrack(track)!.Id;
        var since = now.AddMonths(-RecentMonths);
        var ordered = members.OrderBy(m => m.Person.Email, StringComparer.Ordinal).ToList();
        var full = view == MatrixView.Full;

        var rows = ordered.Select(m => new MatrixRow(
            m.Person.Person,
            m.Person.Email,
            [.. topics.Select(t => Cell(m, t.Id, full))])).ToList();

        var held = ordered.Select(m => (m.Person.Email, Skills: m.Code.Held)).ToList();
        var cover = topics
            .SelectMany(topic => topic.Skills.Where(s => s.IsDetectable))
            .Select(skill =>
            {
                var holders = held.Where(h => h.Skills.Contains(skill.Id)).Select(h => h.Email).ToList();
                return new SkillCover(skill.Id, skill.Name, skill.Topic, skill.Level, holders.Count, full ? holders : null);
            })
            .ToList();

        return new TeamMatrix(
            team.Id,
            team.Name,
            framework.Id,
            now,
            since,
            view,
            [.. topics.Select(t => new MatrixTopic(t.Id, t.Name, t.Tracks))],
            rows,
            cover,
            [.. cover.Where(c => c.BusFactor == 1)],
            role is null ? null : Cover(framework, role, grade, topics, ordered))
        {
            Track = narrowed,
        };
    }

    /// <summary>The topics a matrix shows: the framework's, or those of <paramref name="track"/>.</summary>
    /// <exception cref="MatrixFilterException">An unknown track or grade, or a grade without a role.</exception>
    public static IReadOnlyList<Topic> TopicsOf(Framework framework, Role? role, string? track, string? grade)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var narrowed = track is null ? null : framework.FindTrack(track)?.Id
            ?? throw new MatrixFilterException($"track: the framework '{framework.Id}' has no track '{track}' (it has: {string.Join(", ", framework.Tracks.Select(t => t.Id))})");
        if (grade is not null && role is null)
        {
            throw new MatrixFilterException("grade: a grade needs a role; give the role too");
        }

        if (grade is not null && framework.FindGrade(grade) is null)
        {
            throw new MatrixFilterException(
                framework.Grades.Count == 0 ? $"grade: the framework '{framework.Id}' has no grades" : $"grade: the framework '{framework.Id}' has no grade '{grade}' (it has: {string.Join(", ", framework.Grades.Select(g => g.Id))})");
        }

        return [.. framework.Topics.Where(t => narrowed is null || t.Tracks.Contains(narrowed, StringComparer.Ordinal))];
    }

    /// <summary>The skills a member holds: see <see cref="TeamMatrix"/>.</summary>
    public static IReadOnlySet<string> Held(Framework framework, PersonalStatus status, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(status);
        var recent = status.Topics
            .SelectMany(t => t.Evidence)
            .Where(e => e.Kind == EvidenceKind.Code && e.Skill is not null && e.At >= since)
            .ToList();
        var shown = recent.Select(e => e.Skill!).ToHashSet(StringComparer.Ordinal);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in framework.Topics)
        {
            var assessed = LevelModel.Assess(framework, topic, shown, recent.Where(e => string.Equals(e.Topic, topic.Id, StringComparison.Ordinal)));
            if (assessed.Level >= HoldingLevel)
            {
                held.UnionWith(assessed.Credited);
            }
        }

        return held;
    }

    private static MatrixCell Cell(MemberStanding member, string topic, bool full)
    {
        var code = member.Code.Topic(topic);
        return new MatrixCell(topic, code.EvidencedLevel, member.SelfLevel(topic), full ? code.Strength : null, full ? code.Places : null);
    }

    private static RoleCover Cover(Framework framework, Role role, string? grade, IReadOnlyList<Topic> topics, IReadOnlyList<MemberStanding> members)
    {
        var shown = topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var targets = RoleTargets.Of(framework, role, grade).Where(target => shown.Contains(target.Topic)).Select(target =>
        {
            var below = members
                .Where(m => m.CurrentLevel(target.Topic) < target.Target)
                .Select(m => m.Person.Email)
                .ToList();
            return new TargetCover(target.Topic, framework.FindTopic(target.Topic)!.Name, target.Target, target.Source, members.Count - below.Count, members.Count, below);
        });
        return new RoleCover(role.Id, role.Name, [.. targets]) { Grade = grade is null ? null : framework.FindGrade(grade)!.Id };
    }
}
