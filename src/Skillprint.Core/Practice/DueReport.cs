namespace Skillprint.Core.Practice;

/// <summary>A card's memory as `practice due` and `practice review` show it, with the chance of
/// recalling it at the moment asked (null for a card never reviewed).</summary>
public sealed record MemoryView(
    CardState State,
    int? Step,
    double? Stability,
    double? Difficulty,
    DateTimeOffset Due,
    DateTimeOffset? LastReview,
    double? Retrievability)
{
    public static MemoryView Of(CardMemory memory, DateTimeOffset at, FsrsScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(scheduler);
        return new MemoryView(
            memory.State,
            memory.Step,
            memory.Stability,
            memory.Difficulty,
            memory.Due,
            memory.LastReview,
            memory.LastReview is null ? null : scheduler.Retrievability(memory, at));
    }
}

/// <summary>One due card of <see cref="DueReport"/>.</summary>
public sealed record DueCard(string Id, string Topic, string Question, MemoryView Memory);

/// <summary>The cards due at a moment (`practice due`, and the server's practice endpoint): how many
/// are due and new, when the next card falls due after that moment, and the due cards in order.</summary>
public sealed record DueReport(string Framework, string Person, DateTimeOffset At, int Due, int New, DateTimeOffset? NextDue, IReadOnlyList<DueCard> Cards)
{
    /// <summary>Recall is shown as the plain scheduler gives it, without fuzz.</summary>
    private static readonly FsrsScheduler Plain = new(FsrsOptions.Default with { EnableFuzz = false });

    public static DueReport Build(string framework, string person, PracticeDeck deck, DateTimeOffset at, QueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(options);
        var queue = deck.Queue(at, options with { IncludeNew = false });
        return new DueReport(
            framework,
            person,
            at,
            queue.DueCount,
            queue.NewCount,
            deck.NextDue(at, options.Topic),
            queue.Cards.Select(q => new DueCard(q.Card.Id, q.Card.Topic, q.Card.Question, MemoryView.Of(q.Memory!, at, Plain))).ToList());
    }

    /// <summary>The retrievability the report shows for a memory at its moment.</summary>
    public static double Recall(CardMemory memory, DateTimeOffset at) => Plain.Retrievability(memory, at);
}
