using Microsoft.AspNetCore.Mvc;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Skillprint.Core.Practice;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>
/// Practice, one card at a time: the question; "show the answer" (a GET form, so it works without
/// script); then four rating buttons that post the review (FSRS schedules the card, as `practice
/// review` does). /assets/practice.js adds the keys: Space reveals, 1 to 4 rate.
/// </summary>
public sealed class PracticeModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    private static readonly FsrsScheduler Scheduler = new(FsrsOptions.Default);

    public QueuedCard? Current { get; private set; }

    public bool Revealed { get; private set; }

    public DueQueue Queue { get; private set; } = null!;

    public DateTimeOffset? NextDue { get; private set; }

    public async Task OnGetAsync(string? card, bool reveal = false)
    {
        var now = Time.GetUtcNow();
        var deck = await new GrowthService(Store, Time).DeckAsync(Framework, Caller.PersonId, cancel: HttpContext.RequestAborted);
        Queue = deck.Queue(now, new QueueOptions(Limit: 1));
        Current = Queue.Cards.FirstOrDefault();
        Revealed = reveal && Current is not null && string.Equals(Current.Card.Id, card, StringComparison.Ordinal);
        NextDue = deck.NextDue(now);
    }

    public async Task<IActionResult> OnPostReviewAsync(string? card, string? rating)
    {
        if (Framework.Cards.FirstOrDefault(c => string.Equals(c.Id, card, StringComparison.Ordinal) && c.IsDrillable) is not Card found
            || !Ratings.TryParse(rating, out var value))
        {
            return BadRequest($"a review needs a card of the framework and a rating from 1 to 4; got card '{card}', rating '{rating}'");
        }

        var review = await new GrowthService(Store, Time).ReviewAsync(Framework, await MeAsync(), found, value, Time.GetUtcNow(), Scheduler, HttpContext.RequestAborted);
        Notice = $"Rated {value}: next review {review.After.Due.UtcDateTime:yyyy-MM-dd HH:mm} UTC.";
        return RedirectToPage();
    }
}
