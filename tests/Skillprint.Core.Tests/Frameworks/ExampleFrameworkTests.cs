using Skillprint.Core.Growth;
using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Tests.Frameworks;

/// <summary>The complete example of docs/framework-format.md loads into the model it describes.</summary>
public sealed class ExampleFrameworkTests
{
    private static Framework Load()
    {
        var result = FrameworkLoader.LoadFolder(FixtureFolders.Example);
        result.Errors.Select(error => error.ToString()).ShouldBeEmpty();
        return result.Framework.ShouldNotBeNull();
    }

    [Fact]
    public void Reads_the_framework_metadata()
    {
        var framework = Load();

        framework.Id.ShouldBe("python");
        framework.Name.ShouldBe("Python");
        framework.Breadcrumb.ShouldBe("Programming Languages > Python");
        framework.Description.ShouldBe("The Python language, its standard library and the tools around it.");
        framework.Version.ShouldBe(1);
        framework.NeedFor(Level.Advanced).ShouldBe(new EvidenceNeed(3, 6, 2));
        framework.NeedFor(Level.Beginner).ShouldBe(EvidenceNeed.Default(Level.Beginner), "a level without 'evidence' has the default need");
        framework.Alternatives.Select(group => group.Skills).ShouldBe([["async.queue", "async.create-task"]]);
        framework.AlternativesOf("async.create-task")!.Location.ToString().ShouldBe("framework.yaml:20:5");
        framework.AlternativesOf("async.gather").ShouldBeNull();
        framework.ActiveDays.ShouldBe(90);
        framework.Levels.Select(level => level.Level).ShouldBe([Level.Beginner, Level.Intermediate, Level.Advanced, Level.Expert]);
        framework.DescribeLevel(Level.Beginner).ShouldBe("Writes working scripts with the core language.");
        framework.Relevance.ShouldBe(
        [
            new Relevance("Critical", 4, Level.Advanced),
            new Relevance("High", 3, Level.Intermediate),
            new Relevance("Medium", 2, Level.Beginner),
            new Relevance("Low", 1, Level.None),
        ]);
        framework.Tracks.ShouldBe([new Track("backend", "Backend"), new Track("api", "API"), new Track("data", "Data")]);
        framework.Moved.ShouldBe(new Dictionary<string, string> { ["async.old-queue"] = "async.queue" });
        framework.Resolve("async.old-queue").ShouldBe("async.queue");
        framework.Resolve("async.await").ShouldBe("async.await");
    }

    [Fact]
    public void Keeps_topics_in_the_order_framework_yaml_lists_them()
    {
        Load().Topics.Select(topic => topic.Id).ShouldBe(["fundamentals", "async", "data"]);
    }

    [Fact]
    public void Reads_a_topic_with_its_skills_and_body()
    {
        var topic = Load().FindTopic("async").ShouldNotBeNull();

        topic.Name.ShouldBe("Async Programming");
        topic.Description.ShouldBe("Asynchronous I/O with async/await, event loops, coroutines and asyncio primitives.");
        topic.Relevance.ShouldBe("Medium");
        topic.Tracks.ShouldBe(["backend", "api"]);
        topic.Prerequisites.ShouldBe(["fundamentals"]);
        topic.Resources.ShouldBe([new Resource("asyncio documentation", "https://docs.python.org/3/library/asyncio.html")]);
        topic.Skills.Select(skill => skill.Id).ShouldBe(
            ["async.await", "async.gather", "async.httpx-client", "async.queue", "async.create-task", "async.structured"]);
        topic.SkillsAt(Level.Advanced).Select(skill => skill.Id).ShouldBe(["async.queue", "async.create-task"]);
        topic.Body.ShouldStartWith("# Async Programming\n\nCoroutines let one thread wait on many sockets at once.");
        topic.Body.ShouldEndWith("```");
        topic.Location.ShouldBe(new SourceLocation("topics/async.md", 2, 1));
    }

    [Fact]
    public void Reads_skills_with_their_levels_and_detection_rules()
    {
        var framework = Load();

        var queue = framework.FindSkill("async.queue").ShouldNotBeNull();
        queue.Topic.ShouldBe("async");
        queue.Name.ShouldBe("asyncio.Queue");
        queue.Level.ShouldBe(Level.Advanced);
        queue.Description.ShouldBe("Hands work between producer and consumer coroutines.");
        var rule = queue.Rules.ShouldHaveSingleItem();
        rule.Kind.ShouldBe(RuleKind.Uses);
        rule.Values.ShouldBe(["asyncio.Queue", "asyncio.PriorityQueue", "asyncio.LifoQueue"]);
        rule.Location.ShouldBe(new SourceLocation("topics/async.md", 32, 9));

        framework.FindSkill("fundamentals.fstring").ShouldNotBeNull().Level.ShouldBe(Level.Beginner);
        framework.FindSkill("async.create-task").ShouldNotBeNull().Rules.Select(r => r.Kind).ShouldBe([RuleKind.Calls, RuleKind.AttributeCalls]);
        framework.FindSkill("async.structured").ShouldNotBeNull().IsDetectable.ShouldBeFalse();
        framework.SkillsAt(Level.Beginner).Select(skill => skill.Id).ShouldBe(
            ["fundamentals.fstring", "fundamentals.comprehension", "async.await", "data.library"]);

        var data = framework.FindSkill("data.library").ShouldNotBeNull().Rules;
        data.Select(r => r.Kind).ShouldBe([RuleKind.Imports, RuleKind.Config, RuleKind.Files]);
        data[1].In.ShouldBe(["pyproject.toml", "setup.cfg"]);
        data[2].Values.ShouldBe(["**/*.ipynb"]);
        data[2].InFiles.ShouldBe(["notebooks/**"]);
    }

    [Fact]
    public void Reads_roles_and_their_target_levels()
    {
        var framework = Load();
        var role = framework.FindRole("backend-developer").ShouldNotBeNull();

        role.Name.ShouldBe("Backend Developer");
        role.Tracks.ShouldBe(["backend", "api"]);
        role.Targets.ShouldBe(new Dictionary<string, Level> { ["async"] = Level.Advanced, ["data"] = Level.None });
        RoleTargets.Of(framework, role).Select(t => (t.Topic, t.Target)).ShouldBe(
            [("fundamentals", Level.Advanced), ("async", Level.Advanced)]);
    }

    [Fact]
    public void Reads_roadmaps_in_stage_order()
    {
        var roadmap = Load().FindRoadmap("python-80-20").ShouldNotBeNull();

        roadmap.Name.ShouldBe("Python 80/20 roadmap");
        roadmap.Stages.Select(stage => stage.Id).ShouldBe(["core-syntax", "async-io"]);
        roadmap.Stages[0].Why.ShouldBe("Fluency in the language itself.");
        roadmap.Stages[0].Skills.ShouldBe(["fundamentals.fstring", "fundamentals.comprehension"]);
        roadmap.Stages[1].Topics.ShouldBe(["async"]);
    }

    [Fact]
    public void Reads_practice_items_with_the_file_topic_as_default()
    {
        var framework = Load();

        framework.CardsOf("async").Select(card => card.Id).ShouldBe(["async.event-loop", "async.gather-order"]);
        var card = framework.FindCard("async.event-loop").ShouldNotBeNull();
        card.Answer.ShouldBe("It runs other ready tasks and resumes the coroutine when the socket is readable.\n");
        card.Skills.ShouldBe(["async.await"]);
        card.IsDrillable.ShouldBeTrue();
        framework.FindCard("async.gather-order").ShouldNotBeNull().IsDrillable.ShouldBeFalse();

        var task = framework.TasksOf("async").ShouldHaveSingleItem();
        task.Id.ShouldBe("async.fetch-concurrently");
        task.Topic.ShouldBe("async");
        task.Acceptance.ShouldBe(["All ten requests are in flight at once (one gather, one client)."]);
        task.Skills.ShouldBe(["async.gather", "async.httpx-client"]);

        var challenge = framework.ChallengesOf("async").ShouldHaveSingleItem();
        challenge.Level.ShouldBe(ChallengeLevel.BlackBelt);
        challenge.Level.DisplayName().ShouldBe("Black Belt");
        challenge.Acceptance.Count.ShouldBe(2);
        framework.CardsOf("data").ShouldBeEmpty();
    }

    [Fact]
    public void Orders_topics_by_file_name_without_a_topics_list()
    {
        var files = Directory.GetFiles(FixtureFolders.Example, "*", SearchOption.AllDirectories)
            .ToDictionary(
                file => Path.GetRelativePath(FixtureFolders.Example, file).Replace('\\', '/'),
                file => File.ReadAllText(file));
        files["framework.yaml"] = files["framework.yaml"].Replace("topics: [fundamentals, async, data]\n", "", StringComparison.Ordinal);

        var result = FrameworkLoader.Load(new MemoryFrameworkSource("example", files));

        result.Errors.ShouldBeEmpty();
        result.Framework.ShouldNotBeNull().Topics.Select(topic => topic.Id).ShouldBe(["async", "data", "fundamentals"]);
    }
}
