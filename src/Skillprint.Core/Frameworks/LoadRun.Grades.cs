using Skillprint.Core.Growth;

namespace Skillprint.Core.Frameworks;

/// <summary>Seniority grades: the ladder in framework.yaml and the roles' own entries per grade.</summary>
internal sealed partial class LoadRun
{
    private static readonly string[] GradeKeys = ["id", "name", "cap"];

    private readonly List<Grade> grades = [];

    /// <summary>Each grade a role file names, and where, to check once framework.yaml is read.</summary>
    private readonly List<(string Role, string Grade, SourceLocation At)> gradeUses = [];

    /// <summary>Where each role's entry for a topic at a grade is written, for the rising check's messages.</summary>
    private readonly Dictionary<(string Role, string Grade, string Topic), SourceLocation> gradeEntries = [];

    // framework.yaml: grades, lowest first, each capping role targets at a level no lower than the one before.
    private void ReadGrades(Fields header)
    {
        var file = header.File;
        foreach (var item in header.Mappings("grades", "grade", nonEmpty: true))
        {
            var entry = new Fields(file, item, "grade", GradeKeys);
            var id = entry.Id("id", required: true);
            Define("grade", id, file, entry.Value("id"));
            var name = entry.Text("name", required: true);
            var cap = entry.Level("cap", required: true);
            if (cap is { } level && grades.Count > 0 && level < grades[^1].Cap)
            {
                file.Error(entry.Value("cap")!, $"grades are listed lowest first: the cap of '{id}' ({level}) is below the cap of '{grades[^1].Id}' ({grades[^1].Cap})");
            }

            grades.Add(new Grade(id ?? "", name ?? "", cap ?? Level.Expert, entry.Location));
        }
    }

    // roles/<id>.yaml: grades: {grade id: {topic id: level}}
    private Dictionary<string, IReadOnlyDictionary<string, Level>> ReadRoleGrades(Fields role, string roleId)
    {
        var file = role.File;
        var result = new Dictionary<string, IReadOnlyDictionary<string, Level>>(StringComparer.Ordinal);
        switch (role.Value("grades"))
        {
            case null:
                return result;
            case YMapping map:
                foreach (var (gradeKey, value) in map.Entries)
                {
                    gradeUses.Add((roleId, gradeKey.Value, file.At(gradeKey)));
                    var targets = new Dictionary<string, Level>(StringComparer.Ordinal);
                    if (value is YMapping topicsAtGrade)
                    {
                        foreach (var (topicKey, levelNode) in topicsAtGrade.Entries)
                        {
                            references.Add(new Reference(Target.Topic, topicKey.Value, $"grades.{gradeKey.Value}", file.At(topicKey)));
                            gradeEntries[(roleId, gradeKey.Value, topicKey.Value)] = file.At(topicKey);
                            if (levelNode is YScalar { IsNull: false } scalar)
                            {
                                if (Fields.ParseLevel(file, scalar, scalar.Value, allowNone: true) is { } level)
                                {
                                    targets[topicKey.Value] = level;
                                }
                            }
                            else
                            {
                                file.Error(levelNode is YScalar ? topicKey : levelNode, $"the value of '{topicKey.Value}' in 'grades.{gradeKey.Value}' must be a level, not {levelNode.Describe()}");
                            }
                        }
                    }
                    else if (value is not YScalar { IsNull: true })
                    {
                        file.Error(value, $"'grades.{gradeKey.Value}' must be a mapping of topic ids to levels, not {value.Describe()}");
                    }

                    result[gradeKey.Value] = targets;
                }

                return result;
            case var other:
                role.TypeError("grades", other, "a mapping of grade ids to topic targets");
                return result;
        }
    }

    /// <summary>
    /// Grades a role names must be in framework.yaml; and when the framework loaded cleanly so far,
    /// each role's targets must rise with the grade: no topic lower than at the grade before, and at
    /// least one topic higher.
    /// </summary>
    private void CheckGrades()
    {
        foreach (var (role, grade, at) in gradeUses)
        {
            if (!grades.Any(known => string.Equals(known.Id, grade, StringComparison.Ordinal)))
            {
                Error(at, grades.Count == 0
                    ? $"unknown grade '{grade}' in role '{role}' (framework.yaml declares no grades)"
                    : $"unknown grade '{grade}' in role '{role}' (framework.yaml declares: {string.Join(", ", grades.Select(g => g.Id))})");
            }
        }

        if (errors.Count > 0 || header is null || grades.Count < 2)
        {
            return;
        }

        var framework = new Framework(
            header.Id, header.Name, header.Breadcrumb, header.Description, header.Version, header.Levels,
            header.Alternatives, header.DeepUse, header.ActiveDays, header.Relevance, header.Tracks,
            new Dictionary<string, string>(StringComparer.Ordinal), topics, roles, roadmaps, cards, tasks, challenges)
        {
            Grades = grades,
        };
        foreach (var role in roles)
        {
            CheckRising(framework, role);
        }
    }

    private void CheckRising(Framework framework, Role role)
    {
        for (var i = 1; i < grades.Count; i++)
        {
            var (lower, higher) = (grades[i - 1], grades[i]);
            var below = Targets(framework, role, lower.Id);
            var above = Targets(framework, role, higher.Id);
            var rises = false;
            foreach (var topic in framework.Topics.Select(topic => topic.Id))
            {
                var (from, to) = (below.GetValueOrDefault(topic), above.GetValueOrDefault(topic));
                if (to < from)
                {
                    var at = gradeEntries.GetValueOrDefault((role.Id, higher.Id, topic))
                        ?? gradeEntries.GetValueOrDefault((role.Id, lower.Id, topic))
                        ?? role.Location;
                    Error(at, $"role '{role.Id}' expects {topic} at {Describe(to)} as {higher.Id}, below {Describe(from)} as {lower.Id} (targets must not fall from one grade to the next)");
                }

                rises |= to > from;
            }

            if (!rises)
            {
                Error(role.Location, $"role '{role.Id}' expects nothing more as {higher.Id} than as {lower.Id}: raise at least one topic under 'grades: {higher.Id}:'");
            }
        }
    }

    private static Dictionary<string, Level> Targets(Framework framework, Role role, string grade) =>
        RoleTargets.Of(framework, role, grade).ToDictionary(target => target.Topic, target => target.Target, StringComparer.Ordinal);

    private static string Describe(Level level) => level == Level.None ? "no target" : level.ToString();
}
