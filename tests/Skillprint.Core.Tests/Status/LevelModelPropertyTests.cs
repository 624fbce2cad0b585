using FsCheck;
using FsCheck.Fluent;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Status;

namespace Skillprint.Core.Tests.Status;

/// <summary>
/// The properties of the level model (issue 9), each checked over generated frameworks (topics,
/// skills at random levels, detectable or not, groups of alternatives, evidence needs) and generated
/// code evidence (skills in files, lines and repositories, at dates).
/// </summary>
public sealed class LevelModelPropertyTests
{
    private static readonly Level[] Scale = [Level.Beginner, Level.Intermediate, Level.Advanced, Level.Expert];
    private static readonly DateTimeOffset Now = new(2025, 7, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly SourceLocation Nowhere = new("generated", 1, 1);
    private static readonly DetectionRule Rule = new(RuleKind.Imports, ["x"], [], [], [], [], Nowhere);

    /// <summary>A generated framework with the evidence of a person and some more evidence.</summary>
    public sealed record World(Framework Framework, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<EvidenceItem> More)
    {
        public override string ToString() =>
            $"needs: {string.Join("; ", Framework.Levels.Select(l => $"{l.Level} {l.Need}"))}\n" +
            $"skills: {string.Join(", ", Framework.Skills.Select(s => $"{s.Id}:{s.Level}{(s.IsDetectable ? "" : "(no rule)")}"))}\n" +
            $"alternatives: {string.Join(" | ", Framework.Alternatives.Select(g => string.Join("+", g.Skills)))}\n" +
            $"evidence: {string.Join(", ", Evidence.Select(Show))}\nmore: {string.Join(", ", More.Select(Show))}";

        private static string Show(EvidenceItem e) => $"{e.Skill}@{e.Code!.Repository}/{e.Code.Path}:{e.Code.Line}";
    }

    private static Gen<World> Worlds()
    {
        var skillGen =
            from level in Gen.Elements(Scale)
            from detectable in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
            select (level, detectable);
        var topicGen = Gen.ListOf(skillGen).Where(s => s.Count is > 0 and <= 10);
        var needGen =
            from skills in Gen.Choose(1, 3)
            from places in Gen.Choose(1, 6)
            from files in Gen.Choose(1, 3)
            select new EvidenceNeed(skills, places, files);
        return
            from topicSkills in Gen.ListOf(topicGen).Where(t => t.Count is > 0 and <= 3)
            from needs in Gen.ArrayOf(needGen, 4)
            from deepPlaces in Gen.Choose(1, 5)
            from deepFiles in Gen.Choose(1, 3)
            from groupSeed in Gen.Choose(0, 1000)
            from evidenceSeeds in Gen.ListOf(Gen.Choose(0, int.MaxValue / 2))
            from moreSeeds in Gen.ListOf(Gen.Choose(0, int.MaxValue / 2))
            select Build(topicSkills, needs, new DeepUse(deepPlaces, deepFiles), groupSeed, evidenceSeeds, moreSeeds);
    }

    private static World Build(
        IEnumerable<IEnumerable<(Level Level, bool Detectable)>> topicSkills,
        EvidenceNeed[] needs,
        DeepUse deep,
        int groupSeed,
        IEnumerable<int> evidenceSeeds,
        IEnumerable<int> moreSeeds)
    {
        var topics = topicSkills
            .Select((skills, t) => Topic($"t{t}", skills.Select((s, i) => Skill($"t{t}.s{i}", $"t{t}", s.Level, s.Detectable))))
            .ToList();
        // Needs never fall from one level to the next, as the loader requires.
        var levels = new List<LevelInfo>();
        for (var i = 0; i < 4; i++)
        {
            var need = needs[i];
            if (i > 0)
            {
                var below = levels[i - 1].Need;
                need = new EvidenceNeed(Math.Max(need.Skills, below.Skills), Math.Max(need.Places, below.Places), Math.Max(need.Files, below.Files));
            }

            levels.Add(new LevelInfo(Scale[i], null) { Need = need });
        }

        var detectable = topics.SelectMany(t => t.Skills).Where(s => s.IsDetectable).Select(s => s.Id).ToList();
        var random = new Random(groupSeed);
        var shuffled = detectable.OrderBy(_ => random.Next()).ToList();
        var alternatives = new List<AlternativeGroup>();
        for (var i = 0; i + 1 < shuffled.Count && alternatives.Count < 3; i += 2 + random.Next(2))
        {
            var size = Math.Min(2 + random.Next(2), shuffled.Count - i);
            alternatives.Add(new AlternativeGroup(shuffled.Skip(i).Take(size).ToList(), Nowhere));
            i += size - 2;
        }

        var framework = Framework(topics, levels, alternatives, deep);
        return new World(framework, Items(framework, evidenceSeeds), Items(framework, moreSeeds));
    }

    private static List<EvidenceItem> Items(Framework framework, IEnumerable<int> seeds)
    {
        var skills = framework.Skills.Where(s => s.IsDetectable).ToList();
        if (skills.Count == 0)
        {
            return [];
        }

        return seeds.Take(30).Select(seed =>
        {
            var skill = skills[seed % skills.Count];
            var place = seed / skills.Count;
            return new EvidenceItem(
                EvidenceKind.Code, skill.Topic, skill.Id, Now.AddDays(-(place % 400)), null, null,
                new CodeLocation($"repo{place % 2}", $"f{place / 2 % 3}.py", 1 + (place / 6 % 4), "me@example.com"));
        }).ToList();
    }

    private static Skill Skill(string id, string topic, Level level, bool detectable) =>
        new(id, topic, id, level, null, detectable ? [Rule] : [], Nowhere);

    private static Topic Topic(string id, IEnumerable<Skill> skills) =>
        new(id, id, null, "High", [], [], [], skills.ToList(), "", Nowhere);

    private static Framework Framework(IReadOnlyList<Topic> topics, IReadOnlyList<LevelInfo> levels, IReadOnlyList<AlternativeGroup> alternatives, DeepUse deep) =>
        new("gen", "Generated", "Generated", null, 1, levels, alternatives, deep, 180,
            [new Relevance("High", 3, Level.Intermediate)], [], new Dictionary<string, string>(), topics, [], [], [], [], []);

    private static Dictionary<string, Level> Levels(Framework framework, IEnumerable<EvidenceItem> evidence) =>
        PersonalStatus.Compute(framework, [], evidence, new FixedTime(Now))
            .Topics.ToDictionary(t => t.Id, t => t.EvidencedLevel);

    private static void Check(Func<World, bool> property) =>
        Prop.ForAll(Worlds().ToArbitrary(), property).QuickCheckThrowOnFailure();

    [Fact]
    public void More_evidence_never_lowers_a_level()
    {
        Check(world =>
        {
            var before = Levels(world.Framework, world.Evidence);
            var after = Levels(world.Framework, world.Evidence.Concat(world.More));
            return before.All(pair => after[pair.Key] >= pair.Value);
        });
    }

    [Fact]
    public void Adding_a_detectable_skill_nobody_shows_never_lowers_a_level()
    {
        Check(world =>
        {
            var before = Levels(world.Framework, world.Evidence);
            foreach (var level in Scale)
            {
                var topics = world.Framework.Topics
                    .Select((t, i) => i == 0 ? t with { Skills = [.. t.Skills, Skill($"{t.Id}.added", t.Id, level, detectable: true)] } : t)
                    .ToList();
                var grown = Framework(topics, world.Framework.Levels, world.Framework.Alternatives, world.Framework.DeepUse);
                var after = Levels(grown, world.Evidence);
                if (before.Any(pair => after[pair.Key] < pair.Value))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void A_group_of_alternatives_is_never_a_gap_once_a_member_is_shown_and_is_one_gap_otherwise()
    {
        Check(world =>
        {
            var status = PersonalStatus.Compute(world.Framework, [], world.Evidence, new FixedTime(Now));
            var shown = world.Evidence.Select(e => e.Skill!).ToHashSet(StringComparer.Ordinal);
            var gapIds = status.Topics.SelectMany(t => t.Gaps).SelectMany(g => g.Alternatives.Prepend(g.Id)).ToList();
            foreach (var group in world.Framework.Alternatives)
            {
                var named = gapIds.Count(group.Skills.Contains);
                if (group.Skills.Any(shown.Contains) ? named != 0 : named is not 0 && named != group.Skills.Count)
                {
                    return false;
                }
            }

            return gapIds.Count == gapIds.Distinct(StringComparer.Ordinal).Count();
        });
    }

    [Fact]
    public void Showing_one_alternative_counts_as_showing_any_other_at_its_level_or_below()
    {
        Check(world =>
        {
            foreach (var group in world.Framework.Alternatives)
            {
                var members = group.Skills.Select(id => world.Framework.FindSkill(id)!).ToList();
                var top = members.MaxBy(m => m.Level)!;
                var sameOrBelow = members.Where(m => m.Level <= top.Level && m.Id != top.Id).ToList();
                foreach (var other in sameOrBelow.Where(m => m.Topic == top.Topic))
                {
                    // The same places, once with the top member and once with the other: never lower with the top one.
                    var withOther = world.Evidence.Select(e => e with { Skill = other.Id, Topic = other.Topic }).ToList();
                    var withTop = world.Evidence.Select(e => e with { Skill = top.Id, Topic = top.Topic }).ToList();
                    if (Levels(world.Framework, withTop)[top.Topic] < Levels(world.Framework, withOther)[top.Topic])
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Fact]
    public void With_the_built_in_framework_one_hit_alone_never_makes_a_level_above_Beginner()
    {
        var framework = BuiltInFrameworks.Load("python").Framework!;
        foreach (var skill in framework.Skills.Where(s => s.IsDetectable))
        {
            // The same line found over and over (several rules, rescans) is still one place.
            var hit = new EvidenceItem(EvidenceKind.Code, skill.Topic, skill.Id, Now, null, null, new CodeLocation("repo", "snippet.py", 7, "me@example.com"));
            var levels = Levels(framework, [hit, hit, hit]);
            levels.Values.ShouldAllBe(level => level <= Level.Beginner, skill.Id);
        }
    }
}
