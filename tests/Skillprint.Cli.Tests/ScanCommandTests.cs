using System.Diagnostics;

namespace Skillprint.Cli.Tests;

/// <summary>`skillprint scan`, then status, evidence list, dismiss, person alias: as a person types them,
/// on repositories made with the real git.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private const string Me = "me@example.org";

    private readonly CliRunner _cli = new();

    public ScanCommandTests()
    {
        _cli.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(_cli.Home, ".gitconfig");
        File.WriteAllText(Path.Combine(_cli.Home, ".gitconfig"), $"[user]\n\tname = Me\n\temail = {Me}\n[init]\n\tdefaultBranch = main\n");
    }

    public void Dispose() => _cli.Dispose();

    private string Git(string repository, params string[] args)
    {
        var (code, output, error) = CliRunner.Exec("git", repository, _cli.Environment, args);
        code.ShouldBe(0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }

    private string Repository(string name, string author, params (string Path, string Text)[] files)
    {
        var path = Directory.CreateDirectory(Path.Combine(_cli.WorkDir, name)).FullName;
        Git(path, "init", "-q");
        foreach (var (file, text) in files)
        {
            var full = Path.Combine(path, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        Git(path, "add", "-A");
        Git(path, "-c", $"user.email={author}", "commit", "-q", "-m", "init");
        return path;
    }

    [Fact]
    public void Scan_then_status_shows_the_evidenced_level_and_the_gaps()
    {
        var api = Repository("api", Me, ("app/jobs.py", "import asyncio\n\n\nasync def main():\n    await asyncio.gather(work(), work())\n    async with lock:\n        pass\n    await asyncio.wait_for(work(), 1)\n    async for item in stream():\n        pass\n    asyncio.run(main())\n"));

        var scan = _cli.RunOk("scan", "api");

        scan.Out.ShouldContain("api (git, ");
        scan.Out.ShouldContain("files: 1 scanned, 1 parsed, 0 unchanged, 1 read");
        scan.Out.ShouldContain("Scanned 1 repository: 1 file,");
        var status = _cli.RunOk("status", "--format", "json", "--evidence").Json;
        var async = status.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "async");
        async.GetProperty("evidencedLevel").GetString().ShouldBe("Intermediate");
        async.GetProperty("activeProjects").EnumerateArray().Select(p => p.GetString()).ShouldBe(["api"]);
        var gaps = async.GetProperty("gaps").EnumerateArray().ToList();
        gaps.ShouldContain(g => g.GetProperty("id").GetString() == "async.queue" && g.GetProperty("name").GetString() == "asyncio.Queue");
        var code = async.GetProperty("evidence").EnumerateArray().First(e => e.GetProperty("kind").GetString() == "code");
        code.GetProperty("code").GetProperty("repository").GetString().ShouldBe("api");
        code.GetProperty("code").GetProperty("author").GetString().ShouldBe(Me);

        var rescan = _cli.RunOk("scan", api);
        rescan.Out.ShouldContain("files: 1 scanned, 0 parsed, 1 unchanged");

        var explain = _cli.RunOk("status", "--explain", "async");
        explain.Out.ShouldContain("Intermediate: your code shows 5 skills at Intermediate or above, in 6 places across 1 file and 1 repository. Advanced needs 2 skills at Advanced or above, one in deep use counting as two (0 so far) and 2 files (1 so far).");
        explain.Out.ShouldContain("Strength: skills: 5 Intermediate, 2 Beginner; 6 places in 1 file, 1 repository;");
        explain.Out.ShouldContain("Advanced: not reached (skills at Advanced or above / places / files: needs 2 / 5 / 2, has 0 / 6 / 1)");
        explain.Out.ShouldContain("[x] asyncio.gather (async.gather)");
        var explainJson = _cli.RunOk("status", "--explain", "async", "--format", "json").Json;
        explainJson.GetProperty("topic").GetString().ShouldBe("async");
        explainJson.GetProperty("evidencedLevel").GetString().ShouldBe("Intermediate");
        explainJson.GetProperty("why").GetString()!.ShouldStartWith("Intermediate: your code shows 5 skills");
        explainJson.GetProperty("skills").EnumerateArray().ShouldContain(skill => skill.GetProperty("id").GetString() == "async.gather" && skill.GetProperty("evidenced").GetBoolean());
        explain.Out.ShouldContain("api: app/jobs.py:5, ");
        explain.Out.ShouldContain("[ ] asyncio.Queue (async.queue)");
    }

    [Fact]
    public void Evidence_list_gives_every_hit_as_stable_json_and_a_dismissed_hit_stops_counting()
    {
        Repository("api", Me, ("app/main.py", "import asyncio\n\nq = asyncio.Queue()\n"));
        _cli.RunOk("scan", "api");

        var hits = _cli.RunOk("evidence", "list", "--skill", "async.queue", "--format", "json").Json.EnumerateArray().ToList();

        var hit = hits.ShouldHaveSingleItem();
        hit.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["kind", "id", "topic", "skill", "skillName", "at", "repository", "path", "line", "endLine", "snippet", "author", "commit", "dismissed", "link", "note"]);
        hit.GetProperty("kind").GetString().ShouldBe("code");
        hit.GetProperty("repository").GetString().ShouldBe("api");
        hit.GetProperty("path").GetString().ShouldBe("app/main.py");
        hit.GetProperty("line").GetInt32().ShouldBe(3);
        hit.GetProperty("snippet").GetString().ShouldBe("q = asyncio.Queue()");
        hit.GetProperty("author").GetString().ShouldBe(Me);
        hit.GetProperty("commit").GetString()!.Length.ShouldBe(40);

        var id = hit.GetProperty("id").GetString()!;
        id.ShouldMatch("^h[0-9]+$");
        _cli.RunOk("evidence", "dismiss", id).Out.ShouldContain($"Dismissed {id}: async.queue in api: app/main.py:3");
        _cli.RunOk("evidence", "list", "--skill", "async.queue", "--format", "json").Json.GetArrayLength().ShouldBe(0);
        _cli.RunOk("scan", "api");
        _cli.RunOk("evidence", "list", "--skill", "async.queue", "--format", "json").Json.GetArrayLength().ShouldBe(0);
        _cli.RunOk("evidence", "list", "--skill", "async.queue", "--dismissed", "--format", "json").Json[0].GetProperty("dismissed").GetBoolean().ShouldBeTrue();

        var missing = _cli.Run("evidence", "dismiss", "h987654");
        missing.ExitCode.ShouldBe(1);
        missing.Error.ShouldContain("no evidence h987654");

        _cli.RunOk("evidence", "restore", id).Out.ShouldContain($"Restored {id}: async.queue in api: app/main.py:3");
        _cli.RunOk("evidence", "list", "--skill", "async.queue", "--format", "json").Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void A_bare_number_is_refused_because_code_hits_and_manual_evidence_are_numbered_apart()
    {
        // Regression: `evidence dismiss 4`, meant for manual evidence #4, dismissed another author's code hit 4.
        Repository("api", "someone@example.org", ("app/main.py", "import asyncio\n\nq = asyncio.Queue()\n"));
        _cli.RunOk("scan", "api");
        var added = _cli.RunOk("evidence", "add", "async", "--note", "talk").Out;
        added.ShouldContain("Recorded evidence m1 ");

        var bare = _cli.Run("evidence", "dismiss", "1");
        bare.ExitCode.ShouldBe(2);
        bare.Error.ShouldContain("'1' could be code hit h1 or manual evidence m1");

        var others = _cli.Run("evidence", "dismiss", "h1");
        others.ExitCode.ShouldBe(1);
        others.Error.ShouldContain("is credited to someone@example.org, not to you");
        _cli.RunOk("evidence", "list", "--all-authors", "--format", "json").Json.EnumerateArray()
            .ShouldAllBe(e => e.GetProperty("dismissed").ValueKind != System.Text.Json.JsonValueKind.True);

        _cli.Run("evidence", "dismiss", "m1").Error.ShouldContain("manual evidence is removed, not dismissed");

        // A refused removal by someone the store does not know records no one.
        _cli.Run("evidence", "remove", "m1", "--person", "stranger@example.org").Error.ShouldContain("is credited to another person");
        _cli.RunOk("person", "list", "--format", "json").Json.EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("primaryEmail").GetString() == "stranger@example.org");

        _cli.RunOk("evidence", "remove", "m1").Out.ShouldContain("Removed m1: async");
        _cli.RunOk("evidence", "list", "--format", "json").Json.GetArrayLength().ShouldBe(0);
        _cli.RunOk("evidence", "restore", "m1").Out.ShouldContain("Restored m1: async");
        _cli.RunOk("evidence", "list", "--format", "json").Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void Alias_refuses_an_email_with_another_persons_data_until_merge_and_unalias_undoes_a_claim()
    {
        // Regression: `person alias EMAIL --person B`, EMAIL being A's, merged A into B silently.
        _cli.RunOk("assess", "async", "advanced", "--person", "a@example.org");

        var refused = _cli.Run("person", "alias", "a@example.org", "--person", "b@example.org");

        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("a@example.org belongs to a@example.org, who has 1 self assessments");
        refused.Error.ShouldContain("--merge");
        _cli.RunOk("status", "--person", "a@example.org", "--format", "json").Out.ShouldContain("\"selfLevel\": \"Advanced\"");
        _cli.RunOk("person", "list", "--format", "json").Json.GetArrayLength().ShouldBe(2);

        _cli.RunOk("person", "alias", "b2@example.org", "--person", "b@example.org").Out.ShouldContain("b@example.org is now: b@example.org, b2@example.org");
        _cli.RunOk("person", "unalias", "b2@example.org", "--person", "b@example.org").Out.ShouldContain("b2@example.org is no longer b@example.org's.");

        var merged = _cli.RunOk("person", "alias", "a@example.org", "--merge", "--person", "b@example.org");
        merged.Out.ShouldContain("Merged a@example.org into b@example.org, moving 1 self assessments.");
        _cli.RunOk("person", "list", "--format", "json").Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void A_folder_scanned_then_its_parent_counts_each_file_once()
    {
        // Regression: scanning a folder and then its parent counted the same files under two projects.
        var proj = Directory.CreateDirectory(Path.Combine(_cli.WorkDir, "work", "proj", "app")).FullName;
        File.WriteAllText(Path.Combine(proj, "main.py"), "import asyncio\n\nq = asyncio.Queue()\n");
        File.WriteAllText(Path.Combine(_cli.WorkDir, "work", "tool.py"), "import sys\n\nprint(sys.argv)\n");

        _cli.RunOk("scan", "work/proj");
        _cli.RunOk("scan", "work");
        _cli.RunOk("scan", "work/proj/app").Out.ShouldContain("proj (folder, ");

        var repositories = _cli.RunOk("repo", "list", "--format", "json").Json.EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("files").GetInt32());
        repositories.ShouldBe(new Dictionary<string, int> { ["proj"] = 1, ["work"] = 1 }, ignoreOrder: true);
        _cli.RunOk("evidence", "list", "--skill", "async.queue", "--format", "json").Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void Repo_list_shows_each_repository_once_and_repo_remove_forgets_one_after_confirmation()
    {
        Repository("api", Me, ("app/main.py", "import asyncio\n\nq = asyncio.Queue()\n"));
        _cli.RunOk("scan", "api");
        _cli.RunOk("scan", "api/app");

        var listed = _cli.RunOk("repo", "list", "--format", "json").Json;
        listed.GetArrayLength().ShouldBe(1);
        listed[0].GetProperty("name").GetString().ShouldBe("api");

        var unconfirmed = _cli.Run("repo", "remove", "api");
        unconfirmed.ExitCode.ShouldBe(1);
        unconfirmed.Error.ShouldContain("Nothing removed");
        _cli.RunOk("repo", "list", "--format", "json").Json.GetArrayLength().ShouldBe(1);

        _cli.RunOk("repo", "remove", "api", "--yes").Out.ShouldContain("Removed api (");
        _cli.RunOk("repo", "list", "--format", "json").Json.GetArrayLength().ShouldBe(0);
        _cli.RunOk("evidence", "list", "--format", "json").Json.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Another_authors_hits_are_theirs_until_joined_by_an_alias_or_read_with_all_authors()
    {
        Repository("lib", "me@work.example.org", ("lib.py", "import asyncio\n\nq = asyncio.Queue()\n"));
        _cli.RunOk("scan", "lib");

        _cli.RunOk("evidence", "list", "--format", "json").Json.GetArrayLength().ShouldBe(0);
        _cli.RunOk("evidence", "list", "--format", "json", "--person", "me@work.example.org").Json.GetArrayLength().ShouldBeGreaterThan(0);
        _cli.RunOk("evidence", "list", "--format", "json", "--all-authors").Json.GetArrayLength().ShouldBeGreaterThan(0);

        var unmatched = _cli.RunOk("status");
        unmatched.Error.ShouldContain($"note: no scanned code is credited to {Me}; hits by other authors: me@work.example.org (");
        unmatched.Error.ShouldContain("skillprint person alias EMAIL");

        _cli.RunOk("person", "alias", "me@work.example.org").Out.ShouldContain($"{Me} is now: {Me}, me@work.example.org");
        _cli.RunOk("status").Error.ShouldNotContain("note:");
        var mine = _cli.RunOk("evidence", "list", "--skill", "async.queue", "--format", "json").Json;
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("author").GetString().ShouldBe("me@work.example.org");
    }

    [Fact]
    public void A_path_that_does_not_exist_fails_the_run_after_scanning_the_others()
    {
        Repository("api", Me, ("app.py", "import asyncio\nasyncio.run(main())\n"));

        var result = _cli.Run("scan", "missing", "api", "--format", "json");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("missing: no such folder");
        var report = result.Json;
        report.GetProperty("repositories").GetArrayLength().ShouldBe(1);
        report.GetProperty("repositories")[0].GetProperty("filesParsed").GetInt32().ShouldBe(1);
        _cli.RunOk("evidence", "list", "--format", "json").Json.GetArrayLength().ShouldBeGreaterThan(0);
    }

    /// <summary>A scan killed (kill -9) at any moment leaves the store as before it or as after a
    /// complete one, and the next scan completes.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void A_scan_killed_at_any_moment_leaves_the_previous_or_the_new_complete_state()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.WorkDir, "big")).FullName;
        for (var i = 0; i < 300; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"m{i:000}.py"), $"import asyncio\n\n\nasync def f{i}():\n    await asyncio.sleep({i})\n");
        }

        _cli.RunOk("scan", "big");
        var before = Snapshot();
        var saved = _cli.Database + ".before";
        File.Copy(_cli.Database, saved);

        for (var i = 0; i < 300; i += 2)
        {
            File.Delete(Path.Combine(folder, $"m{i:000}.py"));
        }

        for (var i = 0; i < 600; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"n{i:000}.py"), $"import asyncio\n\nq{i} = asyncio.Queue()\n\n\nasync def g{i}():\n    async with x:\n        await asyncio.gather(a(), b())\n");
        }

        _cli.RunOk("scan", "big");
        var after = Snapshot();
        after.ShouldNotBe(before);

        var dll = Path.Combine(AppContext.BaseDirectory, "skillprint.dll");
        File.Exists(dll).ShouldBeTrue(dll);
        var outcomes = new List<string>();
        foreach (var delay in new[] { 0, 80, 160, 240, 320, 400, 500, 650, 800, 1000 })
        {
            File.Copy(saved, _cli.Database, overwrite: true);
            foreach (var side in new[] { "-wal", "-shm", "-journal" })
            {
                File.Delete(_cli.Database + side);
            }

            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _cli.WorkDir, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("scan");
            start.ArgumentList.Add("big");
            foreach (var (name, value) in _cli.Environment)
            {
                start.Environment[name] = value;
            }

            using (var process = Process.Start(start)!)
            {
                Thread.Sleep(delay);
                process.Kill(entireProcessTree: true); // SIGKILL on Linux
                process.WaitForExit();
            }

            var state = Snapshot();
            (state.SetEquals(before) || state.SetEquals(after)).ShouldBeTrue($"after a kill at {delay} ms the store holds {state.Count} hits: neither the {before.Count} before nor the {after.Count} after");
            outcomes.Add(state.SetEquals(before) ? "before" : "after");
        }

        _cli.RunOk("scan", "big");
        Snapshot().SetEquals(after).ShouldBeTrue();
        outcomes.ShouldContain("before", string.Join(", ", outcomes));
    }

    private HashSet<string> Snapshot() =>
        _cli.RunOk("evidence", "list", "--all-authors", "--format", "json").Json.EnumerateArray()
            .Select(e => $"{e.GetProperty("path").GetString()}:{e.GetProperty("line").GetInt32()}:{e.GetProperty("skill").GetString()}")
            .ToHashSet(StringComparer.Ordinal);
}
