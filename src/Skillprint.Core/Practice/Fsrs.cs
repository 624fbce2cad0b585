namespace Skillprint.Core.Practice;

/// <summary>How well a card was recalled, as FSRS rates a review.</summary>
public enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// <summary>Where a card is in its life: still being learned, in long-term review, or relearned after a lapse.</summary>
public enum CardState
{
    Learning = 1,
    Review = 2,
    Relearning = 3,
}

/// <summary>
/// The memory state of one card. A new card is in <see cref="CardState.Learning"/> at step 0 with no
/// stability or difficulty yet, due at once.
/// </summary>
public sealed record CardMemory(
    CardState State,
    int? Step,
    double? Stability,
    double? Difficulty,
    DateTimeOffset Due,
    DateTimeOffset? LastReview)
{
    public static CardMemory New(DateTimeOffset createdAt) =>
        new(CardState.Learning, 0, null, null, createdAt, null);
}

/// <summary>The settings of the scheduler. <see cref="Default"/> holds FSRS-6's published defaults.</summary>
public sealed record FsrsOptions(
    IReadOnlyList<double> Parameters,
    double DesiredRetention,
    IReadOnlyList<TimeSpan> LearningSteps,
    IReadOnlyList<TimeSpan> RelearningSteps,
    int MaximumInterval,
    bool EnableFuzz)
{
    /// <summary>The 21 default weights of FSRS-6 (w0..w20; w20 is the forgetting curve's decay).</summary>
    public static readonly IReadOnlyList<double> DefaultParameters =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    public static FsrsOptions Default { get; } = new(
        DefaultParameters,
        DesiredRetention: 0.9,
        LearningSteps: [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)],
        RelearningSteps: [TimeSpan.FromMinutes(10)],
        MaximumInterval: 36500,
        EnableFuzz: true);
}

/// <summary>
/// The FSRS-6 spaced-repetition scheduler (Free Spaced Repetition Scheduler, version 6): a power-law
/// forgetting curve with a trainable decay, short-term stability for same-day reviews, learning and
/// relearning steps, and optional fuzz on review intervals. The default weights are used as published;
/// no optimiser is run.
/// </summary>
public sealed class FsrsScheduler
{
    private const double MinStability = 0.001;
    private const double MinDifficulty = 1.0;
    private const double MaxDifficulty = 10.0;

    private readonly FsrsOptions _options;
    private readonly double[] _w;
    private readonly double _decay;
    private readonly double _factor;
    private readonly Random _random;

    /// <param name="options">Weights and settings; <see cref="FsrsOptions.Default"/> when null.</param>
    /// <param name="random">The source of fuzz, seedable for tests and replays.</param>
    public FsrsScheduler(FsrsOptions? options = null, Random? random = null)
    {
        _options = options ?? FsrsOptions.Default;
        if (_options.Parameters.Count != 21)
        {
            throw new ArgumentException($"FSRS-6 needs 21 parameters, got {_options.Parameters.Count}.", nameof(options));
        }

        _w = [.. _options.Parameters];
        _decay = -_w[20];
        _factor = Math.Pow(0.9, 1 / _decay) - 1;
        _random = random ?? Random.Shared;
    }

    public FsrsOptions Options => _options;

    /// <summary>The predicted chance that the card is recalled at <paramref name="at"/>; 0 for a card never reviewed.</summary>
    public double Retrievability(CardMemory card, DateTimeOffset at)
    {
        if (card.LastReview is not { } last || card.Stability is not { } stability)
        {
            return 0;
        }

        var elapsedDays = Math.Max(0, WholeDays(at - last));
        return Math.Pow(1 + (_factor * elapsedDays / stability), _decay);
    }

    /// <summary>The card's memory after a review with <paramref name="rating"/> at <paramref name="at"/>.</summary>
    public CardMemory Review(CardMemory card, Rating rating, DateTimeOffset at)
    {
        int? sinceLast = card.LastReview is { } last ? WholeDays(at - last) : null;
        var sameDay = sinceLast is < 1;
        var state = card.State;
        var step = card.Step;
        double stability;
        double difficulty;

        if (card.Stability is not { } s || card.Difficulty is not { } d)
        {
            stability = InitialStability(rating);
            difficulty = Math.Clamp(InitialDifficulty(rating), MinDifficulty, MaxDifficulty);
        }
        else
        {
            stability = sameDay
                ? ShortTermStability(s, rating)
                : NextStability(d, s, Retrievability(card, at), rating);
            difficulty = NextDifficulty(d, rating);
        }

        TimeSpan interval;
        switch (state)
        {
            case CardState.Review when rating == Rating.Again && _options.RelearningSteps.Count > 0:
                state = CardState.Relearning;
                step = 0;
                interval = _options.RelearningSteps[0];
                break;
            case CardState.Review:
                interval = TimeSpan.FromDays(NextIntervalDays(stability));
                break;
            default:
                var steps = state == CardState.Learning ? _options.LearningSteps : _options.RelearningSteps;
                (state, step, interval) = StepThrough(state, steps, step ?? 0, rating, stability);
                break;
        }

        if (_options.EnableFuzz && state == CardState.Review)
        {
            interval = Fuzz(interval);
        }

        return new CardMemory(state, step, stability, difficulty, at + interval, at);
    }

    /// <summary>Learning and relearning: walk the short steps, then graduate to review.</summary>
    private (CardState State, int? Step, TimeSpan Interval) StepThrough(
        CardState current, IReadOnlyList<TimeSpan> steps, int step, Rating rating, double stability)
    {
        var graduate = (CardState.Review, (int?)null, TimeSpan.FromDays(NextIntervalDays(stability)));
        if (steps.Count == 0 || (step >= steps.Count && rating != Rating.Again))
        {
            return graduate;
        }

        return rating switch
        {
            Rating.Again => (current, 0, steps[0]),
            Rating.Hard when step == 0 && steps.Count == 1 => (current, 0, steps[0] * 1.5),
            Rating.Hard when step == 0 => (current, 0, (steps[0] + steps[1]) / 2),
            Rating.Hard => (current, step, steps[step]),
            Rating.Good when step + 1 == steps.Count => graduate,
            Rating.Good => (current, step + 1, steps[step + 1]),
            _ => graduate,
        };
    }

    private double InitialStability(Rating rating) => Math.Max(_w[(int)rating - 1], MinStability);

    private double InitialDifficulty(Rating rating) => _w[4] - Math.Exp(_w[5] * ((int)rating - 1)) + 1;

    private double NextDifficulty(double difficulty, Rating rating)
    {
        var delta = -_w[6] * ((int)rating - 3);
        var damped = difficulty + ((10.0 - difficulty) * delta / 9.0);
        var reverted = (_w[7] * InitialDifficulty(Rating.Easy)) + ((1 - _w[7]) * damped);
        return Math.Clamp(reverted, MinDifficulty, MaxDifficulty);
    }

    private double ShortTermStability(double stability, Rating rating)
    {
        var increase = Math.Exp(_w[17] * ((int)rating - 3 + _w[18])) * Math.Pow(stability, -_w[19]);
        if (rating >= Rating.Good)
        {
            increase = Math.Max(increase, 1.0);
        }

        return Math.Max(stability * increase, MinStability);
    }

    private double NextStability(double difficulty, double stability, double retrievability, Rating rating)
    {
        double next;
        if (rating == Rating.Again)
        {
            var longTerm = _w[11] * Math.Pow(difficulty, -_w[12]) * (Math.Pow(stability + 1, _w[13]) - 1)
                * Math.Exp((1 - retrievability) * _w[14]);
            var shortTerm = stability / Math.Exp(_w[17] * _w[18]);
            next = Math.Min(longTerm, shortTerm);
        }
        else
        {
            var hardPenalty = rating == Rating.Hard ? _w[15] : 1;
            var easyBonus = rating == Rating.Easy ? _w[16] : 1;
            next = stability * (1 + (Math.Exp(_w[8]) * (11 - difficulty) * Math.Pow(stability, -_w[9])
                * (Math.Exp((1 - retrievability) * _w[10]) - 1) * hardPenalty * easyBonus));
        }

        return Math.Max(next, MinStability);
    }

    private int NextIntervalDays(double stability)
    {
        var days = stability / _factor * (Math.Pow(_options.DesiredRetention, 1 / _decay) - 1);
        var rounded = (int)Math.Round(days, MidpointRounding.ToEven);
        return Math.Min(Math.Max(rounded, 1), _options.MaximumInterval);
    }

    /// <summary>Spreads review intervals of 3 days and more by a few percent so cards learned together part.</summary>
    private TimeSpan Fuzz(TimeSpan interval)
    {
        var days = WholeDays(interval);
        if (days < 2.5)
        {
            return interval;
        }

        // Wider spread for longer intervals: 15% of the part in [2.5, 7), 10% in [7, 20), 5% beyond.
        var delta = 1.0 + (0.15 * Math.Max(Math.Min(days, 7.0) - 2.5, 0)) + (0.10 * Math.Max(Math.Min(days, 20.0) - 7.0, 0))
            + (0.05 * Math.Max(days - 20.0, 0));
        var low = Math.Max(2, (int)Math.Round(days - delta, MidpointRounding.ToEven));
        var high = Math.Min((int)Math.Round(days + delta, MidpointRounding.ToEven), _options.MaximumInterval);
        low = Math.Min(low, high);
        var fuzzed = (_random.NextDouble() * (high - low + 1)) + low;
        return TimeSpan.FromDays(Math.Min((int)Math.Round(fuzzed, MidpointRounding.ToEven), _options.MaximumInterval));
    }

    /// <summary>Whole days in a span, counted as Python's timedelta.days does (floor).</summary>
    private static int WholeDays(TimeSpan span) => (int)Math.Floor(span.TotalDays);
}
