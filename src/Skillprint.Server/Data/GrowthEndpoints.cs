using Skillprint.Core.Growth;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;
using Skillprint.Server.Auth;
using Skillprint.Server.Hosting;
using static Skillprint.Server.Data.DataEndpoints;

namespace Skillprint.Server.Data;

/// <summary>The body of a roadmap mark: a topic or skill id (or TOPIC/SKILL) and todo, doing, done or skipped.</summary>
public sealed record NewMark(string? Item, string? Status);

/// <summary>The body of a practice review: a card id and a rating (1-4, or again, hard, good, easy).</summary>
public sealed record NewReview(string? Card, string? Rating);

/// <summary>
/// The caller's roadmap marks and practice under <c>/api/v1/me</c>, over <see cref="GrowthService"/>
/// as `roadmap mark` and `practice due|review` call it, answering the records those commands print
/// with <c>--format json</c>. The server's clock dates a mark or a review.
/// </summary>
internal static class GrowthEndpoints
{
    public static void MapGrowth(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").RequireWriteChecks();
        me.MapPost("/roadmaps/marks", MarkAsync).WithTags("Growth")
            .WithSummary("Mark a topic or skill todo, doing, done or skipped (`roadmap mark ITEM STATUS --format json`)")
            .Produces<MarkReport>().ProducesProblem(StatusCodes.Status400BadRequest);
        me.MapGet("/practice/due", DueAsync).WithTags("Practice")
            .WithSummary("Your practice cards due at a time, now by default (`practice due --format json`)")
            .Produces<DueReport>().ProducesProblem(StatusCodes.Status400BadRequest);
        me.MapPost("/practice/reviews", ReviewAsync).WithTags("Practice")
            .WithSummary("Record one review of a card, scheduled by FSRS-6 (`practice review CARD RATING --format json`)")
            .Produces<ReviewReport>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> MarkAsync(NewMark body, HttpContext context, StoreAccess store, TimeProvider time, string? framework = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        if (MarkItem.Find(fw, body?.Item ?? "") is not { } item)
        {
            return BadRequest($"item: '{body?.Item}' is not a topic or skill of the framework {fw.Id}");
        }

        if (!ProgressStatuses.TryParse(body!.Status ?? "", out var status))
        {
            return BadRequest($"status: '{body.Status}' is not one of todo, doing, done, skipped");
        }

        var at = time.GetUtcNow();
        var data = await new GrowthService(store.Store(), time).MarkAsync(fw, await MeAsync(context, store), item.Id, status, at, context.RequestAborted);
        return TypedResults.Ok(MarkReport.Of(data, item, status, at));
    }

    private static async Task<IResult> DueAsync(
        HttpContext context, StoreAccess store, TimeProvider time, string? framework = null, string? topic = null, int? limit = null, DateTimeOffset? at = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        var chosen = topic is null ? null : fw.FindTopic(topic);
        if (topic is not null && chosen is null)
        {
            return BadRequest($"topic: the framework {fw.Id} has no topic '{topic}'");
        }

        var size = limit ?? new QueueOptions().Limit;
        if (size < 1)
        {
            return BadRequest($"limit: {size} is not 1 or more");
        }

        var report = await new GrowthService(store.Store(), time).DueAsync(
            fw, await MeAsync(context, store), at ?? time.GetUtcNow(), new QueueOptions(chosen?.Id, null, size), context.RequestAborted);
        return TypedResults.Ok(report);
    }

    private static async Task<IResult> ReviewAsync(NewReview body, HttpContext context, StoreAccess store, TimeProvider time, string? framework = null)
    {
        if (Framework(framework) is not { } fw)
        {
            return UnknownFramework(framework);
        }

        if (fw.FindCard(body?.Card?.Trim() ?? "") is not { IsDrillable: true } card)
        {
            return BadRequest($"card: '{body?.Card}' is not a card of the framework {fw.Id} that can be drilled (see GET /api/v1/me/practice/due)");
        }

        if (!Ratings.TryParse(body!.Rating ?? "", out var rating))
        {
            return BadRequest($"rating: '{body.Rating}' is not one of 1 again, 2 hard, 3 good, 4 easy");
        }

        var scheduler = new FsrsScheduler();
        try
        {
            var review = await new GrowthService(store.Store(), time).ReviewAsync(fw, await MeAsync(context, store), card, rating, time.GetUtcNow(), scheduler, context.RequestAborted);
            return TypedResults.Created("/api/v1/me/practice/due", ReviewReport.Of(review, card.Topic, scheduler));
        }
        catch (ReviewOrderException error)
        {
            return BadRequest(error.Message);
        }
    }
}
