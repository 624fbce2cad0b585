using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Skillprint.Cli.Tests;

/// <summary>The growth commands end to end (role, gaps, roadmap, practice, history, status --since),
/// in-process against a temporary database with the built-in Python framework.</summary>
public sealed class GrowthCommandTests : IDisposable
{
    private const string Me = "me@example.org";
    private const string Card = "async.queue-question";

    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private CliResult Ok(params string[] args) => cli.RunOk([.. args, "--person", Me]);

    private CliResult Fails(int code, params string[] args)
    {
        var result = cli.Run([.. args, "--person", Me]);
        result.ExitCode.ShouldBe(code, result.ToString());
        return result;
    }

    /// <summary>Runs with key presses scripted through the console's input (as a terminal would give them),
    /// or with piped lines of input.</summary>
    private CliResult Interactive(IEnumerable<ConsoleKeyInfo>? keys, TextReader? lines, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        IAnsiConsole console = CliContext.PlainConsole(output, width: 200);
        if (keys is not null)
        {
            console = new ScriptedConsole(console, new ScriptedInput(keys));
        }

        var context = new CliContext
        {
            Out = console,
            Error = error,
            In = lines,
            Environment = cli.Environment,
            CurrentDirectory = cli.WorkDir,
        };
        var code = Program.Run([.. args, "--person", Me], context);
        return new CliResult(code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }

    private static ConsoleKeyInfo Key(char c) => c == '\n'
        ? new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false)
        : new ConsoleKeyInfo(c, char.IsDigit(c) ? ConsoleKey.D0 + (c - '0') : ConsoleKey.A + (char.ToUpperInvariant(c) - 'A'), false, false, false);

    // --- Roles ---------------------------------------------------------------------------------

    [Fact]
    public void Roles_are_set_listed_shown_and_unset()
    {
        Ok("role", "set", "backend-developer").Out.ShouldContain("Role Backend Developer (backend-developer) set");
        Ok("role", "set", "api-developer", "backend-developer").Out.ShouldContain("was already set");

        var list = Ok("role", "list", "--format", "json").Json;
        list.GetProperty("roles").EnumerateArray()
            .Where(r => r.GetProperty("chosen").GetBoolean())
            .Select(r => r.GetProperty("id").GetString())
            .ShouldBe(["api-developer", "backend-developer"], ignoreOrder: true);
        Ok("role", "list").Out.ShouldContain("* your roles: backend-developer, api-developer");

        var show = Ok("role", "show", "backend-developer", "--format", "json").Json;
        var targets = show.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("topic").GetString()!);
        targets["testing"].GetProperty("target").GetString().ShouldBe("Advanced");
        targets["testing"].GetProperty("source").GetString().ShouldBe("Relevance");
        targets["async"].GetProperty("source").GetString().ShouldBe("Override");
        targets["async"].GetProperty("met").GetBoolean().ShouldBeFalse();

        Ok("role", "unset", "api-developer").Out.ShouldContain("Your roles: backend-developer.");
    }

    [Fact]
    public void An_unknown_role_is_a_usage_error_that_lists_the_roles()
    {
        var result = Fails(2, "role", "set", "wizard");

        result.ErrorLines[0].ShouldBe("error: unknown role 'wizard' in framework 'python'");
        result.ErrorLines[1].ShouldStartWith("hint: roles: api-developer, backend-developer");
    }

    // --- Gaps ----------------------------------------------------------------------------------

    [Fact]
    public void Gaps_need_a_role()
    {
        var result = Fails(2, "gaps");

        result.ErrorLines[0].ShouldBe("error: no role to plan against: you have not chosen a role");
        result.ErrorLines[1].ShouldStartWith("hint: choose one with 'skillprint role set ROLE' or give --role ROLE");
    }

    [Fact]
    public void The_gap_plan_follows_the_documented_rule()
    {
        Ok("role", "set", "backend-developer");
        var targets = Ok("role", "show", "backend-developer", "--format", "json").Json.GetProperty("targets").EnumerateArray()
            .ToDictionary(t => t.GetProperty("topic").GetString()!, t => t.GetProperty("target").GetString()!);
        var levels = new Dictionary<string, string>(targets)
        {
            ["testing"] = "Beginner", // Critical 4 x (Advanced - Beginner = 2) = 8
            ["pydantic"] = "None", // High 3 x 2 = 6
            ["web"] = "Beginner", // High 3 x 2 = 6, after pydantic in the framework's order
            ["async"] = "Intermediate", // Medium 2 x 1 = 2
            ["cloud"] = "Beginner", // Medium 2 x 1 = 2, after async in the framework's order
        };
        foreach (var (topic, level) in levels)
        {
            Ok("assess", topic, level);
        }

        Ok("evidence", "add", "testing/testing.fixture", "--note", "course on pytest");

        var plan = Ok("gaps", "--format", "json").Json;

        var gaps = plan.GetProperty("gaps").EnumerateArray().ToList();
        gaps.Select(g => (g.GetProperty("rank").GetInt32(), g.GetProperty("topic").GetString(), g.GetProperty("score").GetInt32())).ShouldBe(
        [
            (1, "testing", 8),
            (2, "pydantic", 6),
            (3, "web", 6),
            (4, "async", 2),
            (5, "cloud", 2),
        ]);
        var testing = gaps[0];
        (testing.GetProperty("level").GetString(), testing.GetProperty("target").GetString(), testing.GetProperty("weight").GetInt32()).ShouldBe(("Beginner", "Advanced", 4));
        var next = testing.GetProperty("nextSkills").EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("level").GetString())).ToList();
        next.ShouldNotBeEmpty();
        next.ShouldContain(s => s.Item1 == "testing.parametrize");
        next.ShouldNotContain(s => s.Item1 == "testing.fixture"); // evidenced by the course
        next.ShouldAllBe(s => s.Item2 == "Intermediate" || s.Item2 == "Advanced");
        testing.GetProperty("practice").GetArrayLength().ShouldBeGreaterThan(0);
        testing.GetProperty("stages").EnumerateArray().ShouldAllBe(s => s.GetProperty("number").GetInt32() >= 1);

        var table = Ok("gaps").Out;
        table.ShouldContain("Gaps of me@example.org for backend-developer");
        var last = gaps[4].GetProperty("name").GetString()!;
        table.IndexOf("Testing in Python", StringComparison.Ordinal).ShouldBeLessThan(table.IndexOf(last, StringComparison.Ordinal));
        var markdown = Ok("gaps", "--format", "markdown").Out;
        markdown.ShouldStartWith("# Gaps for backend-developer\n\n| # | Topic |");
        markdown.ShouldContain("| 1 | Testing in Python (testing) | Beginner | Advanced | 4 x 2 = 8 |");
    }

    [Fact]
    public void Code_evidence_from_a_scan_lifts_the_level_the_plan_works_from_and_marks_roadmap_items_done()
    {
        var repo = Directory.CreateDirectory(Path.Combine(cli.Root, "repo")).FullName;
        File.WriteAllText(Path.Combine(repo, "app.py"), """
            import asyncio
            import httpx

            async def fetch(url):
                async with httpx.AsyncClient() as client:
                    return await client.get(url)

            async def main():
                await asyncio.sleep(1)
                await asyncio.gather(fetch("a"), fetch("b"))
                async for item in stream():
                    print(item)

            asyncio.run(main())
            """);
        var git = new Dictionary<string, string>(cli.Environment)
        {
            ["GIT_AUTHOR_NAME"] = "Me",
            ["GIT_AUTHOR_EMAIL"] = Me,
            ["GIT_COMMITTER_NAME"] = "Me",
            ["GIT_COMMITTER_EMAIL"] = Me,
        };
        foreach (var args in new[] { new[] { "init", "-q" }, ["add", "."], ["commit", "-qm", "async code"] })
        {
            var run = CliRunner.Exec("git", repo, git, args);
            run.ExitCode.ShouldBe(0, run.Error);
        }

        Ok("scan", repo);
        Ok("role", "set", "backend-developer");

        var async = Ok("gaps", "--format", "json").Json.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("topic").GetString() == "async");
        (async.GetProperty("selfLevel").GetString(), async.GetProperty("evidencedLevel").GetString(), async.GetProperty("level").GetString())
            .ShouldBe(("None", "Intermediate", "Intermediate"));
        async.GetProperty("score").GetInt32().ShouldBe(2); // Medium 2 x (Advanced - Intermediate)
        async.GetProperty("nextSkills").EnumerateArray().ShouldAllBe(s => s.GetProperty("level").GetString() == "Advanced");

        var stage = Stage(Ok("roadmap", "show", "python-80-20", "--format", "json").Json, "python-80-20", "async");
        Items(stage).ShouldContain(("async.gather", "Done", "Evidence"));
        Items(stage).ShouldContain(("async.httpx-client", "Done", "Evidence"));
        Ok("history", "async", "--format", "json").Json.GetProperty("events").EnumerateArray()
            .ShouldContain(e => e.GetProperty("kind").GetString() == "CodeEvidence" && e.GetProperty("item").GetString() == "async.gather");
    }

    [Fact]
    public void Every_role_of_the_built_in_framework_gives_a_plan_ranked_by_score()
    {
        Ok("assess", "fundamentals", "intermediate");
        foreach (var role in Ok("role", "list", "--format", "json").Json.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("id").GetString()!))
        {
            var gaps = Ok("gaps", "--role", role, "--format", "json").Json.GetProperty("gaps").EnumerateArray().ToList();

            gaps.ShouldNotBeEmpty(role);
            gaps.Select(g => g.GetProperty("score").GetInt32()).ShouldBeInOrder(SortDirection.Descending, role);
            gaps.ShouldAllBe(g => g.GetProperty("score").GetInt32() == g.GetProperty("weight").GetInt32() * g.GetProperty("distance").GetInt32());
            gaps.Select(g => g.GetProperty("rank").GetInt32()).ShouldBe(Enumerable.Range(1, gaps.Count));
        }
    }

    // --- Roadmaps ------------------------------------------------------------------------------

    [Fact]
    public void Roadmap_progress_follows_from_marks_and_evidence_and_a_mark_overrules_evidence()
    {
        Ok("roadmap", "mark", "fundamentals.fstring", "done");
        Ok("roadmap", "mark", "fundamentals/comprehension", "skipped");
        Ok("evidence", "add", "fundamentals/fundamentals.enumerate-zip", "--note", "kata");
        Ok("roadmap", "mark", "fundamentals.mutability", "doing");

        var stage = Stage(Ok("roadmap", "show", "python-80-20", "--format", "json").Json, "python-80-20", "core-syntax");
        Items(stage).ShouldBe(
        [
            ("fundamentals.fstring", "Done", "Mark"),
            ("fundamentals.comprehension", "Skipped", "Mark"),
            ("fundamentals.enumerate-zip", "Done", "Evidence"),
            ("fundamentals.mutability", "Doing", "Mark"),
        ]);
        stage.GetProperty("count").GetProperty("progress").GetDouble().ShouldBe(0.75);

        // The same skill counts in the other roadmap too (python-developer, stage basics).
        var other = Stage(Ok("roadmap", "show", "--format", "json").Json, "python-developer", "basics");
        Items(other).ShouldContain(("fundamentals.fstring", "Done", "Mark"));

        var overruled = Ok("roadmap", "mark", "fundamentals.enumerate-zip", "todo").Out;
        overruled.ShouldContain("Marked enumerate and zip (fundamentals.enumerate-zip) todo");
        overruled.ShouldContain("Python 80/20 roadmap (python-80-20): 2/");
        Items(Stage(Ok("roadmap", "show", "python-80-20", "--format", "json").Json, "python-80-20", "core-syntax"))[2]
            .ShouldBe(("fundamentals.enumerate-zip", "Todo", "Mark"));

        var list = Ok("roadmap", "list", "--format", "json").Json.GetProperty("roadmaps").EnumerateArray().ToList();
        list.Select(r => r.GetProperty("id").GetString()).ShouldBe(["python-80-20", "python-developer"]);
        list[0].GetProperty("progress").GetProperty("done").GetInt32().ShouldBe(1);
        list[0].GetProperty("progress").GetProperty("skipped").GetInt32().ShouldBe(1);

        var shown = Ok("roadmap", "show", "python-80-20").Out;
        shown.ShouldContain("[x] f-strings (fundamentals.fstring)");
        shown.ShouldContain("[-] list, set and dict comprehensions (fundamentals.comprehension)");
        shown.ShouldContain("[~] mutability and aliasing (fundamentals.mutability)");
    }

    [Fact]
    public void Roadmap_next_puts_items_in_progress_first_and_waits_for_prerequisites()
    {
        Ok("roadmap", "mark", "fundamentals.lambda", "doing");

        var next = Ok("roadmap", "next", "python-80-20", "--limit", "3", "--format", "json").Json;

        var steps = next.GetProperty("steps").EnumerateArray().ToList();
        steps.Count.ShouldBe(3);
        steps[0].GetProperty("item").GetProperty("id").GetString().ShouldBe("fundamentals.lambda");
        steps[0].GetProperty("reason").GetString().ShouldBe("InProgress");
        steps[1].GetProperty("item").GetProperty("id").GetString().ShouldBe("fundamentals.fstring");
        steps[1].GetProperty("reason").GetString().ShouldBe("Order");
        // Topics that need fundamentals wait while the person has no level in it.
        next.GetProperty("blocked").EnumerateArray()
            .ShouldContain(b => b.GetProperty("missing").EnumerateArray().Any(m => m.GetString() == "fundamentals"));

        Ok("assess", "fundamentals", "beginner");
        Ok("role", "set", "backend-developer");
        var after = Ok("roadmap", "next", "python-80-20", "--limit", "50", "--format", "json").Json;
        after.GetProperty("steps").EnumerateArray().Skip(1).First().GetProperty("reason").GetString().ShouldBe("Gap");
        after.GetProperty("blocked").EnumerateArray()
            .ShouldNotContain(b => b.GetProperty("missing").EnumerateArray().Any(m => m.GetString() == "fundamentals"));
        Ok("roadmap", "next").Out.ShouldContain("Next in Python 80/20 roadmap for me@example.org");
    }

    [Theory]
    [InlineData("async.queue", "finished", "error: unknown status 'finished'")]
    [InlineData("nothing.here", "done", "error: unknown item 'nothing.here': not a topic or skill of framework 'python'")]
    public void A_bad_mark_is_a_usage_error(string item, string status, string message)
    {
        Fails(2, "roadmap", "mark", item, status).ErrorLines[0].ShouldBe(message);
    }

    private static JsonElement Stage(JsonElement shown, string roadmap, string stage) =>
        shown.GetProperty("roadmaps").EnumerateArray().Single(r => r.GetProperty("id").GetString() == roadmap)
            .GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("id").GetString() == stage);

    private static List<(string?, string?, string?)> Items(JsonElement stage) =>
        stage.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetString(), i.GetProperty("status").GetString(), i.GetProperty("source").GetString()))
            .ToList();

    // --- Practice: the golden FSRS cases replayed through the CLI ------------------------------

    [Fact]
    public void The_golden_intervals_replay_through_practice_review_at_each_due_time()
    {
        string[] ratings = ["good", "good", "good", "good", "good", "good", "again", "again", "good", "good", "good", "good", "good"];
        var at = new DateTimeOffset(2022, 11, 29, 12, 30, 0, TimeSpan.Zero);
        var intervals = new List<int>();
        foreach (var rating in ratings)
        {
            var review = Ok("practice", "review", Card, rating, "--at", Iso(at), "--no-fuzz", "--format", "json").Json;
            intervals.Add(review.GetProperty("intervalDays").GetInt32());
            var due = review.GetProperty("due").GetDateTimeOffset();

            // The card is not due a minute before its due time, and is due at it, with that due time.
            Ok("practice", "due", "--at", Iso(due.AddMinutes(-1)), "--format", "json").Json.GetProperty("due").GetInt32().ShouldBe(0);
            var listed = Ok("practice", "due", "--at", Iso(due), "--format", "json").Json;
            listed.GetProperty("due").GetInt32().ShouldBe(1);
            var card = listed.GetProperty("cards").EnumerateArray().Single();
            card.GetProperty("id").GetString().ShouldBe(Card);
            card.GetProperty("memory").GetProperty("due").GetDateTimeOffset().ShouldBe(due);
            at = due;
        }

        intervals.ShouldBe([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
    }

    [Fact]
    public void The_golden_memory_state_replays_through_practice_review_at_day_offsets()
    {
        string[] ratings = ["again", "good", "good", "good", "good", "good"];
        int[] offsets = [0, 0, 1, 3, 8, 21];
        var at = new DateTimeOffset(2022, 11, 29, 12, 30, 0, TimeSpan.Zero);
        JsonElement last = default;
        for (var i = 0; i < ratings.Length; i++)
        {
            at = at.AddDays(offsets[i]);
            last = Ok("practice", "review", Card, ratings[i], "--at", Iso(at), "--no-fuzz", "--format", "json").Json;
        }

        last.GetProperty("after").GetProperty("stability").GetDouble().ShouldBe(53.62691, 1e-4);
        last.GetProperty("after").GetProperty("difficulty").GetDouble().ShouldBe(6.3574867, 1e-4);
        Ok("practice", "review", Card, "3", "--at", Iso(at), "--no-fuzz").Out
            .ShouldStartWith($"Reviewed {Card}: Good at 2023-01-01 12:30 UTC. Review -> Review; next review");
    }

    [Fact]
    public void Fuzz_is_on_by_default_and_a_seed_makes_it_repeatable()
    {
        static DateTimeOffset Due(CliResult result) => result.Json.GetProperty("due").GetDateTimeOffset();
        var at = "2024-01-01T08:00:00Z";
        // An Easy first review schedules 8 days before fuzz, which spreads it over a few days.
        var exact = Due(Ok("practice", "review", Card, "easy", "--at", at, "--no-fuzz", "--format", "json", "--framework", "python"));
        var dues = new List<DateTimeOffset>();
        for (var seed = 1; seed <= 12; seed++)
        {
            var person = $"p{seed}@example.org";
            var first = Due(cli.RunOk("practice", "review", Card, "easy", "--at", at, "--seed", "1000", "--format", "json", "--person", person));
            cli.Environment["SKILLPRINT_SEED"] = "1000";
            var again = Due(cli.RunOk("practice", "review", "async.how-async-works", "easy", "--at", at, "--format", "json", "--person", person));
            cli.Environment.Remove("SKILLPRINT_SEED");
            first.ShouldBe(again);
            dues.Add(Due(cli.RunOk("practice", "review", "async.blocking-call", "easy", "--at", at, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--format", "json", "--person", person)));
        }

        exact.ShouldBe(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture).AddDays(8));
        dues.Distinct().Count().ShouldBeGreaterThan(1);
        dues.ShouldAllBe(d => Math.Abs((d - exact).TotalDays) <= 3);
    }

    [Theory]
    [InlineData("async.queue-question", "7", "error: unknown rating '7'")]
    [InlineData("no.such-card", "good", "error: unknown card 'no.such-card' in framework 'python'")]
    public void A_bad_review_is_a_usage_error(string card, string rating, string message)
    {
        Fails(2, "practice", "review", card, rating).ErrorLines[0].ShouldBe(message);
    }

    [Fact]
    public void A_review_before_the_cards_last_one_is_refused()
    {
        Ok("practice", "review", Card, "good", "--at", "2024-05-01T10:00:00Z");

        Fails(2, "practice", "review", Card, "good", "--at", "2024-04-01T10:00:00Z").ErrorLines[0]
            .ShouldBe("error: --at 2024-04-01 10:00 UTC is before the card's last review (2024-05-01 10:00 UTC)");
        Fails(2, "practice", "review", Card, "good", "--at", "yesterday").ErrorLines[0].ShouldBe("error: --at: 'yesterday' is not a time");
    }

    // --- Practice: the interactive session ------------------------------------------------------

    [Fact]
    public void An_interactive_session_driven_by_key_presses_reviews_and_logs_each_card()
    {
        var keys = "x\n3\n" + "\n1" + "\n4";
        var result = Interactive(keys.Select(Key), null, "practice", "--topic", "async", "--limit", "2", "--at", "2025-03-01T09:00:00Z", "--no-fuzz");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Out.Split('\n');
        lines[0].ShouldBe($"Practice Python for {Me}: 0 due, 16 new.");
        lines[1].ShouldStartWith("This session: 2 cards.");
        result.Out.ShouldContain("[1/2] Async Programming - async.how-async-works (new)");
        result.Out.ShouldContain("Q: How does Python run async code under the hood?");
        result.Out.ShouldContain("A: An `async def` function returns a coroutine");
        result.Out.ShouldContain("-> Good: next review 2025-03-01 09:10 UTC (in 10 min).");
        result.Out.ShouldContain("-> Again: next review 2025-03-01 09:01 UTC (in 1 min).");
        lines.ShouldContain("Session done: 2 reviewed (Again 1, Hard 0, Good 1, Easy 0).");

        var due = Ok("practice", "due", "--at", "2025-03-01T09:30:00Z", "--format", "json").Json;
        (due.GetProperty("due").GetInt32(), due.GetProperty("new").GetInt32()).ShouldBe((2, 337));
        due.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("id").GetString())
            .ShouldBe(["async.gather-vs-taskgroup", "async.how-async-works"]);

        // The next session shows the due cards first; q quits before any rating.
        var second = Interactive("q".Select(Key), null, "practice", "--limit", "5", "--at", "2025-03-01T09:30:00Z");
        second.Out.ShouldStartWith($"Practice Python for {Me}: 2 due, 337 new.");
        second.Out.ShouldContain("[1/5] Async Programming - async.gather-vs-taskgroup (due 2025-03-01 09:01 UTC)");
        second.Out.ShouldContain("Session done: 0 reviewed");
        Ok("history", "async", "--format", "json").Json.GetProperty("events").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void A_session_reads_piped_lines_and_ends_with_its_input()
    {
        var result = Interactive(null, new StringReader("\n4\n\n"), "practice", "--topic", "typing", "--at", "2025-03-01T09:00:00Z", "--no-fuzz");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("-> Easy: next review 2025-03-09 09:00 UTC (in 8 d).");
        result.Out.ShouldContain("Session done: 1 reviewed (Again 0, Hard 0, Good 0, Easy 1).");
    }

    [Fact]
    public void Gaps_first_puts_the_cards_of_the_top_gap_first()
    {
        Ok("role", "set", "backend-developer");
        var top = Ok("gaps", "--format", "json").Json.GetProperty("gaps")[0].GetProperty("topic").GetString();

        var result = Interactive("q".Select(Key), null, "practice", "--gaps", "--at", "2025-03-01T09:00:00Z");

        var first = result.Out.Split('\n').First(l => l.StartsWith("[1/", StringComparison.Ordinal));
        first.ShouldContain($" - {top}.");
    }

    [Fact]
    public void Stats_count_reviews_retention_and_the_forecast()
    {
        Ok("practice", "review", Card, "easy", "--at", "2025-03-01T09:00:00Z", "--no-fuzz");
        Ok("practice", "review", "async.how-async-works", "easy", "--at", "2025-03-01T09:05:00Z", "--no-fuzz");
        Ok("practice", "review", Card, "again", "--at", "2025-03-09T09:00:00Z", "--no-fuzz");
        Ok("practice", "review", "async.how-async-works", "good", "--at", "2025-03-09T10:00:00Z", "--no-fuzz");

        var stats = Ok("practice", "stats", "--at", "2025-03-09T12:00:00Z", "--format", "json").Json.GetProperty("stats");

        stats.GetProperty("reviews").GetInt32().ShouldBe(4);
        stats.GetProperty("reviewsPerDay").EnumerateArray().Select(d => (d.GetProperty("day").GetString(), d.GetProperty("count").GetInt32()))
            .ShouldBe([("2025-03-01", 2), ("2025-03-09", 2)]);
        stats.GetProperty("retention").GetDouble().ShouldBe(0.5);
        stats.GetProperty("retentionReviews").GetInt32().ShouldBe(2);
        stats.GetProperty("dueNow").GetInt32().ShouldBe(1); // the lapsed card relearns in 10 minutes
        stats.GetProperty("forecast")[0].GetProperty("count").GetInt32().ShouldBe(1);
        stats.GetProperty("ratings").GetProperty("Again").GetInt32().ShouldBe(1);
        Ok("practice", "stats", "--at", "2025-03-09T12:00:00Z").Out.ShouldContain("Retention over 30 days: 50% of 2 reviews");
    }

    // --- History -------------------------------------------------------------------------------

    [Fact]
    public void History_keeps_every_change_with_its_time_and_status_since_shows_what_moved()
    {
        Ok("role", "set", "backend-developer", "--at", "2025-01-05");
        Ok("roadmap", "mark", "async.gather", "doing", "--at", "2025-02-01T10:00:00Z");
        Ok("practice", "review", Card, "good", "--at", "2025-02-02T10:00:00Z", "--no-fuzz");
        Ok("assess", "async", "intermediate");
        Ok("evidence", "add", "async/async.queue", "--note", "worker pool");

        var events = Ok("history", "--format", "json").Json.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["Role", "Mark", "Review", "Assessment", "Evidence"]);
        events.Select(e => e.GetProperty("at").GetDateTimeOffset()).ShouldBeInOrder();
        events[1].GetProperty("text").GetString().ShouldBe("marked asyncio.gather (async.gather) doing");

        var asyncOnly = Ok("history", "async", "--since", "2025-02-01T12:00:00Z", "--format", "json").Json.GetProperty("events").EnumerateArray();
        asyncOnly.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["Review", "Assessment", "Evidence"]);
        Ok("history").Out.ShouldContain("role Backend Developer set as a target");

        var moved = Ok("status", "--since", "2025-01-10", "--format", "json").Json;
        var topics = moved.GetProperty("topics").EnumerateArray().ToList();
        topics.Select(t => t.GetProperty("topic").GetString()).ShouldBe(["async"]);
        (topics[0].GetProperty("selfLevelBefore").GetString(), topics[0].GetProperty("selfLevel").GetString()).ShouldBe(("None", "Intermediate"));
        topics[0].GetProperty("events").GetArrayLength().ShouldBe(4);
        moved.GetProperty("other").GetArrayLength().ShouldBe(0);
        Ok("status", "--since", "2025-01-01").Out.ShouldContain("(roles)");
        Ok("status", "--since", "2999-01-01").Out.ShouldContain("Nothing moved since 2999-01-01 00:00 UTC");
    }

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A console that writes through another and reads scripted key presses.</summary>
    private sealed class ScriptedConsole(IAnsiConsole inner, IAnsiConsoleInput input) : IAnsiConsole
    {
        public Profile Profile => inner.Profile;

        public IAnsiConsoleCursor Cursor => inner.Cursor;

        public IAnsiConsoleInput Input => input;

        public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

        public RenderPipeline Pipeline => inner.Pipeline;

        public void Clear(bool home) => inner.Clear(home);

        public void Write(IRenderable renderable) => inner.Write(renderable);
    }

    /// <summary>Key presses given in advance; none left is the end of input.</summary>
    private sealed class ScriptedInput(IEnumerable<ConsoleKeyInfo> keys) : IAnsiConsoleInput
    {
        private readonly Queue<ConsoleKeyInfo> queue = new(keys);

        public bool IsKeyAvailable() => queue.Count > 0;

        public ConsoleKeyInfo? ReadKey(bool intercept) => queue.Count > 0 ? queue.Dequeue() : null;

        public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
    }

    [Fact]
    public void A_role_set_at_a_grade_plans_against_that_grades_targets_and_unknown_grades_are_refused()
    {
        var cli = new CliRunner();
        try
        {
            var junior = cli.RunOk("role", "set", "backend-developer", "--grade", "junior");
            junior.Out.ShouldContain("Role Backend Developer (backend-developer) set at grade junior for ");
            junior.Out.ShouldContain("Your roles: backend-developer (junior).");
            var juniorScore = cli.RunOk("gaps", "--format", "json").Json.GetProperty("gaps").EnumerateArray().Sum(g => g.GetProperty("score").GetInt32());

            cli.RunOk("role", "set", "backend-developer", "--grade", "staff").Out.ShouldContain("Your roles: backend-developer (staff).");
            var staffScore = cli.RunOk("gaps", "--format", "json").Json.GetProperty("gaps").EnumerateArray().Sum(g => g.GetProperty("score").GetInt32());
            staffScore.ShouldBeGreaterThan(juniorScore);

            var wrong = cli.Run("role", "set", "backend-developer", "--grade", "principal");
            wrong.ExitCode.ShouldBe(2);
            wrong.Error.ShouldContain("unknown grade 'principal' in framework 'python'");
            wrong.Error.ShouldContain("grades: junior, mid, senior, staff");
        }
        finally
        {
            cli.Dispose();
        }
    }
}
