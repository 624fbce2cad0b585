using Skillprint.Core.Practice;
using static Skillprint.Core.Tests.Growth.GrowthFixture;

namespace Skillprint.Core.Tests.Growth;

public sealed class PracticeDeckTests
{
    private static readonly FsrsScheduler Scheduler = new(FsrsOptions.Default with { EnableFuzz = false });

    private static PracticeDeck Deck(params (string Card, Rating Rating, DateTimeOffset At)[] reviews)
    {
        var deck = PracticeDeck.Build(Framework, []);
        foreach (var (card, rating, at) in reviews)
        {
            deck.Review(Scheduler, Me, Framework.FindCard(card)!, rating, at);
        }

        return deck;
    }

    [Fact]
    public void Only_cards_with_an_answer_are_drilled_in_the_frameworks_order()
    {
        Deck().Cards.Select(c => c.Id).ShouldBe(["async.c1", "async.c2", "basics.c1", "basics.c2"]);
    }

    [Fact]
    public void The_queue_holds_the_due_cards_first_then_the_new_ones_with_counts_before_the_limit()
    {
        var deck = Deck(("async.c1", Rating.Good, Now), ("basics.c1", Rating.Easy, Now));

        var queue = deck.Queue(Now.AddHours(1));

        // async.c1 is in learning, due 10 minutes later; basics.c1 graduated to days away.
        queue.Cards.Select(c => (c.Card.Id, c.IsNew)).ShouldBe([("async.c1", false), ("async.c2", true), ("basics.c2", true)]);
        (queue.DueCount, queue.NewCount).ShouldBe((1, 2));
        deck.Queue(Now.AddHours(1), new QueueOptions(Limit: 1)).Cards.Select(c => c.Card.Id).ShouldBe(["async.c1"]);
        deck.Queue(Now.AddHours(1), new QueueOptions(Limit: 1)).NewCount.ShouldBe(2);
        deck.Queue(Now.AddMinutes(5)).DueCount.ShouldBe(0);
    }

    [Fact]
    public void A_topic_filter_and_preferred_topics_shape_the_queue()
    {
        var deck = Deck(("async.c1", Rating.Good, Now));

        deck.Queue(Now, new QueueOptions(Topic: "basics")).Cards.Select(c => c.Card.Id).ShouldBe(["basics.c1", "basics.c2"]);
        deck.Queue(Now, new QueueOptions(PreferredTopics: ["basics"])).Cards.Select(c => c.Card.Id)
            .ShouldBe(["basics.c1", "basics.c2", "async.c2"]);
        deck.Queue(Now, new QueueOptions(IncludeNew: false)).Cards.ShouldBeEmpty();
    }

    [Fact]
    public void Due_cards_of_preferred_topics_come_before_earlier_due_cards_of_others()
    {
        var deck = Deck(("async.c1", Rating.Again, Now), ("basics.c1", Rating.Again, Now.AddMinutes(2)));

        deck.Queue(Now.AddHours(1), new QueueOptions(IncludeNew: false)).Cards.Select(c => c.Card.Id).ShouldBe(["async.c1", "basics.c1"]);
        deck.Queue(Now.AddHours(1), new QueueOptions(PreferredTopics: ["basics"], IncludeNew: false)).Cards.Select(c => c.Card.Id)
            .ShouldBe(["basics.c1", "async.c1"]);
    }

    [Fact]
    public void A_deck_rebuilt_from_its_log_in_any_order_has_the_same_memory()
    {
        var deck = Deck(("async.c1", Rating.Good, Now), ("async.c1", Rating.Good, Now.AddMinutes(10)), ("async.c2", Rating.Hard, Now));

        var rebuilt = PracticeDeck.Build(Framework, deck.Reviews.Reverse());

        rebuilt.MemoryOf("async.c1").ShouldBe(deck.MemoryOf("async.c1"));
        rebuilt.MemoryOf("async.c1")!.State.ShouldBe(CardState.Review);
        rebuilt.MemoryOf("async.c2").ShouldBe(deck.MemoryOf("async.c2"));
        rebuilt.MemoryOf("basics.c1").ShouldBeNull();
    }

    [Fact]
    public void Every_review_logs_the_memory_before_and_after()
    {
        var deck = Deck(("async.c1", Rating.Good, Now));

        var second = deck.Review(Scheduler, Me, Framework.FindCard("async.c1")!, Rating.Good, Now.AddMinutes(10));

        second.Before.ShouldBe(deck.Reviews[0].After);
        second.Before.State.ShouldBe(CardState.Learning);
        second.After.State.ShouldBe(CardState.Review);
        deck.Reviews[0].Before.ShouldBe(CardMemory.New(Now));
    }

    [Fact]
    public void Stats_count_reviews_per_day_retention_of_review_cards_and_the_due_forecast()
    {
        var deck = Deck(("async.c1", Rating.Easy, Now), ("basics.c1", Rating.Easy, Now), ("async.c2", Rating.Good, Now), ("async.c2", Rating.Good, Now.AddMinutes(10)));
        var easyDue = deck.MemoryOf("async.c1")!.Due;
        (easyDue - Now).TotalDays.ShouldBe(8); // FSRS-6: a first Easy gives 8 days
        deck.Review(Scheduler, Me, Framework.FindCard("async.c1")!, Rating.Again, easyDue);
        deck.Review(Scheduler, Me, Framework.FindCard("basics.c1")!, Rating.Good, easyDue);

        var at = easyDue.AddHours(1);
        var stats = PracticeStats.Compute(deck, at);

        stats.Reviews.ShouldBe(6);
        stats.ReviewsPerDay.ShouldBe([new DayCount(DateOnly.FromDateTime(Now.UtcDateTime), 4), new DayCount(DateOnly.FromDateTime(easyDue.UtcDateTime), 2)]);
        // Two reviews of cards in long-term review, one of them forgotten.
        stats.RetentionReviews.ShouldBe(2);
        stats.Retention.ShouldBe(0.5);
        stats.Ratings[Rating.Again].ShouldBe(1);
        stats.Ratings[Rating.Good].ShouldBe(3);
        stats.CardsReviewed.ShouldBe(3);
        stats.CardsTotal.ShouldBe(4);
        // async.c1 relearns (due 10 minutes after the lapse), async.c2 was due 2 days after it graduated;
        // basics.c1 is weeks away.
        stats.DueNow.ShouldBe(2);
        stats.Forecast.Select(d => d.Count).ShouldBe([2, 0, 0, 0, 0, 0, 0]);
        stats.Forecast[0].Day.ShouldBe(DateOnly.FromDateTime(at.UtcDateTime));
        PracticeStats.Compute(deck, at, windowDays: 1).ReviewsInWindow.ShouldBe(2);
    }

    [Fact]
    public void Stats_without_reviews_have_no_retention()
    {
        var stats = PracticeStats.Compute(Deck(), Now);

        stats.Retention.ShouldBeNull();
        stats.ReviewsPerDay.ShouldBeEmpty();
        stats.Forecast.ShouldAllBe(d => d.Count == 0);
    }

    [Theory]
    [InlineData("1", Rating.Again)]
    [InlineData("again", Rating.Again)]
    [InlineData("HARD", Rating.Hard)]
    [InlineData(" 3 ", Rating.Good)]
    [InlineData("Easy", Rating.Easy)]
    public void Ratings_read_as_numbers_or_names(string text, Rating expected)
    {
        Ratings.TryParse(text, out var rating).ShouldBeTrue();
        rating.ShouldBe(expected);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("good!")]
    [InlineData("")]
    public void Other_ratings_are_refused(string text) => Ratings.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Card_memory_json_round_trips_exactly_and_rejects_damage()
    {
        var memory = Scheduler.Review(Scheduler.Review(CardMemory.New(Now), Rating.Good, Now), Rating.Hard, Now.AddMinutes(3).AddTicks(7));

        CardMemoryJson.Read(CardMemoryJson.Write(memory), out var problem).ShouldBe(memory);
        problem.ShouldBeNull();
        CardMemoryJson.Read(CardMemoryJson.Write(CardMemory.New(Now)), out _).ShouldBe(CardMemory.New(Now));
        CardMemoryJson.Read("{\"state\":\"Review\"}", out problem).ShouldBeNull();
        problem.ShouldBe("no valid 'due'");
        CardMemoryJson.Read("not json", out problem).ShouldBeNull();
        problem.ShouldNotBeNull();
    }
}
