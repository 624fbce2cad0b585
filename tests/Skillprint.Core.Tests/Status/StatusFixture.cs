using Skillprint.Core.Frameworks;
using Skillprint.Core.Status;

namespace Skillprint.Core.Tests.Status;

/// <summary>A clock that says what the test tells it.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A small framework written in the test, loaded with the real loader.</summary>
internal static class StatusFixture
{
    public static readonly DateTimeOffset Now = new(2025, 7, 20, 12, 0, 0, TimeSpan.Zero);

    public static Framework Framework()
    {
        var files = new Dictionary<string, string>
        {
            ["framework.yaml"] = """
                id: python
                name: Python
                breadcrumb: Programming Languages > Python
                levels:
                  - name: Beginner
                  - name: Intermediate
                  - name: Advanced
                  - name: Expert
                relevance:
                  - name: High
                    weight: 3
                    target: Intermediate
                  - name: Medium
                    weight: 2
                    target: Intermediate
                tracks:
                  - id: backend
                    name: Backend
                  - id: api
                    name: API
                  - id: devops
                    name: DevOps
                moved:
                  async.old-gather: async.gather
                topics: [pydantic, async, cli]
                """,
            ["topics/pydantic.md"] = """
                ---
                id: pydantic
                name: Pydantic
                description: Data validation and settings management using Python type hints.
                relevance: High
                tracks: [backend, api]
                skills:
                  - id: pydantic.models
                    name: models
                    level: Beginner
                    detect:
                      - subclasses: pydantic.BaseModel
                  - id: pydantic.validators
                    name: validators
                    level: Intermediate
                    detect:
                      - uses: pydantic.field_validator
                  - id: pydantic.settings
                    name: settings management
                    level: Advanced
                    detect:
                      - imports: pydantic_settings
                  - id: pydantic.json-schema
                    name: custom JSON schema
                    level: Advanced
                  - id: pydantic.plugins
                    name: plugins
                    level: Expert
                ---
                Pydantic notes.
                """,
            ["topics/async.md"] = """
                ---
                id: async
                name: Async Programming
                description: "Asynchronous programming with async/await | event loops"
                relevance: Medium
                tracks: [backend, api]
                skills:
                  - id: async.await
                    name: async/await
                    level: Beginner
                    detect:
                      - node: [AsyncFunctionDef]
                  - id: async.gather
                    name: asyncio.gather
                    level: Intermediate
                    detect:
                      - uses: asyncio.gather
                  - id: async.httpx
                    name: httpx async client
                    level: Intermediate
                    detect:
                      - uses: httpx.AsyncClient
                  - id: async.queue
                    name: asyncio.Queue
                    level: Advanced
                    detect:
                      - uses: asyncio.Queue
                  - id: async.generators
                    name: async generators
                    level: Advanced
                    detect:
                      - predicate: async-generator
                  - id: async.executor
                    name: concurrent.futures integration
                    level: Advanced
                  - id: async.uvloop
                    name: uvloop
                    level: Expert
                    detect:
                      - imports: uvloop
                ---
                """,
            ["topics/cli.md"] = """
                ---
                id: cli
                name: CLI Development
                description: Command-line interfaces with Typer or Click.
                relevance: Medium
                tracks: [devops]
                ---
                """,
        };
        var load = FrameworkLoader.Load(new MemoryFrameworkSource("status fixture", files));
        load.Errors.ShouldBeEmpty(string.Join("\n", load.Errors.Select(e => e.ToString())));
        return load.Framework!;
    }

    public static SelfAssessment Assess(string topic, Level level, string? note, int daysAgo, string framework = "python") =>
        new("me@example.com", framework, topic, level, note, Now.AddDays(-daysAgo));

    public static ManualEvidence Manual(long id, string topic, string? skill, string? link, string? note, int daysAgo) =>
        new(id, "me@example.com", "python", topic, skill, link, note, Now.AddDays(-daysAgo));

    public static EvidenceItem Code(string topic, string skill, string repository, string path, int line, int daysAgo) =>
        new(EvidenceKind.Code, topic, skill, Now.AddDays(-daysAgo), null, null,
            new CodeLocation(repository, path, line, "me@example.com"));
}
