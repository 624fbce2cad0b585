using System.CommandLine;
using System.Globalization;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Skillprint.Core.History;
using Skillprint.Core.Practice;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>
/// `skillprint practice [--topic ID] [--gaps] [--limit N] [--at TIME]`: an interactive session over the
/// framework's cards, scheduled by FSRS-6; and `practice review|due|stats` for scripts.
/// </summary>
internal static class PracticeCommand
{
    public static Command Create(CliApp app)
    {
        var options = new SessionOptions();
        var command = new Command("practice", "Drill the framework's questions with spaced repetition (FSRS-6): each card shows its question, Enter reveals the answer, you rate your recall 1-4 (Again, Hard, Good, Easy) and the card is scheduled; q quits. Due cards come first, then new ones. Every review is logged.")
        {
            Review(app),
            Due(app),
            Stats(app),
        };
        options.AddTo(command);
        command.SetAction((parsed, cancel) => SessionAsync(app, parsed, options, cancel));
        app.Examples(
            command,
            "skillprint practice",
            "skillprint practice --topic async --limit 10",
            "skillprint practice --gaps",
            "skillprint practice review async.queue-question good --at 2025-03-01T09:30:00Z",
            "skillprint practice due --format json");
        return command;
    }

    /// <summary>The options the session and the script commands share.</summary>
    private sealed class SessionOptions
    {
        public Option<string?> Topic { get; } = new("--topic") { Description = "Only this topic's cards.", HelpName = "ID" };

        public Option<bool> Gaps { get; } = new("--gaps") { Description = "Cards of your gap topics (see 'skillprint gaps') first." };

        public Option<int> Limit { get; } = new("--limit") { Description = "At most this many cards.", HelpName = "N", DefaultValueFactory = _ => 20 };

        public Option<string?> At { get; } = GrowthSupport.CreateAtOption("Act as at this time");

        public Option<int?> Seed { get; } = new("--seed") { Description = "Seed the fuzz of review intervals (default: $SKILLPRINT_SEED, else random).", HelpName = "N" };

        public Option<bool> NoFuzz { get; } = new("--no-fuzz") { Description = "Schedule exact intervals, without the few percent of fuzz." };

        public Option<string?> Person { get; } = CliApp.CreatePersonOption();

        public Option<string> Framework { get; } = CliApp.CreateFrameworkOption();

        public void AddTo(Command command)
        {
            command.Add(Topic);
            command.Add(Gaps);
            command.Add(Limit);
            command.Add(At);
            command.Add(Seed);
            command.Add(NoFuzz);
            command.Add(Person);
            command.Add(Framework);
        }
    }

    // --- The interactive session ------------------------------------------------------------

    private static async Task<int> SessionAsync(CliApp app, ParseResult parsed, SessionOptions options, CancellationToken cancel)
    {
        var framework = FrameworkChoice.Load(app.Context, parsed.GetValue(options.Framework));
        var person = app.Person(parsed, options.Person);
        var fixedTime = parsed.GetValue(options.At) is { } atText ? GrowthSupport.Time(app, atText) : (DateTimeOffset?)null;
        var start = fixedTime ?? app.Context.Time.GetUtcNow();
        var scheduler = GrowthSupport.Scheduler(app, parsed.GetValue(options.Seed), parsed.GetValue(options.NoFuzz));
        var queueOptions = await QueueOptionsOfAsync(app, parsed, options, framework, person, cancel);
        var console = app.Context.Out;

        using var store = app.OpenStore(parsed);
        var growth = new GrowthService(store, app.Context.Time);
        var me = await CliApp.WriterAsync(store, person, cancel);
        var deck = await growth.DeckAsync(framework, me.Id, null, cancel);
        var queue = deck.Queue(start, queueOptions);
        console.WriteLine($"Practice {framework.Name} for {me.PrimaryEmail}: {queue.DueCount} due, {queue.NewCount} new.");
        if (queue.Cards.Count == 0)
        {
            var next = deck.NextDue(start);
            console.WriteLine(next is not { } due ? "Nothing to practise." : $"Nothing to practise now; the next card is due {GrowthSupport.Show(due)}.");
            return ExitCodes.Ok;
        }

        console.WriteLine($"This session: {queue.Cards.Count} cards. Enter shows the answer; rate 1 Again, 2 Hard, 3 Good, 4 Easy; q quits.");
        var keys = KeySource(app);
        var counts = new Dictionary<Rating, int>();
        var number = 0;
        foreach (var queued in queue.Cards)
        {
            number++;
            var card = queued.Card;
            console.WriteLine();
            var topicName = framework.FindTopic(card.Topic)?.Name ?? card.Topic;
            console.WriteLine($"[{number}/{queue.Cards.Count}] {topicName} - {card.Id} ({(queued.IsNew ? "new" : $"due {GrowthSupport.Show(queued.Due!.Value)}")})");
            console.WriteLine($"Q: {card.Question.Trim()}");
            console.WriteLine("(Enter: show the answer, q: quit)");
            if (WaitFor(keys, key => key == '\n') is null)
            {
                break;
            }

            console.WriteLine($"A: {card.Answer!.Trim()}");
            console.WriteLine("Rate: 1 Again, 2 Hard, 3 Good, 4 Easy (q: quit)");
            var key = WaitFor(keys, k => k is >= '1' and <= '4');
            if (key is null)
            {
                break;
            }

            var rating = (Rating)(key.Value - '0');
            var at = fixedTime ?? app.Context.Time.GetUtcNow();
            var review = await store.AddCardReviewAsync(me.Id, deck.Review(scheduler, me.PrimaryEmail, card, rating, at), cancel);
            counts[rating] = counts.GetValueOrDefault(rating) + 1;
            console.WriteLine($"-> {rating}: next review {GrowthSupport.Show(review.After.Due)} (in {Timeline.Interval(review.After.Due - review.At)}).");
        }

        var total = counts.Values.Sum();
        console.WriteLine();
        console.WriteLine($"Session done: {total} reviewed ({string.Join(", ", Enum.GetValues<Rating>().Select(r => $"{r} {counts.GetValueOrDefault(r)}"))}).");
        return ExitCodes.Ok;
    }

    /// <summary>Reads keys until one <paramref name="wanted"/> comes; null for q, Escape or the end of input.</summary>
    private static char? WaitFor(IKeySource keys, Func<char, bool> wanted)
    {
        while (true)
        {
            var key = keys.Read();
            if (key is null or 'q' or 'Q')
            {
                return null;
            }

            if (wanted(key.Value))
            {
                return key;
            }
        }
    }

    /// <summary>Where keys come from: lines of piped input when the context has them, else the
    /// console's key presses (a terminal, or what a test scripts).</summary>
    private static IKeySource KeySource(CliApp app) =>
        app.Context.In is { } reader ? new LineKeySource(reader) : new ConsoleKeySource(app.Context.Out.Input);

    private static async Task<QueueOptions> QueueOptionsOfAsync(CliApp app, ParseResult parsed, SessionOptions options, Framework framework, string person, CancellationToken cancel)
    {
        var topic = parsed.GetValue(options.Topic) is { } topicId ? FrameworkChoice.Topic(framework, topicId).Id : null;
        var limit = parsed.GetValue(options.Limit);
        if (limit < 1)
        {
            throw new UsageException($"--limit must be 1 or more, not {limit}");
        }

        IReadOnlyList<string>? preferred = null;
        if (parsed.GetValue(options.Gaps))
        {
            var (_, plan) = await GapsCommand.PlanAsync(app, parsed, framework, person, [], required: true, cancel);
            preferred = plan.Gaps.Select(g => g.Topic).ToList();
        }

        return new QueueOptions(topic, preferred, limit);
    }

    // --- practice review ---------------------------------------------------------------------

    private static Command Review(CliApp app)
    {
        var card = new Argument<string>("CARD") { Description = "The card id (see 'skillprint practice due --format json')." };
        var rating = new Argument<string>("RATING") { Description = "1-4 or again, hard, good, easy." };
        var at = GrowthSupport.CreateAtOption("When the review happens");
        var seed = new Option<int?>("--seed") { Description = "Seed the fuzz of review intervals (default: $SKILLPRINT_SEED, else random).", HelpName = "N" };
        var noFuzz = new Option<bool>("--no-fuzz") { Description = "Schedule exact intervals, without fuzz." };
        var format = CliApp.CreateFormatOption("text", "json");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("review", "Record one review of a card without the session (for scripts): the card is scheduled and the review logged.")
        {
            card,
            rating,
            at,
            seed,
            noFuzz,
            format,
            person,
            framework,
        };
        app.Examples(command, "skillprint practice review async.queue-question good", "skillprint practice review async.queue-question 3 --at 2025-03-01T09:30:00Z --no-fuzz --format json");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var chosen = GrowthSupport.Card(fw, parsed.GetValue(card)!);
            var ratingText = parsed.GetValue(rating)!;
            if (!Ratings.TryParse(ratingText, out var value))
            {
                throw new UsageException($"unknown rating '{ratingText}'", "ratings: 1 again, 2 hard, 3 good, 4 easy");
            }

            var who = app.Person(parsed, person);
            var time = GrowthSupport.Time(app, parsed.GetValue(at));
            var scheduler = GrowthSupport.Scheduler(app, parsed.GetValue(seed), parsed.GetValue(noFuzz));
            using var store = app.OpenStore(parsed);
            CardReview review;
            try
            {
                review = await new GrowthService(store, app.Context.Time).ReviewAsync(fw, await CliApp.WriterAsync(store, who, cancel), chosen, value, time, scheduler, cancel);
            }
            catch (ReviewOrderException error)
            {
                throw new UsageException($"--at {error.Message}");
            }
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(ReviewReport.Of(review, chosen.Topic, scheduler));
                return ExitCodes.Ok;
            }

            var after = review.After;
            app.Context.Out.Profile.Out.Writer.WriteLine(
                $"Reviewed {review.Card}: {review.Rating} at {GrowthSupport.Show(review.At)}. {review.Before.State} -> {after.State}; " +
                $"next review {GrowthSupport.Show(after.Due)} (in {Timeline.Interval(after.Due - review.At)}). " +
                $"Stability {after.Stability?.ToString("0.###", CultureInfo.InvariantCulture)} d, difficulty {after.Difficulty?.ToString("0.###", CultureInfo.InvariantCulture)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    // --- practice due ------------------------------------------------------------------------

    private static Command Due(CliApp app)
    {
        var options = new SessionOptions();
        var format = CliApp.CreateFormatOption("table", "json");
        var command = new Command("due", "List the cards due at a time (now by default), earliest first, with the counts of due and new cards and when the next card falls due.")
        {
            options.Topic,
            options.Gaps,
            options.Limit,
            options.At,
            options.Person,
            options.Framework,
            format,
        };
        app.Examples(command, "skillprint practice due", "skillprint practice due --at 2025-03-08 --format json");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(options.Framework));
            var who = app.Person(parsed, options.Person);
            var at = GrowthSupport.Time(app, parsed.GetValue(options.At));
            var queueOptions = await QueueOptionsOfAsync(app, parsed, options, fw, who, cancel);
            using var store = app.OpenStore(parsed);
            var report = await new GrowthService(store, app.Context.Time).DueAsync(fw, await CliApp.ReaderAsync(store, who, cancel), at, queueOptions, cancel);
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(report);
                return ExitCodes.Ok;
            }

            var console = app.Context.Out;
            console.WriteLine($"At {GrowthSupport.Show(at)}: {report.Due} due, {report.New} new{(report.NextDue is { } next ? $"; the next card falls due {GrowthSupport.Show(next)}" : "")}.");
            if (report.Cards.Count == 0)
            {
                return ExitCodes.Ok;
            }

            var table = new Table();
            foreach (var header in (string[])["Card", "Topic", "State", "Due", "Recall now"])
            {
                table.AddColumn(header);
            }

            foreach (var c in report.Cards)
            {
                table.AddRow(
                    new Text(c.Id),
                    new Text(c.Topic),
                    new Text(c.Memory.State.ToString()),
                    new Text(GrowthSupport.Show(c.Memory.Due)),
                    new Text(c.Memory.Retrievability is { } recall ? GrowthSupport.Percent(recall) : ""));
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    // --- practice stats ----------------------------------------------------------------------

    private static Command Stats(CliApp app)
    {
        var at = GrowthSupport.CreateAtOption("As at this time");
        var days = new Option<int>("--days") { Description = "The window of reviews per day and retention, in days.", HelpName = "N", DefaultValueFactory = _ => 30 };
        var format = CliApp.CreateFormatOption("table", "json");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("stats", "Your practice in figures: reviews per day, retention (the share of cards in long-term review you recalled), and how many cards fall due on each of the next 7 days.")
        {
            at,
            days,
            format,
            person,
            framework,
        };
        app.Examples(command, "skillprint practice stats", "skillprint practice stats --days 7 --format json");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var who = app.Person(parsed, person);
            var time = GrowthSupport.Time(app, parsed.GetValue(at));
            var window = parsed.GetValue(days);
            if (window < 1)
            {
                throw new UsageException($"--days must be 1 or more, not {window}");
            }

            using var store = app.OpenStore(parsed);
            var me = await CliApp.ReaderAsync(store, who, cancel);
            var deck = await new GrowthService(store, app.Context.Time).DeckAsync(fw, me.Id, null, cancel);
            var stats = PracticeStats.Compute(deck, time, window);
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(new StatsReport(fw.Id, me.PrimaryEmail, stats));
                return ExitCodes.Ok;
            }

            var console = app.Context.Out;
            console.WriteLine($"Practice of {who} at {GrowthSupport.Show(time)}: {stats.Reviews} reviews in all, {stats.CardsReviewed} of {stats.CardsTotal} cards seen, {stats.DueNow} due now.");
            console.WriteLine(stats.Retention is { } retention
                ? $"Retention over {window} days: {GrowthSupport.Percent(retention)} of {stats.RetentionReviews} reviews of cards in long-term review recalled (desired: 90%)."
                : $"Retention over {window} days: no review of a card in long-term review yet.");
            console.WriteLine($"Ratings over {window} days: {string.Join(", ", stats.Ratings.Select(r => $"{r.Key} {r.Value}"))}.");
            var table = new Table();
            table.AddColumn("Reviews per day");
            table.AddColumn("Count");
            foreach (var day in stats.ReviewsPerDay)
            {
                table.AddRow(day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Count.ToString(CultureInfo.InvariantCulture));
            }

            var forecast = new Table();
            forecast.AddColumn("Due on");
            forecast.AddColumn("Cards");
            foreach (var day in stats.Forecast)
            {
                forecast.AddRow(day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Count.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(new Columns(table, forecast) { Expand = false });
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>Keys of the practice session: '\n' for Enter, null when the input ends.</summary>
internal interface IKeySource
{
    char? Read();
}

/// <summary>Keys from the console's key input, one key press at a time (no echo).</summary>
internal sealed class ConsoleKeySource(IAnsiConsoleInput input) : IKeySource
{
    public char? Read()
    {
        ConsoleKeyInfo? key;
        try
        {
            key = input.ReadKey(intercept: true);
        }
        catch (InvalidOperationException)
        {
            // A plain console (NO_COLOR, or output to a pipe) refuses to read keys although the
            // keyboard is a terminal: read the terminal itself then.
            if (Console.IsInputRedirected)
            {
                throw new CommandFailedException("practice needs a terminal to read keys from; in scripts use 'skillprint practice review CARD RATING'");
            }

            key = Console.ReadKey(intercept: true);
        }

        return key switch
        {
            null => null,
            { Key: ConsoleKey.Enter } => '\n',
            { Key: ConsoleKey.Escape } => 'q',
            { Key: ConsoleKey.D, Modifiers: ConsoleModifiers.Control } => null,
            { } pressed => pressed.KeyChar,
        };
    }
}

/// <summary>Keys from lines of text (input piped in): an empty line is Enter, else the line's first character.</summary>
internal sealed class LineKeySource(TextReader reader) : IKeySource
{
    public char? Read()
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            return null;
        }

        var trimmed = line.Trim();
        return trimmed.Length == 0 ? '\n' : trimmed[0];
    }
}
