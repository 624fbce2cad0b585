namespace Skillprint.Core.Frameworks;

/// <summary>
/// A loaded framework as compact bytes, for <see cref="FrameworkCache"/>: every value of the model,
/// field by field in the order of its records, written and read by plain code. (A generated JSON
/// serializer did the same, but its generic code over the model's enums is compiled at run time,
/// which cost a command start more than parsing the YAML did.) A field added to a model record must
/// be added to both methods here; the cache's tests compare every value of the built-in framework
/// read back with the one loaded from its text, and an entry is only ever read by the build that
/// wrote it (the cache key holds the build's module version id).
/// </summary>
internal static class FrameworkBinary
{
    public static byte[] Write(Framework framework)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            new Writer(writer).Framework(framework);
        }

        return buffer.ToArray();
    }

    /// <summary>The framework, or <see cref="InvalidDataException"/> (or <see cref="EndOfStreamException"/>)
    /// when the bytes are not exactly one.</summary>
    public static Framework Read(byte[] bytes, int start)
    {
        using var stream = new MemoryStream(bytes, start, bytes.Length - start, writable: false);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8);
        var framework = new Reader(reader).Framework();
        return stream.Position == stream.Length ? framework : throw new InvalidDataException("bytes after the framework");
    }

    private sealed class Writer(BinaryWriter w)
    {
        public void Framework(Framework f)
        {
            w.Write(f.Id);
            w.Write(f.Name);
            w.Write(f.Breadcrumb);
            Text(f.Description);
            w.Write(f.Version.HasValue);
            w.Write(f.Version ?? 0);
            List(f.Levels, level =>
            {
                w.Write((int)level.Level);
                Text(level.Description);
                w.Write(level.Need.Skills);
                w.Write(level.Need.Places);
                w.Write(level.Need.Files);
            });
            List(f.Alternatives, group =>
            {
                Strings(group.Skills);
                Location(group.Location);
            });
            w.Write(f.DeepUse.Places);
            w.Write(f.DeepUse.Files);
            w.Write(f.ActiveDays);
            List(f.Relevance, relevance =>
            {
                w.Write(relevance.Name);
                w.Write(relevance.Weight);
                w.Write((int)relevance.Target);
            });
            List(f.Tracks, track =>
            {
                w.Write(track.Id);
                w.Write(track.Name);
            });
            w.Write(f.Moved.Count);
            foreach (var (old, now) in f.Moved)
            {
                w.Write(old);
                w.Write(now);
            }

            List(f.Topics, Topic);
            List(f.Roles, Role);
            List(f.Roadmaps, Roadmap);
            List(f.Cards, card =>
            {
                Heading(card.Id, card.Topic);
                w.Write(card.Question);
                Text(card.Answer);
                Strings(card.Skills);
                Location(card.Location);
            });
            List(f.Tasks, task =>
            {
                Heading(task.Id, task.Topic);
                Work(task.Title, task.Description, task.Acceptance, task.Skills, task.Location);
            });
            List(f.Challenges, challenge =>
            {
                Heading(challenge.Id, challenge.Topic);
                w.Write((int)challenge.Level);
                Work(challenge.Title, challenge.Description, challenge.Acceptance, challenge.Skills, challenge.Location);
            });
            List(f.Grades, grade =>
            {
                Heading(grade.Id, grade.Name);
                w.Write((int)grade.Cap);
                Location(grade.Location);
            });
        }

        /// <summary>What a practice task and a challenge both have, in their order.</summary>
        private void Work(string title, string? description, IReadOnlyList<string> acceptance, IReadOnlyList<string> skills, SourceLocation location)
        {
            w.Write(title);
            Text(description);
            Strings(acceptance);
            Strings(skills);
            Location(location);
        }

        private void Topic(Topic topic)
        {
            Heading(topic.Id, topic.Name);
            Text(topic.Description);
            w.Write(topic.Relevance);
            Strings(topic.Tracks);
            Strings(topic.Prerequisites);
            List(topic.Resources, resource => Heading(resource.Title, resource.Url));
            List(topic.Skills, skill =>
            {
                Heading(skill.Id, skill.Topic);
                w.Write(skill.Name);
                w.Write((int)skill.Level);
                Text(skill.Description);
                List(skill.Rules, rule =>
                {
                    w.Write((int)rule.Kind);
                    Strings(rule.Values);
                    Strings(rule.Keywords);
                    Strings(rule.Of);
                    Strings(rule.In);
                    Strings(rule.InFiles);
                    Strings(rule.Except);
                    Location(rule.Location);
                });
                Location(skill.Location);
            });
            w.Write(topic.Body);
            Location(topic.Location);
        }

        private void Role(Role role)
        {
            Heading(role.Id, role.Name);
            Text(role.Description);
            Strings(role.Tracks);
            Targets(role.Targets);
            Location(role.Location);
            w.Write(role.GradeTargets.Count);
            foreach (var (grade, targets) in role.GradeTargets)
            {
                w.Write(grade);
                Targets(targets);
            }
        }

        private void Roadmap(Roadmap roadmap)
        {
            Heading(roadmap.Id, roadmap.Name);
            Text(roadmap.Description);
            List(roadmap.Stages, stage =>
            {
                Heading(stage.Id, stage.Name);
                Text(stage.Why);
                Strings(stage.Topics);
                Strings(stage.Skills);
                Location(stage.Location);
            });
            Location(roadmap.Location);
        }

        private void Targets(IReadOnlyDictionary<string, Level> targets)
        {
            w.Write(targets.Count);
            foreach (var (topic, level) in targets)
            {
                w.Write(topic);
                w.Write((int)level);
            }
        }

        private void Heading(string first, string second)
        {
            w.Write(first);
            w.Write(second);
        }

        private void Text(string? text)
        {
            w.Write(text is not null);
            w.Write(text ?? "");
        }

        private void Strings(IReadOnlyList<string> values) => List(values, w.Write);

        private void Location(SourceLocation location)
        {
            w.Write(location.Path);
            w.Write(location.Line);
            w.Write(location.Column);
        }

        private void List<T>(IReadOnlyList<T> items, Action<T> item)
        {
            w.Write(items.Count);
            foreach (var one in items)
            {
                item(one);
            }
        }
    }

    private sealed class Reader(BinaryReader r)
    {
        public Framework Framework()
        {
            var (id, name, breadcrumb, description) = (r.ReadString(), r.ReadString(), r.ReadString(), Text());
            var (hasVersion, version) = (r.ReadBoolean(), r.ReadInt32());
            var levels = List(() => new LevelInfo(Level(), Text()) { Need = new EvidenceNeed(r.ReadInt32(), r.ReadInt32(), r.ReadInt32()) });
            var alternatives = List(() => new AlternativeGroup(Strings(), Location()));
            var deepUse = new DeepUse(r.ReadInt32(), r.ReadInt32());
            var activeDays = r.ReadInt32();
            var relevance = List(() => new Relevance(r.ReadString(), r.ReadInt32(), Level()));
            var tracks = List(() => new Track(r.ReadString(), r.ReadString()));
            var moved = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var count = Count(); moved.Count < count;)
            {
                moved.Add(r.ReadString(), r.ReadString());
            }

            var topics = List(Topic);
            var roles = List(Role);
            var roadmaps = List(Roadmap);
            var cards = List(() => new Card(r.ReadString(), r.ReadString(), r.ReadString(), Text(), Strings(), Location()));
            var tasks = List(() => new PracticeTask(r.ReadString(), r.ReadString(), r.ReadString(), Text(), Strings(), Strings(), Location()));
            var challenges = List(() => new Challenge(r.ReadString(), r.ReadString(), (ChallengeLevel)Enum(), r.ReadString(), Text(), Strings(), Strings(), Location()));
            var grades = List(() => new Grade(r.ReadString(), r.ReadString(), Level(), Location()));
            return new Framework(
                id, name, breadcrumb, description, hasVersion ? version : null, levels, alternatives, deepUse, activeDays,
                relevance, tracks, moved, topics, roles, roadmaps, cards, tasks, challenges)
            {
                Grades = grades,
            };
        }

        private Topic Topic()
        {
            var (id, name, description, relevance) = (r.ReadString(), r.ReadString(), Text(), r.ReadString());
            var (tracks, prerequisites) = (Strings(), Strings());
            var resources = List(() => new Resource(r.ReadString(), r.ReadString()));
            var skills = List(() => new Skill(
                r.ReadString(), r.ReadString(), r.ReadString(), Level(), Text(),
                List(Rule),
                Location()));
            return new Topic(id, name, description, relevance, tracks, prerequisites, resources, skills, r.ReadString(), Location());
        }

        private DetectionRule Rule()
        {
            var (kind, values, keywords, of, inFiles, inPython) = ((RuleKind)Enum(), Strings(), Strings(), Strings(), Strings(), Strings());
            var except = Strings();
            return new DetectionRule(kind, values, keywords, of, inFiles, inPython, Location()) { Except = except };
        }

        private Role Role()
        {
            var (id, name, description, tracks, targets, location) = (r.ReadString(), r.ReadString(), Text(), Strings(), Targets(), Location());
            var grades = new Dictionary<string, IReadOnlyDictionary<string, Level>>(StringComparer.Ordinal);
            for (var count = Count(); grades.Count < count;)
            {
                grades.Add(r.ReadString(), Targets());
            }

            return new Role(id, name, description, tracks, targets, location) { GradeTargets = grades };
        }

        private Roadmap Roadmap()
        {
            var (id, name, description) = (r.ReadString(), r.ReadString(), Text());
            var stages = List(() => new Stage(r.ReadString(), r.ReadString(), Text(), Strings(), Strings(), Location()));
            return new Roadmap(id, name, description, stages, Location());
        }

        private Dictionary<string, Level> Targets()
        {
            var count = Count();
            var targets = new Dictionary<string, Level>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                targets.Add(r.ReadString(), Level());
            }

            return targets;
        }

        private string? Text()
        {
            var present = r.ReadBoolean();
            var text = r.ReadString();
            return present ? text : null;
        }

        private Level Level() => (Level)Enum();

        private int Enum() => r.ReadInt32() is >= 0 and < 64 and var value ? value : throw new InvalidDataException("not an enum value");

        private string[] Strings()
        {
            var values = new string[Count()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = r.ReadString();
            }

            return values;
        }

        private SourceLocation Location() => new(r.ReadString(), r.ReadInt32(), r.ReadInt32());

        private int Count() => r.ReadInt32() is >= 0 and <= 1_000_000 and var count ? count : throw new InvalidDataException("not a count");

        private List<T> List<T>(Func<T> item)
        {
            var count = Count();
            var items = new List<T>(count);
            for (var i = 0; i < count; i++)
            {
                items.Add(item());
            }

            return items;
        }
    }
}
