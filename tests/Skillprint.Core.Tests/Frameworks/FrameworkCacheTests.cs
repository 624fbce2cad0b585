using System.Collections;
using System.Reflection;
using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Tests.Frameworks;

/// <summary>
/// The on-disk cache of loaded frameworks: what comes back from an entry is the framework its text
/// gives, every value of it; a changed file, a damaged entry, or an entry for other text is never
/// used.
/// </summary>
public sealed class FrameworkCacheTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("skillprint-framework-cache-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_built_in_framework_from_its_entry_is_the_one_its_text_gives()
    {
        var cache = new FrameworkCache(folder);
        var fromText = FrameworkLoader.Load(new EmbeddedFrameworkSource("python"));

        var first = cache.Load(new EmbeddedFrameworkSource("python"));
        var second = cache.Load(new EmbeddedFrameworkSource("python"));

        first.Use.ShouldBe(FrameworkCacheUse.Written);
        second.Use.ShouldBe(FrameworkCacheUse.Hit);
        fromText.Framework.ShouldNotBeNull();
        second.Result.Errors.ShouldBeEmpty();
        second.Result.Origin.ShouldBe(fromText.Origin);
        Differences(fromText.Framework, second.Result.Framework).ShouldBeEmpty();
        Differences(fromText.Framework, first.Result.Framework).ShouldBeEmpty();
        Directory.GetFiles(folder).Length.ShouldBe(1);
    }

    [Fact]
    public void The_deep_comparison_sees_a_changed_value()
    {
        var framework = FrameworkLoader.Load(new EmbeddedFrameworkSource("python")).Framework!;
        var role = framework.Roles[0];
        var changed = framework with { Roles = [role with { GradeTargets = new Dictionary<string, IReadOnlyDictionary<string, Level>>() }, .. framework.Roles.Skip(1)] };

        role.GradeTargets.ShouldNotBeEmpty();
        Differences(framework, changed).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_changed_file_is_loaded_from_its_text_and_replaces_the_entry()
    {
        var cache = new FrameworkCache(folder);
        var files = BuiltInTexts();
        cache.Load(new MemoryFrameworkSource("draft", files)).Use.ShouldBe(FrameworkCacheUse.Written);

        files["topics/async.md"] = files["topics/async.md"].Replace("name: Async Programming", "name: Asynchronous Python", StringComparison.Ordinal);
        var changed = cache.Load(new MemoryFrameworkSource("draft", files));

        changed.Use.ShouldBe(FrameworkCacheUse.Written);
        changed.Result.Framework!.FindTopic("async")!.Name.ShouldBe("Asynchronous Python");
        cache.Load(new MemoryFrameworkSource("draft", files)).Result.Framework!.FindTopic("async")!.Name.ShouldBe("Asynchronous Python");
        Directory.GetFiles(folder).Length.ShouldBe(1);
    }

    [Fact]
    public void A_framework_with_errors_is_not_kept_and_its_errors_are_reported_each_time()
    {
        var cache = new FrameworkCache(folder);
        var files = BuiltInTexts();
        files["topics/async.md"] = files["topics/async.md"].Replace("relevance: Medium", "relevance: Enormous", StringComparison.Ordinal);

        var first = cache.Load(new MemoryFrameworkSource("draft", files));
        var second = cache.Load(new MemoryFrameworkSource("draft", files));

        first.Use.ShouldBe(FrameworkCacheUse.NotKept);
        second.Use.ShouldBe(FrameworkCacheUse.NotKept);
        second.Result.Errors.Select(error => error.ToString()).ShouldBe(FrameworkLoader.Load(new MemoryFrameworkSource("draft", files)).Errors.Select(error => error.ToString()));
        second.Result.Errors.ShouldNotBeEmpty();
        Directory.GetFiles(folder).ShouldBeEmpty();
    }

    public static TheoryData<string> Damages() => ["cut short", "a byte changed in the framework", "a byte changed in the first line", "empty", "not an entry"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_entry_is_ignored_and_written_again(string damage)
    {
        var cache = new FrameworkCache(folder);
        var fromText = FrameworkLoader.Load(new EmbeddedFrameworkSource("python")).Framework;
        cache.Load(new EmbeddedFrameworkSource("python"));
        var entry = Directory.GetFiles(folder).Single();
        var bytes = File.ReadAllBytes(entry);
        var newline = Array.IndexOf(bytes, (byte)'\n');
        switch (damage)
        {
            case "cut short":
                bytes = bytes[..(bytes.Length / 2)];
                break;
            case "a byte changed in the framework":
                // One digit of the text (a line of YAML, a name): still a framework, only the checksum tells.
                var digit = Array.FindIndex(bytes, newline, b => b is >= (byte)'1' and <= (byte)'8');
                bytes[digit]++;
                break;
            case "a byte changed in the first line":
                bytes[newline - 1] = bytes[newline - 1] == (byte)'0' ? (byte)'1' : (byte)'0';
                break;
            case "empty":
                bytes = [];
                break;
            default:
                bytes = "{\"id\": \"python\"}\n{}"u8.ToArray();
                break;
        }

        File.WriteAllBytes(entry, bytes);
        var damaged = cache.Load(new EmbeddedFrameworkSource("python"));

        damaged.Use.ShouldBe(FrameworkCacheUse.Replaced);
        Differences(fromText, damaged.Result.Framework).ShouldBeEmpty();
        cache.Load(new EmbeddedFrameworkSource("python")).Use.ShouldBe(FrameworkCacheUse.Hit);
    }

    [Fact]
    public void An_entry_for_other_text_copied_under_this_texts_name_is_not_used()
    {
        var cache = new FrameworkCache(folder);
        var files = BuiltInTexts();
        cache.Load(new MemoryFrameworkSource("draft", files));
        var oldEntry = Directory.GetFiles(folder).Single();
        var oldBytes = File.ReadAllBytes(oldEntry);

        files["topics/async.md"] = files["topics/async.md"].Replace("name: Async Programming", "name: Asynchronous Python", StringComparison.Ordinal);
        cache.Load(new MemoryFrameworkSource("draft", files));
        var newEntry = Directory.GetFiles(folder).Single();
        File.WriteAllBytes(newEntry, oldBytes);
        var loaded = cache.Load(new MemoryFrameworkSource("draft", files));

        loaded.Use.ShouldBe(FrameworkCacheUse.Replaced);
        loaded.Result.Framework!.FindTopic("async")!.Name.ShouldBe("Asynchronous Python");
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_still_loads_the_framework()
    {
        var blocked = Path.Join(folder, "a-file");
        File.WriteAllText(blocked, "not a folder");

        var loaded = new FrameworkCache(Path.Join(blocked, "frameworks")).Load(new EmbeddedFrameworkSource("python"));

        loaded.Use.ShouldBe(FrameworkCacheUse.NotKept);
        loaded.Result.Framework.ShouldNotBeNull();
    }

    [Fact]
    public void The_users_cache_is_under_XDG_CACHE_HOME_else_the_home_folders_cache()
    {
        FrameworkCache.ForUser(name => name == "XDG_CACHE_HOME" ? "/x/cache" : "/home/ada")!.Folder.ShouldBe("/x/cache/skillprint/frameworks");
        FrameworkCache.ForUser(name => name == "XDG_CACHE_HOME" ? "relative" : "/home/ada")!.Folder.ShouldBe("/home/ada/.cache/skillprint/frameworks");
        FrameworkCache.ForUser(_ => null).ShouldBeNull();
    }

    private static Dictionary<string, string> BuiltInTexts()
    {
        var source = new EmbeddedFrameworkSource("python");
        return source.ListFiles().Files.ToDictionary(file => file, file => source.Read(file).Text!, StringComparer.Ordinal);
    }

    /// <summary>Where two object graphs differ, every public property followed down (lists and
    /// dictionaries item by item, in order); empty when they are equal throughout.</summary>
    private static List<string> Differences(object? expected, object? actual, string path = "framework")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? [] : [$"{path}: {expected ?? "null"} against {actual ?? "null"}"];
        }

        var type = expected.GetType();
        if (type.IsPrimitive || type.IsEnum || expected is string or decimal)
        {
            return Equals(expected, actual) ? [] : [$"{path}: {expected} against {actual}"];
        }

        if (expected is IDictionary expectedMap && actual is IDictionary actualMap)
        {
            var keys = expectedMap.Keys.Cast<object>().ToList();
            if (!keys.SequenceEqual(actualMap.Keys.Cast<object>()))
            {
                return [$"{path}: keys {string.Join(",", keys)} against {string.Join(",", actualMap.Keys.Cast<object>())}"];
            }

            return keys.SelectMany(key => Differences(expectedMap[key], actualMap[key], $"{path}[{key}]")).ToList();
        }

        if (expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = actualItems.Cast<object?>().ToList();
            return left.Count != right.Count
                ? [$"{path}: {left.Count} items against {right.Count}"]
                : left.Zip(right).SelectMany((pair, i) => Differences(pair.First, pair.Second, $"{path}[{i}]")).ToList();
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            .SelectMany(property => Differences(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}"))
            .ToList();
    }
}
