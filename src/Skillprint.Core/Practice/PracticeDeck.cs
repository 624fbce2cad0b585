using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Practice;

/// <summary>A card in a practice queue: its memory (null for a card never reviewed) and when it is due.</summary>
public sealed record QueuedCard(Card Card, CardMemory? Memory)
{
    public bool IsNew => Memory is null;

    /// <summary>When the card is due; null for a new card.</summary>
    public DateTimeOffset? Due => Memory?.Due;
}

/// <summary>
/// What a practice session offers at a moment: <see cref="DueCount"/> reviewed cards are due (due time
/// at or before <see cref="At"/>), <see cref="NewCount"/> cards were never reviewed, and
/// <see cref="Cards"/> is the queue (at most the limit).
/// </summary>
public sealed record DueQueue(DateTimeOffset At, int DueCount, int NewCount, IReadOnlyList<QueuedCard> Cards);

/// <summary>Which cards a queue takes and in what order.</summary>
/// <param name="Topic">Only this topic's cards.</param>
/// <param name="PreferredTopics">Topics whose cards go first (the gap topics, in gap order).</param>
/// <param name="Limit">At most this many cards.</param>
/// <param name="IncludeNew">Whether new cards join the queue after the due ones.</param>
public sealed record QueueOptions(string? Topic = null, IReadOnlyList<string>? PreferredTopics = null, int Limit = 20, bool IncludeNew = true);

/// <summary>
/// A person's practice cards with their memory, from the review log: the drillable cards of a
/// framework (cards with an answer) and, for each, the state after its latest review.
/// </summary>
public sealed class PracticeDeck
{
    private readonly Framework framework;
    private readonly Dictionary<string, CardMemory> memories;
    private readonly List<CardReview> reviews;

    private PracticeDeck(Framework framework, Dictionary<string, CardMemory> memories, List<CardReview> reviews)
    {
        this.framework = framework;
        this.memories = memories;
        this.reviews = reviews;
    }

    /// <summary>Every review of the deck's framework, oldest first.</summary>
    public IReadOnlyList<CardReview> Reviews => reviews;

    /// <summary>The cards that can be drilled, in the framework's order.</summary>
    public IEnumerable<Card> Cards => framework.Cards.Where(c => c.IsDrillable);

    /// <summary>When the first reviewed card (of <paramref name="topic"/>, when given) falls due
    /// after <paramref name="after"/>; null when none does.</summary>
    public DateTimeOffset? NextDue(DateTimeOffset after, string? topic = null) => Cards
        .Where(c => topic is null || string.Equals(c.Topic, topic, StringComparison.Ordinal))
        .Select(c => MemoryOf(c.Id))
        .OfType<CardMemory>()
        .Where(m => m.Due > after)
        .Select(m => (DateTimeOffset?)m.Due)
        .Min();

    /// <summary>Builds the deck from a review log (any order). Reviews of cards the framework no longer
    /// holds stay in <see cref="Reviews"/> but have no card.</summary>
    public static PracticeDeck Build(Framework framework, IEnumerable<CardReview> log)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var ordered = log
            .Where(r => string.IsNullOrEmpty(r.Framework) || string.Equals(r.Framework, framework.Id, StringComparison.Ordinal))
            .Select((r, i) => (Review: r, Order: i))
            .OrderBy(r => r.Review.At)
            .ThenBy(r => r.Order)
            .Select(r => r.Review)
            .ToList();
        var memories = new Dictionary<string, CardMemory>(StringComparer.Ordinal);
        foreach (var review in ordered)
        {
            memories[review.Card] = review.After;
        }

        return new PracticeDeck(framework, memories, ordered);
    }

    /// <summary>The memory of a card now; null when it was never reviewed.</summary>
    public CardMemory? MemoryOf(string card) => memories.GetValueOrDefault(card);

    /// <summary>
    /// Reviews a card with the scheduler and returns the review to log (the deck takes it in too). A card
    /// never reviewed starts as a new card at <paramref name="at"/>.
    /// </summary>
    public CardReview Review(FsrsScheduler scheduler, string person, Card card, Rating rating, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(card);
        var before = MemoryOf(card.Id) ?? CardMemory.New(at);
        var after = scheduler.Review(before, rating, at);
        var review = new CardReview(person, framework.Id, card.Id, rating, at, before, after);
        memories[card.Id] = after;
        reviews.Add(review);
        return review;
    }

    /// <summary>
    /// The queue at <paramref name="at"/>: first the due cards (preferred topics first, then the earliest
    /// due), then, when asked, the new cards (preferred topics first in their order, then the framework's
    /// order); at most <see cref="QueueOptions.Limit"/> cards. The counts are over the filtered cards
    /// before the limit.
    /// </summary>
    public DueQueue Queue(DateTimeOffset at, QueueOptions? options = null)
    {
        options ??= new QueueOptions();
        var preferred = (options.PreferredTopics ?? [])
            .Select((topic, i) => (topic, i))
            .GroupBy(p => p.topic, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        int Preference(Card card) => preferred.TryGetValue(card.Topic, out var rank) ? rank : int.MaxValue;

        var cards = Cards
            .Where(c => options.Topic is null || string.Equals(c.Topic, options.Topic, StringComparison.Ordinal))
            .Select((card, order) => (Queued: new QueuedCard(card, MemoryOf(card.Id)), Order: order))
            .ToList();
        var due = cards
            .Where(c => c.Queued.Memory is { } memory && memory.Due <= at)
            .OrderBy(c => Preference(c.Queued.Card) == int.MaxValue ? 1 : 0)
            .ThenBy(c => c.Queued.Due)
            .ThenBy(c => c.Order)
            .ToList();
        var fresh = cards
            .Where(c => c.Queued.IsNew)
            .OrderBy(c => Preference(c.Queued.Card))
            .ThenBy(c => c.Order)
            .ToList();
        var queue = due.Concat(options.IncludeNew ? fresh : [])
            .Take(Math.Max(0, options.Limit))
            .Select(c => c.Queued)
            .ToList();
        return new DueQueue(at, due.Count, fresh.Count, queue);
    }
}
