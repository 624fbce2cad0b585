using Skillprint.Core.Frameworks;
using Skillprint.Core.Tests.Detection;
using Xunit.Abstractions;

namespace Skillprint.Core.Tests.Content;

/// <summary>
/// What the built-in Python framework promises its users about itself: every skill explained and
/// practised, enough cards, two tasks per topic, a challenge for each Critical and High topic, and
/// no id that points nowhere. Run with a detailed logger to print the counts
/// (<c>--filter ContentCoverageTests --logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class ContentCoverageTests(ITestOutputHelper output)
{
    private const int MinimumCards = 300;
    private const int MinimumTasksPerTopic = 2;

    private static Framework Python => BuiltIn.Framework;

    [Fact]
    public void Prints_the_counts_of_the_framework()
    {
        var practised = PractisedSkills();
        var skills = Python.Skills.ToList();
        output.WriteLine(
            $"skills {skills.Count}, described {skills.Count(s => !string.IsNullOrWhiteSpace(s.Description))}, " +
            $"detectable {skills.Count(s => s.IsDetectable)}, cards {Python.Cards.Count}, tasks {Python.Tasks.Count}, " +
            $"challenges {Python.Challenges.Count}, skills without practice {skills.Count(s => !practised.Contains(s.Id))}, " +
            $"roles {Python.Roles.Count}, grades {Python.Grades.Count}");
        foreach (var topic in Python.Topics)
        {
            output.WriteLine(
                $"  {topic.Id,-14} {topic.Relevance,-8} skills {topic.Skills.Count,3}  cards {Python.CardsOf(topic.Id).Count(),3}  " +
                $"tasks {Python.TasksOf(topic.Id).Count(),2}  challenges {Python.ChallengesOf(topic.Id).Count()}");
        }

        skills.ShouldNotBeEmpty();
    }

    [Fact]
    public void Every_skill_has_a_description()
    {
        Python.Skills.Where(skill => string.IsNullOrWhiteSpace(skill.Description)).Select(skill => skill.Id).ShouldBeEmpty();
    }

    [Fact]
    public void Every_skill_is_practised_by_a_card_a_task_or_a_challenge()
    {
        var practised = PractisedSkills();
        Python.Skills.Where(skill => !practised.Contains(skill.Id)).Select(skill => skill.Id).ShouldBeEmpty();
    }

    [Fact]
    public void There_are_enough_cards_and_each_has_an_answer_and_names_its_skills()
    {
        Python.Cards.Count.ShouldBeGreaterThanOrEqualTo(MinimumCards);
        Python.Cards.Where(card => !card.IsDrillable).Select(card => card.Id).ShouldBeEmpty("cards without an answer");
        Python.Cards.Where(card => card.Skills.Count == 0).Select(card => card.Id).ShouldBeEmpty("cards without skills");
        Python.Tasks.Where(task => task.Skills.Count == 0).Select(task => task.Id).ShouldBeEmpty("tasks without skills");
        Python.Challenges.Where(challenge => challenge.Skills.Count == 0).Select(challenge => challenge.Id).ShouldBeEmpty("challenges without skills");
    }

    [Fact]
    public void Every_topic_has_at_least_two_tasks()
    {
        Python.Topics.Where(topic => Python.TasksOf(topic.Id).Count() < MinimumTasksPerTopic)
            .Select(topic => $"{topic.Id} ({Python.TasksOf(topic.Id).Count()})")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_critical_and_high_topic_has_a_challenge()
    {
        var weighty = Python.Topics.Where(topic => topic.Relevance is "Critical" or "High").ToList();
        weighty.ShouldContain(topic => topic.Relevance == "Critical");
        weighty.Where(topic => !Python.ChallengesOf(topic.Id).Any()).Select(topic => topic.Id).ShouldBeEmpty();
    }

    [Fact]
    public void Every_skill_id_referenced_anywhere_resolves()
    {
        var referenced = Python.Cards.SelectMany(card => card.Skills.Select(id => (card.Id, id)))
            .Concat(Python.Tasks.SelectMany(task => task.Skills.Select(id => (task.Id, id))))
            .Concat(Python.Challenges.SelectMany(challenge => challenge.Skills.Select(id => (challenge.Id, id))))
            .Concat(Python.Roadmaps.SelectMany(map => map.Stages.SelectMany(stage => stage.Skills.Select(id => ($"{map.Id}/{stage.Id}", id)))))
            .Concat(Python.Moved.Values.Select(id => ("moved", id)))
            .Concat(AddedSkillCases.DetectableSkills.Concat(AddedSkillCases.SelfAssessedSkills).Concat(SkillCases.RequiredSkills).Select(id => ("test cases", id)))
            .ToList();

        referenced.Count.ShouldBeGreaterThan(MinimumCards);
        referenced.Where(pair => Python.FindSkill(pair.id) is null && Python.FindTopic(pair.id) is null)
            .Select(pair => $"{pair.Item1} -> {pair.id}")
            .ShouldBeEmpty();
        Python.Roles.SelectMany(role => role.Targets.Keys.Concat(role.GradeTargets.Values.SelectMany(entries => entries.Keys)))
            .Where(topic => Python.FindTopic(topic) is null)
            .ShouldBeEmpty();
    }

    private static HashSet<string> PractisedSkills() =>
        Python.Cards.SelectMany(card => card.Skills)
            .Concat(Python.Tasks.SelectMany(task => task.Skills))
            .Concat(Python.Challenges.SelectMany(challenge => challenge.Skills))
            .ToHashSet(StringComparer.Ordinal);
}
