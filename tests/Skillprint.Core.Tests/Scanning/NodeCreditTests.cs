using Skillprint.Core.Detection;
using Skillprint.Core.Scanning;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>
/// A hit about a whole function or class is credited to whoever wrote most of its lines, not to
/// whoever last touched its first line; a hit about one line keeps that line's author as git
/// blame has it. Real repositories, built here, with two authors.
/// </summary>
public sealed class NodeCreditTests : IDisposable
{
    private const string Alice = "alice@example.org";
    private const string Bob = "bob@example.org";
    private const string Carol = "carol@example.org";

    private static readonly DateTimeOffset AliceWrote = new(2019, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BobTouched = new(2025, 6, 7, 10, 0, 0, TimeSpan.Zero);

    private readonly ScanWorkshop workshop = new();

    public void Dispose() => workshop.Dispose();

    [Fact]
    public void An_async_generator_whose_def_line_someone_else_annotated_is_credited_to_the_author_of_its_body()
    {
        var repo = workshop.Repository("stream");
        ScanWorkshop.Write(repo, "stream.py",
            "class Request:\n" +
            "    async def stream(self):\n" +
            "        for chunk in self.chunks:\n" +
            "\n" +
            "            data = chunk.encode()\n" +
            "            yield data\n");
        workshop.Commit(repo, Alice, "stream", AliceWrote);
        ScanWorkshop.Write(repo, "stream.py",
            "class Request:\n" +
            "    async def stream(self) -> AsyncIterator[bytes]:\n" +
            "        for chunk in self.chunks:\n" +
            "\n" +
            "            data = chunk.encode()\n" +
            "            yield data\n");
        workshop.Commit(repo, Bob, "annotations", BobTouched);

        workshop.Scan(repo).Repositories.ShouldHaveSingleItem().Failure.ShouldBeNull();

        var hits = workshop.Hits();
        var generator = hits.Where(h => h.Skill == "async.async-generator").ShouldHaveSingleItem();
        generator.Line.ShouldBe(2);
        generator.Author.ShouldBe(Alice);
        generator.At.ShouldBe(AliceWrote);
        hits.Where(h => h.Skill == "async.async-def").ShouldHaveSingleItem().Author.ShouldBe(Alice, "async def names the whole function too");

        // The annotation is on the def line itself: its author, as git blame says.
        var annotated = hits.Where(h => h.Skill == "typing.annotations").ShouldHaveSingleItem();
        annotated.Line.ShouldBe(2);
        annotated.Author.ShouldBe(Bob);
        annotated.At.ShouldBe(BobTouched);
        BlameEmail(repo, "stream.py", 2).ShouldBe(Bob);
    }

    [Fact]
    public void A_subclass_whose_class_line_a_tooling_commit_touched_is_credited_to_the_author_of_its_body()
    {
        var repo = workshop.Repository("types");
        const string Body =
            "    impl = types.String\n" +
            "    cache_ok = True\n" +
            "\n" +
            "    def process_bind_param(self, value, dialect):\n" +
            "        return value\n";
        ScanWorkshop.Write(repo, "sqltypes.py", "from sqlalchemy import types\n\n\nclass AutoString(types.TypeDecorator):  # type: ignore\n" + Body);
        workshop.Commit(repo, Alice, "custom type", AliceWrote);
        ScanWorkshop.Write(repo, "sqltypes.py", "from sqlalchemy import types\n\n\nclass AutoString(types.TypeDecorator):\n" + Body);
        workshop.Commit(repo, Bob, "drop type: ignore", BobTouched);

        workshop.Scan(repo).Repositories.ShouldHaveSingleItem().Failure.ShouldBeNull();

        var custom = workshop.Hits().Where(h => h.Skill == "database.hybrid").ShouldHaveSingleItem();
        custom.Line.ShouldBe(4);
        custom.Author.ShouldBe(Alice);
        BlameEmail(repo, "sqltypes.py", 4).ShouldBe(Bob);
        workshop.Hits(Bob).ShouldBeEmpty("Bob's one line shows nothing of his own");
    }

    [Fact]
    public void A_function_mostly_rewritten_by_a_second_author_is_theirs()
    {
        var repo = workshop.Repository("rewrite");
        ScanWorkshop.Write(repo, "gen.py", "async def pages(client):\n    yield 1\n");
        workshop.Commit(repo, Alice, "stub", AliceWrote);
        ScanWorkshop.Write(repo, "gen.py",
            "async def pages(client):\n" +
            "    cursor = None\n" +
            "    while True:\n" +
            "        page = await client.get(cursor)\n" +
            "        cursor = page.next\n" +
            "        yield page\n");
        workshop.Commit(repo, Bob, "paging", BobTouched);

        workshop.Scan(repo).Repositories.ShouldHaveSingleItem().Failure.ShouldBeNull();

        BlameEmail(repo, "gen.py", 1).ShouldBe(Alice);
        var generator = workshop.Hits().Where(h => h.Skill == "async.async-generator").ShouldHaveSingleItem();
        generator.Author.ShouldBe(Bob, "Bob wrote five of its six lines");
        generator.At.ShouldBe(BobTouched);
    }

    [Fact]
    public void Hits_about_a_whole_function_or_class_name_its_last_line_and_hits_about_a_line_do_not()
    {
        var source =
            "from sqlalchemy import types\n" +         // 1
            "\n" +                                     // 2
            "class Upper(\n" +                          // 3
            "    types.TypeDecorator,\n" +             // 4
            "):\n" +                                   // 5
            "    impl = types.String\n" +              // 6
            "\n" +                                     // 7
            "    async def rows(self, q: str):\n" +    // 8
            "        \t\n" +                           // 9
            "        yield await q.fetch()\n";         // 10
        var detection = Detector.Detect(ScanWorkshop.Rules, "app.py", source);
        var hits = detection.Hits.ToDictionary(h => (h.SkillId, h.Line), h => h.NodeEndLine);

        hits[("database.hybrid", 4)].ShouldBe(10, "a base class names the whole class");
        hits[("async.async-generator", 8)].ShouldBe(10);
        hits[("async.async-def", 8)].ShouldBe(10);
        hits[("typing.annotations", 8)].ShouldBe(0, "an annotation is on the def line");
        hits[("async.await", 10)].ShouldBe(0);
        detection.BlankLines.ShouldBe([2, 7, 9]);
        Attribution.CreditLines(detection.Hits.Single(h => h.SkillId == "async.async-generator"), detection.BlankLines).ShouldBe([8, 10]);
    }

    [Fact]
    public void A_tie_goes_to_the_author_of_the_hits_own_line_else_to_who_wrote_there_last()
    {
        var hit = new Hit("s", "a.py", 1, 1, "") { NodeEndLine = 4 };
        LineAuthor Of(string email, int year) => new(email, "c" + year, new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Attribution.Credit(hit, [], new Dictionary<int, LineAuthor> { [1] = Of(Bob, 2020), [2] = Of(Bob, 2021), [3] = Of(Alice, 2019), [4] = Of(Alice, 2022) })
            .ShouldBe(Of(Bob, 2021), "tied 2 to 2: the def line's author, dated by his newest line");
        Attribution.Credit(hit, [], new Dictionary<int, LineAuthor> { [1] = Of(Bob, 2020), [2] = Of(Alice, 2021), [3] = Of(Alice, 2019), [4] = Of(Carol, 2023) })
            .ShouldBe(Of(Alice, 2021));
        Attribution.Credit(hit, [2, 3], new Dictionary<int, LineAuthor> { [1] = Of(Bob, 2020), [2] = Of(Alice, 2021), [3] = Of(Alice, 2019), [4] = Of(Carol, 2023) })
            .ShouldBe(Of(Bob, 2020), "blank lines do not count: one line each, and the def line is Bob's");
        Attribution.Credit(hit, [], new Dictionary<int, LineAuthor> { [2] = Of(Alice, 2019), [3] = Of(Carol, 2023) })
            .ShouldBe(Of(Carol, 2023), "a tie without the hit's own line: who wrote there last");
        Attribution.Credit(hit with { NodeEndLine = 0 }, [], new Dictionary<int, LineAuthor> { [1] = Of(Bob, 2020), [2] = Of(Alice, 2021), [3] = Of(Alice, 2019) })
            .ShouldBe(Of(Bob, 2020), "a hit about its line is its line's");
    }

    private string BlameEmail(string repo, string path, int line)
    {
        var porcelain = workshop.Run(repo, "blame", "--porcelain", "-w", "-L", $"{line},{line}", "--", path);
        var mail = porcelain.Split('\n').Single(l => l.StartsWith("author-mail ", StringComparison.Ordinal));
        return mail["author-mail ".Length..].Trim('<', '>', ' ');
    }
}
