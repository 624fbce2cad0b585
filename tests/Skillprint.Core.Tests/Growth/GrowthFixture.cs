using Skillprint.Core.Frameworks;
using Skillprint.Core.Status;

namespace Skillprint.Core.Tests.Growth;

/// <summary>
/// A small framework with roles, a roadmap and practice items, written in the test and loaded with the
/// real loader. Relevance: Critical 4 → Advanced, High 3 → Intermediate, Medium 2 → Intermediate,
/// Low 1 → Beginner. One skill shown in one place reaches its level (each level's evidence need is
/// 1 skill, 1 place, 1 file), so that a test sets a level with one hit.
/// </summary>
internal static class GrowthFixture
{
    public const string Me = "me@example.com";

    public static readonly DateTimeOffset Now = new(2025, 7, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Framework> Loaded = new(Load);

    public static Framework Framework => Loaded.Value;

    private static Framework Load()
    {
        var files = new Dictionary<string, string>
        {
            ["framework.yaml"] = """
                id: python
                name: Python
                breadcrumb: Programming Languages > Python
                levels:
                  - name: Beginner
                    evidence: {skills: 1, places: 1, files: 1}
                  - name: Intermediate
                    evidence: {skills: 1, places: 1, files: 1}
                  - name: Advanced
                    evidence: {skills: 1, places: 1, files: 1}
                  - name: Expert
                    evidence: {skills: 1, places: 1, files: 1}
                relevance:
                  - name: Critical
                    weight: 4
                    target: Advanced
                  - name: High
                    weight: 3
                    target: Intermediate
                  - name: Medium
                    weight: 2
                    target: Intermediate
                  - name: Low
                    weight: 1
                    target: Beginner
                tracks:
                  - id: backend
                    name: Backend
                  - id: data
                    name: Data
                topics: [basics, web, async, data, tools]
                """,
            ["topics/basics.md"] = Topic("basics", "Basics", "Critical", "[backend, data]", "[]", "basics.syntax:Beginner:d", "basics.functions:Beginner:d", "basics.classes:Intermediate:d", "basics.decorators:Intermediate:d", "basics.metaclasses:Advanced:d", "basics.descriptors:Advanced"),
            ["topics/web.md"] = Topic("web", "Web", "High", "[backend]", "[basics]", "web.routes:Beginner:d", "web.middleware:Intermediate:d", "web.streaming:Advanced:d"),
            ["topics/async.md"] = Topic("async", "Async", "Medium", "[backend]", "[basics]", "async.await:Beginner:d", "async.gather:Intermediate:d", "async.queue:Advanced:d", "async.generators:Advanced:d"),
            ["topics/data.md"] = Topic("data", "Data", "High", "[data]", "[]", "data.pandas:Beginner:d", "data.polars:Intermediate:d"),
            ["topics/tools.md"] = Topic("tools", "Tools", "Low", "[backend]", "[]", "tools.ruff:Beginner:d", "tools.precommit:Intermediate:d"),
            ["roles/backend.yaml"] = """
                id: backend
                name: Backend Developer
                tracks: [backend]
                targets:
                  async: Advanced
                """,
            ["roles/data-eng.yaml"] = """
                id: data-eng
                name: Data Engineer
                tracks: [data]
                targets:
                  basics: Intermediate
                  async: Beginner
                  tools: None
                """,
            ["roadmaps/path.yaml"] = """
                id: path
                name: The path
                stages:
                  - id: first
                    name: First steps
                    topics: [basics]
                    skills: [basics.syntax, basics.functions, basics.classes]
                  - id: web
                    name: The web
                    topics: [web]
                    skills: [web.routes, web.middleware, basics.functions]
                  - id: async
                    name: Async
                    topics: [async]
                    skills: [async.await, async.gather, async.queue]
                  - id: tooling
                    name: Tooling
                    topics: [tools]
                """,
            ["practice/async.yaml"] = """
                topic: async
                cards:
                  - id: async.c1
                    question: What does await do?
                    answer: It suspends the coroutine until the awaitable is done.
                    skills: [async.await]
                  - id: async.c2
                    question: What is asyncio.Queue for?
                    answer: Passing items between producer and consumer coroutines.
                    skills: [async.queue]
                  - id: async.c3
                    question: A question without an answer yet
                tasks:
                  - id: async.t1
                    title: Gather three sources
                    acceptance: [uses gather]
                    skills: [async.gather]
                """,
            ["practice/basics.yaml"] = """
                topic: basics
                cards:
                  - id: basics.c1
                    question: What is a decorator?
                    answer: A callable that takes a function and returns a replacement.
                    skills: [basics.decorators]
                  - id: basics.c2
                    question: What is a class?
                    answer: A blueprint for objects.
                    skills: [basics.classes]
                """,
        };
        var load = FrameworkLoader.Load(new MemoryFrameworkSource("growth fixture", files));
        load.Errors.ShouldBeEmpty(string.Join("\n", load.Errors.Select(e => e.ToString())));
        return load.Framework!;
    }

    /// <summary>A topic file; each skill as "id:Level" or "id:Level:d" (detectable).</summary>
    private static string Topic(string id, string name, string relevance, string tracks, string prerequisites, params string[] skills)
    {
        var lines = new List<string> { "---", $"id: {id}", $"name: {name}", $"relevance: {relevance}", $"tracks: {tracks}", $"prerequisites: {prerequisites}", "skills:" };
        foreach (var skill in skills)
        {
            var parts = skill.Split(':');
            lines.Add($"  - id: {parts[0]}");
            lines.Add($"    name: {parts[0].Split('.')[1]}");
            lines.Add($"    level: {parts[1]}");
            if (parts.Length > 2)
            {
                lines.Add("    detect:");
                lines.Add($"      - imports: {parts[0].Split('.')[1]}");
            }
        }

        lines.Add("---");
        lines.Add($"{name} notes.");
        return string.Join('\n', lines) + "\n";
    }

    public static Role Role(string id) => Framework.FindRole(id)!;

    public static SelfAssessment Assess(string topic, Level level, int daysAgo = 10) =>
        new(Me, "python", topic, level, null, Now.AddDays(-daysAgo));

    public static EvidenceItem Code(string skill, int daysAgo = 5) =>
        new(EvidenceKind.Code, skill.Split('.')[0], skill, Now.AddDays(-daysAgo), null, null,
            new CodeLocation("repo", "app.py", 1, Me));

    public static EvidenceItem Manual(string skill, int daysAgo = 5) =>
        new(EvidenceKind.Manual, skill.Split('.')[0], skill, Now.AddDays(-daysAgo), "https://example.org", "course", null, 1);

    public static PersonalStatus StatusOf(IEnumerable<SelfAssessment> assessments, IEnumerable<EvidenceItem> evidence) =>
        PersonalStatus.Compute(Framework, assessments, evidence, new Status.FixedTime(Now), Me);
}
