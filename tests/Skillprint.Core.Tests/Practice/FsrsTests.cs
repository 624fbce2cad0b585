using Skillprint.Core.Practice;

namespace Skillprint.Core.Tests.Practice;

public sealed class FsrsTests
{
    private static readonly DateTimeOffset Start = new(2022, 11, 29, 12, 30, 0, TimeSpan.Zero);

    private static FsrsScheduler NoFuzz() => new(FsrsOptions.Default with { EnableFuzz = false });

    [Fact]
    public void Reviews_at_each_due_time_give_the_reference_intervals()
    {
        var scheduler = NoFuzz();
        Rating[] ratings =
        [
            Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good,
            Rating.Again, Rating.Again,
            Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good,
        ];
        var card = CardMemory.New(Start);
        var at = Start;
        var intervals = new List<int>();
        foreach (var rating in ratings)
        {
            card = scheduler.Review(card, rating, at);
            intervals.Add((int)Math.Floor((card.Due - card.LastReview!.Value).TotalDays));
            at = card.Due;
        }

        intervals.ShouldBe([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
    }

    [Fact]
    public void Reviews_at_given_day_offsets_give_the_reference_memory_state()
    {
        var scheduler = NoFuzz();
        Rating[] ratings = [Rating.Again, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good];
        int[] offsets = [0, 0, 1, 3, 8, 21];
        var card = CardMemory.New(Start);
        var at = Start;
        for (var i = 0; i < ratings.Length; i++)
        {
            at = at.AddDays(offsets[i]);
            card = scheduler.Review(card, ratings[i], at);
        }

        card.Stability!.Value.ShouldBe(53.62691, 1e-4);
        card.Difficulty!.Value.ShouldBe(6.3574867, 1e-4);
    }
}

public sealed class FsrsStepsAndCurveTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static FsrsScheduler NoFuzz() => new(FsrsOptions.Default with { EnableFuzz = false });

    [Fact]
    public void A_new_card_has_no_retrievability_and_is_due_at_once()
    {
        var card = CardMemory.New(Start);
        card.Due.ShouldBe(Start);
        NoFuzz().Retrievability(card, Start.AddDays(3)).ShouldBe(0);
    }

    [Fact]
    public void Retrievability_is_ninety_percent_after_stability_days_and_falls_after()
    {
        var scheduler = NoFuzz();
        var card = scheduler.Review(CardMemory.New(Start), Rating.Easy, Start);
        var stability = card.Stability!.Value;
        var days = (int)Math.Round(stability);
        var atStability = scheduler.Retrievability(card with { Stability = days }, Start.AddDays(days));
        atStability.ShouldBe(0.9, 1e-9);
        scheduler.Retrievability(card, Start).ShouldBe(1.0, 1e-12);
        scheduler.Retrievability(card, Start.AddDays(100)).ShouldBeLessThan(scheduler.Retrievability(card, Start.AddDays(10)));
    }

    [Theory]
    [InlineData(Rating.Again, CardState.Learning, 0, 60)]
    [InlineData(Rating.Hard, CardState.Learning, 0, 330)]
    [InlineData(Rating.Good, CardState.Learning, 1, 600)]
    public void Learning_steps_of_one_and_ten_minutes(Rating rating, CardState state, int step, int seconds)
    {
        var card = NoFuzz().Review(CardMemory.New(Start), rating, Start);
        card.State.ShouldBe(state);
        card.Step.ShouldBe(step);
        (card.Due - Start).TotalSeconds.ShouldBe(seconds);
    }

    [Fact]
    public void Easy_on_a_new_card_and_good_on_the_last_step_graduate_to_review()
    {
        var scheduler = NoFuzz();
        var easy = scheduler.Review(CardMemory.New(Start), Rating.Easy, Start);
        easy.State.ShouldBe(CardState.Review);
        easy.Step.ShouldBeNull();
        (easy.Due - Start).TotalDays.ShouldBeGreaterThanOrEqualTo(1);

        var good = scheduler.Review(CardMemory.New(Start), Rating.Good, Start);
        good = scheduler.Review(good, Rating.Good, good.Due);
        good.State.ShouldBe(CardState.Review);
        (good.Due - good.LastReview!.Value).TotalDays.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void A_lapse_in_review_relearns_for_ten_minutes_then_returns_to_review()
    {
        var scheduler = NoFuzz();
        var card = scheduler.Review(CardMemory.New(Start), Rating.Easy, Start);
        var before = card.Stability!.Value;
        card = scheduler.Review(card, Rating.Again, card.Due);
        card.State.ShouldBe(CardState.Relearning);
        card.Step.ShouldBe(0);
        (card.Due - card.LastReview!.Value).ShouldBe(TimeSpan.FromMinutes(10));
        card.Stability!.Value.ShouldBeLessThan(before);

        card = scheduler.Review(card, Rating.Again, card.Due);
        card.State.ShouldBe(CardState.Relearning);
        (card.Due - card.LastReview!.Value).ShouldBe(TimeSpan.FromMinutes(10));

        card = scheduler.Review(card, Rating.Good, card.Due);
        card.State.ShouldBe(CardState.Review);
        (card.Due - card.LastReview!.Value).TotalDays.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Fuzz_is_reproducible_with_a_seed_and_stays_near_the_plain_interval()
    {
        static int ThirdInterval(FsrsScheduler scheduler)
        {
            var card = scheduler.Review(CardMemory.New(Start), Rating.Good, Start);
            card = scheduler.Review(card, Rating.Good, card.Due);
            card = scheduler.Review(card, Rating.Good, card.Due);
            return (int)(card.Due - card.LastReview!.Value).TotalDays;
        }

        var plain = ThirdInterval(NoFuzz());
        var seen = new HashSet<int>();
        for (var seed = 0; seed < 50; seed++)
        {
            var first = ThirdInterval(new FsrsScheduler(random: new Random(seed)));
            ThirdInterval(new FsrsScheduler(random: new Random(seed))).ShouldBe(first);
            Math.Abs(first - plain).ShouldBeLessThanOrEqualTo((int)Math.Ceiling(plain * 0.15) + 1);
            seen.Add(first);
        }

        seen.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Intervals_never_pass_the_maximum()
    {
        var scheduler = new FsrsScheduler(FsrsOptions.Default with { EnableFuzz = false, MaximumInterval = 30 });
        var card = CardMemory.New(Start);
        for (var i = 0; i < 12; i++)
        {
            card = scheduler.Review(card, Rating.Easy, card.Due);
            (card.Due - card.LastReview!.Value).TotalDays.ShouldBeLessThanOrEqualTo(30);
        }
    }
}
