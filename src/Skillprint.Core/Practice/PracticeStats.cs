namespace Skillprint.Core.Practice;

/// <summary>A count on one UTC day.</summary>
public sealed record DayCount(DateOnly Day, int Count);

/// <summary>
/// Figures of a person's practice at a moment (docs/growth.md, "practice stats"):
/// <see cref="ReviewsPerDay"/> for the days of the window that had reviews; <see cref="Retention"/>,
/// the share of reviews of cards in long-term review (state Review before the review) not rated
/// Again, over the window (null without such reviews); <see cref="Forecast"/>, how many reviewed cards
/// fall due on each of the next days (today's count includes the overdue ones).
/// </summary>
public sealed record PracticeStats(
    DateTimeOffset At,
    int WindowDays,
    int Reviews,
    int ReviewsInWindow,
    int CardsReviewed,
    int CardsTotal,
    int DueNow,
    IReadOnlyDictionary<Rating, int> Ratings,
    IReadOnlyList<DayCount> ReviewsPerDay,
    double? Retention,
    int RetentionReviews,
    IReadOnlyList<DayCount> Forecast)
{
    public static PracticeStats Compute(PracticeDeck deck, DateTimeOffset at, int windowDays = 30, int forecastDays = 7)
    {
        ArgumentNullException.ThrowIfNull(deck);
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var firstDay = today.AddDays(-(windowDays - 1));
        var inWindow = deck.Reviews
            .Where(r => r.At <= at && DateOnly.FromDateTime(r.At.UtcDateTime) >= firstDay)
            .ToList();
        var perDay = inWindow
            .GroupBy(r => DateOnly.FromDateTime(r.At.UtcDateTime))
            .OrderBy(g => g.Key)
            .Select(g => new DayCount(g.Key, g.Count()))
            .ToList();
        var mature = inWindow.Where(r => r.Before.State == CardState.Review).ToList();
        double? retention = mature.Count == 0 ? null : (double)mature.Count(r => r.Rating != Rating.Again) / mature.Count;

        var memories = deck.Cards.Select(c => deck.MemoryOf(c.Id)).OfType<CardMemory>().ToList();
        var forecast = new List<DayCount>();
        for (var day = 0; day < forecastDays; day++)
        {
            var date = today.AddDays(day);
            forecast.Add(new DayCount(date, memories.Count(m =>
            {
                var dueDay = DateOnly.FromDateTime(m.Due.UtcDateTime);
                return day == 0 ? dueDay <= date : dueDay == date;
            })));
        }

        var ratings = Enum.GetValues<Rating>().ToDictionary(r => r, r => inWindow.Count(x => x.Rating == r));
        return new PracticeStats(
            at,
            windowDays,
            deck.Reviews.Count,
            inWindow.Count,
            memories.Count,
            deck.Cards.Count(),
            memories.Count(m => m.Due <= at),
            ratings,
            perDay,
            retention,
            mature.Count,
            forecast);
    }
}
