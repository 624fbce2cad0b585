using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Skillprint.Core;
using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Skillprint.Core.People;
using Skillprint.Core.Status;
using Skillprint.Server.Auth;
using Skillprint.Server.Hosting;
using Skillprint.Store;

namespace Skillprint.Server.Data;

/// <summary>A page of evidence: the entries (the CLI's `evidence list --format json` objects), how
/// many there are in all, and the cursor of the next page (null on the last).</summary>
public sealed record EvidencePage(IReadOnlyList<EvidenceEntry> Items, int Total, string? NextCursor);

/// <summary>The body of new manual evidence.</summary>
public sealed record NewEvidence(string? Topic, string? Skill = null, string? Link = null, string? Note = null);

/// <summary>The body of a self-assessment.</summary>
public sealed record NewAssessment(string? Topic, string? Level, string? Note = null);

/// <summary>A built-in framework as listed: id, name, breadcrumb and its topics' ids.</summary>
public sealed record FrameworkSummary(string Id, string Name, IReadOnlyList<string> Topics);

/// <summary>
/// The caller's own data under <c>/api/v1/me</c>, over the same Core services and records as the
/// CLI: status (with ETag), explain, evidence (cursor pages, add, dismiss, restore, remove),
/// assessments, roles, gaps. Frameworks are read from the built-in catalogue only (an id never
/// reaches the file system). Admins read anyone's status at <c>/api/v1/people/{id}/status</c>.
/// </summary>
internal static class DataEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static void MapData(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").RequireWriteChecks();
        me.MapGet("/status", MyStatusAsync).WithTags("Status").WithSummary("Your status, topic by topic (the JSON of `skillprint status --format json`; `?include=evidence`: with every evidence item, as `--evidence`); ETag and If-None-Match")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        me.MapGet("/status/explain/{topic}", ExplainAsync).WithTags("Status").WithSummary("Why a topic's level is what it is (`status --explain TOPIC --format json`)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        me.MapGet("/evidence", ListEvidenceAsync).WithTags("Evidence").WithSummary("Your evidence, a page at a time (`evidence list --format json` entries)").ProducesProblem(StatusCodes.Status400BadRequest);
        me.MapPost("/evidence", AddEvidenceAsync).WithTags("Evidence").WithSummary("Add evidence code cannot show").ProducesProblem(StatusCodes.Status400BadRequest);
        me.MapPost("/evidence/{id}/dismiss", DismissAsync).WithTags("Evidence").WithSummary("Dismiss a code hit of yours (h ids)").ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPost("/evidence/{id}/restore", RestoreAsync).WithTags("Evidence").WithSummary("Undo a dismissal (h) or a removal (m)").ProducesProblem(StatusCodes.Status404NotFound);
        me.MapDelete("/evidence/{id}", RemoveAsync).WithTags("Evidence").WithSummary("Remove manual evidence of yours (m ids); kept for history").ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPost("/evidence/pushes", PushAsync).WithTags("Evidence")
            .WithSummary("Replace what one repository shows of you with what a scan found there (`scan --push`): only hits on your own lines are kept; with a team's push token, every author's hits are kept under their email (unknown authors as unclaimed identities); the same push twice changes nothing")
            .WithMetadata(new PushTokenAllowed())
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithBodyLimit(api.ServiceProvider.GetRequiredService<ServerSettings>().MaxPushBodyBytes);
        me.MapGet("/assessments", AssessmentsAsync).WithTags("Assessments").WithSummary("Your self-assessments, oldest first");
        me.MapPost("/assessments", AssessAsync).WithTags("Assessments").WithSummary("Record your own level in a topic").ProducesProblem(StatusCodes.Status400BadRequest);
        me.MapGet("/roles", RolesAsync).WithTags("Growth").WithSummary("The framework's roles and which you chose (`role list --format json`)");
        me.MapGet("/history", HistoryAsync).WithTags("Growth").WithSummary("Your timeline (`history --format json`)").ProducesProblem(StatusCodes.Status404NotFound);
        me.MapGet("/roadmaps", RoadmapsAsync).WithTags("Growth").WithSummary("Every roadmap with your progress (`roadmap show --format json`)");
        me.MapGet("/roadmaps/{id}", RoadmapAsync).WithTags("Growth").WithSummary("One roadmap with your progress (`roadmap show ID --format json`)").ProducesProblem(StatusCodes.Status404NotFound);
        me.MapGet("/gaps", GapsAsync).WithTags("Growth").WithSummary("Your gaps against your roles (`gaps --format json`)");

        var frameworks = api.MapGroup("/frameworks").WithTags("Frameworks");
        frameworks.MapGet("/", ListFrameworks).WithSummary("The built-in frameworks");
        frameworks.MapGet("/{id}", ShowFramework).WithSummary("One framework: its topics").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGrowth();

        api.MapGet("/people/{id:long}/status", PersonStatusAsync).WithTags("People").RequireAuthorization(Caller.AdminPolicy).RequireWriteChecks()
            .WithSummary("A person's status (admin)").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
    }

    // --- Status ---------------------------------------------------------------------------

    private static async Task<IResult> MyStatusAsync(HttpContext context, StoreAccess store, TimeProvider time, string? framework = null, string? include = null)
    {
        var person = await MeAsync(context, store);
        return await StatusOfAsync(context, store, time, person, framework, include);
    }

    private static async Task<IResult> PersonStatusAsync(long id, HttpContext context, StoreAccess store, TimeProvider time, string? framework = null, string? include = null)
    {
        var person = await store.Store().GetPersonAsync(new PersonId(id), context.RequestAborted);
        if (person is null)
        {
            return NotFound($"there is no person {id}");
        }

        var result = await StatusOfAsync(context, store, time, person, framework, include);
        if (result is not ProblemHttpResult && Framework(framework) is { } read)
        {
            await Audit.AuditEndpoints.RecordPersonReadAsync(store.Store(), person.Id, read.Id, context.RequestAborted);
        }

        return result;
    }

    private static async Task<IResult> StatusOfAsync(HttpContext context, StoreAccess store, TimeProvider time, Person person, string? frameworkId, string? include)
    {
        if (Framework(frameworkId) is not { } framework)
        {
            return UnknownFramework(frameworkId);
        }

        if (include is not (null or "evidence"))
        {
            return BadRequest($"include: '{include}' is not 'evidence' (the only part of the status left out by default)");
        }

        var withEvidence = include is not null;
        var status = await new StatusService(store.Store(), time).ComputeAsync(framework, person, cancel: context.RequestAborted);
        var tag = ETagOf(status, withEvidence);
        context.Response.Headers.ETag = tag;
        context.Response.Headers.CacheControl = "private, no-cache";
        var match = context.Request.Headers.IfNoneMatch.ToString();
        if (match.Length > 0 && match.Split(',').Select(t => t.Trim()).Any(t => t == tag || t == "*"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(StatusJson.WriteBytes(status, withEvidence), "application/json; charset=utf-8");
    }

    /// <summary>The status's entity tag: a hash of its JSON with <c>generatedAt</c> held still (the
    /// time of the answer, which changes on every request while the status does not).</summary>
    internal static string ETagOf(PersonalStatus status, bool withEvidence)
    {
        var hash = SHA256.HashData(StatusJson.WriteBytes(status with { GeneratedAt = DateTimeOffset.UnixEpoch }, withEvidence));
        return "\"" + Convert.ToHexStringLower(hash)[..32] + "\"";
    }

    private static async Task<IResult> ExplainAsync(string topic, HttpContext context, StoreAccess store, TimeProvider time, string? framework = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        if (fw.Topics.FirstOrDefault(t => string.Equals(t.Id, topic, StringComparison.Ordinal)) is not { } found)
        {
            return NotFound($"the framework {fw.Id} has no topic '{topic}'");
        }

        var service = new StatusService(store.Store(), time);
        var status = await service.ComputeAsync(fw, await MeAsync(context, store), cancel: context.RequestAborted);
        return Results.Text(ExplanationJson.Write(service.Explain(fw, found, status)), "application/json", Encoding.UTF8);
    }

    // --- Evidence -------------------------------------------------------------------------

    private static async Task<IResult> ListEvidenceAsync(
        HttpContext context, StoreAccess store, TimeProvider time, string? framework = null, string? topic = null, string? skill = null, bool dismissed = false, string? cursor = null, int? limit = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return BadRequest($"limit: {size} is not between 1 and {MaxPageSize}");
        }

        var offset = 0;
        if (cursor is not null && !TryReadCursor(cursor, out offset))
        {
            return BadRequest("cursor: not a cursor this server gave (use nextCursor of the previous page)");
        }

        var page = await new EvidenceService(store.Store(), time).ListAsync(
            fw, await MeAsync(context, store), new EvidenceFilter(topic, skill, dismissed, AllAuthors: false, Limit: null), context.RequestAborted);
        var items = page.Items.Skip(offset).Take(size).ToList();
        var next = offset + items.Count < page.Items.Count ? Cursor(offset + items.Count) : null;
        return TypedResults.Ok(new EvidencePage(items, page.Items.Count, next));
    }

    private static async Task<IResult> AddEvidenceAsync(NewEvidence body, HttpContext context, StoreAccess store, TimeProvider time, string? framework = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        var (topic, skill, error) = TopicAndSkill(fw, body?.Topic, body?.Skill);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var entry = await new EvidenceService(store.Store(), time).AddAsync(fw, await MeAsync(context, store), topic!, skill, body!.Link, body.Note, context.RequestAborted);
        return TypedResults.Created($"/api/v1/me/evidence/{entry.Id}", entry);
    }

    private static async Task<IResult> PushAsync(EvidencePush body, HttpContext context, StoreAccess store, TimeProvider time)
    {
        if (body?.Hits is null)
        {
            return BadRequest("a push needs framework, repositoryIdentity, repositoryName and hits");
        }

        if (Framework(body.Framework) is null)
        {
            return UnknownFramework(body.Framework);
        }

        if (Caller.Of(context.User).TeamId is { } team)
        {
            return TypedResults.Ok(await store.Store().ReplaceTeamPushedEvidenceAsync(team, body, time.GetUtcNow(), context.RequestAborted));
        }

        var me = await MeAsync(context, store);
        return TypedResults.Ok(await store.Store().ReplacePushedEvidenceAsync(me.Id, body, time.GetUtcNow(), context.RequestAborted));
    }

    private static Task<IResult> DismissAsync(string id, HttpContext context, StoreAccess store, TimeProvider time) =>
        ChangeAsync(id, context, (service, actor, refs) => service.DismissAsync(actor, refs, context.RequestAborted), store, time);

    private static Task<IResult> RestoreAsync(string id, HttpContext context, StoreAccess store, TimeProvider time) =>
        ChangeAsync(id, context, (service, actor, refs) => service.RestoreAsync(actor, refs, context.RequestAborted), store, time);

    private static Task<IResult> RemoveAsync(string id, HttpContext context, StoreAccess store, TimeProvider time) =>
        ChangeAsync(id, context, (service, actor, refs) => service.RemoveAsync(actor, refs, context.RequestAborted), store, time);

    private static async Task<IResult> ChangeAsync(
        string id, HttpContext context, Func<EvidenceService, PersonId, EvidenceRef[], Task<IReadOnlyList<EvidenceChange>>> change, StoreAccess store, TimeProvider time)
    {
        if (!EvidenceRef.TryParse(id, out var reference, out var error))
        {
            return BadRequest(error);
        }

        var caller = Caller.Of(context.User);
        var result = (await change(new EvidenceService(store.Store(), time), caller.PersonId, [reference])).Single();
        return result.Outcome switch
        {
            EvidenceOutcome.NotFound or EvidenceOutcome.NotYours => NotFound($"there is no evidence {reference} of yours"),
            EvidenceOutcome.WrongKind => BadRequest(reference.Source == EvidenceSource.Code
                ? $"{reference} is a code hit: it is dismissed (POST .../{reference}/dismiss), not removed"
                : $"{reference} is manual evidence: it is removed (DELETE .../{reference}), not dismissed"),
            _ => TypedResults.Ok(result with { Owner = null }),
        };
    }

    // --- Assessments and growth -----------------------------------------------------------

    private static async Task<IResult> AssessmentsAsync(HttpContext context, StoreAccess store, string? framework = null, string? topic = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        var caller = Caller.Of(context.User);
        return TypedResults.Ok(await store.Store().GetSelfAssessmentsAsync(caller.PersonId, fw.Id, topic, context.RequestAborted));
    }

    private static async Task<IResult> AssessAsync(NewAssessment body, HttpContext context, StoreAccess store, TimeProvider time, string? framework = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        var (topic, _, error) = TopicAndSkill(fw, body?.Topic, null);
        if (error is not null)
        {
            return BadRequest(error);
        }

        if (!Levels.TryParse(body!.Level, out var level))
        {
            return BadRequest($"level: '{body.Level}' is not one of {string.Join(", ", Enum.GetNames<Level>())}");
        }

        var me = await MeAsync(context, store);
        var stored = await store.Store().AddSelfAssessmentAsync(me.Id, new SelfAssessment(me.PrimaryEmail, fw.Id, topic!.Id, level, body.Note, time.GetUtcNow()), context.RequestAborted);
        return TypedResults.Created("/api/v1/me/assessments", stored);
    }

    private static async Task<IResult> RolesAsync(HttpContext context, StoreAccess store, string? framework = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        var me = await MeAsync(context, store);
        return TypedResults.Ok(RolesReport.Of(fw, me.PrimaryEmail, await store.Store().ListRolesAsync(me.Id, fw.Id, context.RequestAborted)));
    }

    private static async Task<IResult> HistoryAsync(HttpContext context, StoreAccess store, TimeProvider time, string? framework = null, string? topic = null, DateTimeOffset? since = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        if (topic is not null && !fw.Topics.Any(t => string.Equals(t.Id, topic, StringComparison.Ordinal)))
        {
            return NotFound($"the framework {fw.Id} has no topic '{topic}'");
        }

        var me = await MeAsync(context, store);
        var (inputs, _) = await new GrowthService(store.Store(), time).HistoryOfAsync(fw, me, context.RequestAborted);
        var events = Skillprint.Core.History.Timeline.Build(fw, inputs, topic).Where(e => since is null || e.At > since).ToList();
        return TypedResults.Ok(new HistoryReport(fw.Id, me.PrimaryEmail, topic, since, events));
    }

    private static Task<IResult> RoadmapsAsync(HttpContext context, StoreAccess store, TimeProvider time, string? framework = null) =>
        RoadmapReportAsync(context, store, time, framework, null);

    private static Task<IResult> RoadmapAsync(string id, HttpContext context, StoreAccess store, TimeProvider time, string? framework = null) =>
        RoadmapReportAsync(context, store, time, framework, id);

    private static async Task<IResult> RoadmapReportAsync(HttpContext context, StoreAccess store, TimeProvider time, string? framework, string? id)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        var roadmaps = id is null ? fw.Roadmaps.ToList() : fw.Roadmaps.Where(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (roadmaps.Count == 0 && id is not null)
        {
            return NotFound($"the framework {fw.Id} has no roadmap '{id}'");
        }

        var data = await new GrowthService(store.Store(), time).LoadAsync(fw, await MeAsync(context, store), context.RequestAborted);
        var progress = roadmaps.Select(r => Skillprint.Core.Roadmaps.RoadmapProgress.Compute(fw, r, data.Book)).ToList();
        return TypedResults.Ok(new RoadmapsReport(fw.Id, data.Person.PrimaryEmail, progress));
    }

    private static async Task<IResult> GapsAsync(HttpContext context, StoreAccess store, TimeProvider time, string? framework = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        var me = await MeAsync(context, store);
        var (_, plan) = await new GrowthService(store.Store(), time).PlanAsync(fw, me, [], context.RequestAborted);
        return TypedResults.Ok(GapReport.Of(fw.Id, me.PrimaryEmail, plan));
    }

    // --- Frameworks -----------------------------------------------------------------------

    private static Ok<IReadOnlyList<FrameworkSummary>> ListFrameworks() =>
        TypedResults.Ok<IReadOnlyList<FrameworkSummary>>(BuiltInFrameworks.Names.Select(Framework).OfType<Framework>().Select(Summary).ToList());

    private static IResult ShowFramework(string id) =>
        Framework(id) is { } framework ? TypedResults.Ok(Summary(framework)) : UnknownFramework(id);

    private static FrameworkSummary Summary(Framework framework) =>
        new(framework.Id, framework.Name, framework.Topics.Select(t => t.Id).ToList());

    // --- Plumbing -------------------------------------------------------------------------

    /// <summary>A built-in framework by id ("python" when none is given); null for any other value,
    /// which never reaches the file system.</summary>
    internal static Framework? Framework(string? id)
    {
        var name = string.IsNullOrEmpty(id) ? "python" : id;
        return BuiltInFrameworks.Names.Contains(name, StringComparer.Ordinal) ? BuiltInFrameworks.Load(name).Framework : null;
    }

    internal static async Task<Person> MeAsync(HttpContext context, StoreAccess store)
    {
        var caller = Caller.Of(context.User);
        return await store.Store().GetPersonAsync(caller.PersonId, context.RequestAborted)
            ?? throw new StoreException(StoreFault.InvalidInput, $"person {caller.PersonId} is gone");
    }

    private static (Topic? Topic, Skill? Skill, string? Error) TopicAndSkill(Framework framework, string? topicId, string? skillId)
    {
        if (string.IsNullOrWhiteSpace(topicId))
        {
            return (null, null, "topic is needed");
        }

        var topic = framework.Topics.FirstOrDefault(t => string.Equals(t.Id, topicId, StringComparison.Ordinal));
        if (topic is null)
        {
            return (null, null, $"topic: the framework {framework.Id} has no topic '{topicId}'");
        }

        if (skillId is null)
        {
            return (topic, null, null);
        }

        var skill = topic.Skills.FirstOrDefault(s => string.Equals(s.Id, skillId, StringComparison.Ordinal));
        return skill is null ? (null, null, $"skill: the topic {topic.Id} has no skill '{skillId}'") : (topic, skill, null);
    }

    private static string Cursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("o:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid value", detail: detail);

    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    internal static ProblemHttpResult UnknownFramework(string? id) =>
        NotFound($"there is no built-in framework '{id}'; frameworks: {string.Join(", ", BuiltInFrameworks.Names)}");
}
