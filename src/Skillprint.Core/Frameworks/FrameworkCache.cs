using System.Security.Cryptography;
using System.Text;

namespace Skillprint.Core.Frameworks;

/// <summary>What <see cref="FrameworkCache.Load"/> did.</summary>
public enum FrameworkCacheUse
{
    /// <summary>The framework came from its entry in the cache; its text was read and hashed, not parsed.</summary>
    Hit,

    /// <summary>There was no entry for this text: the framework was loaded from its text and its entry written.</summary>
    Written,

    /// <summary>An entry was there under this text's name but did not hold it whole (cut short,
    /// damaged, written for other text or by another build): it was ignored, the framework loaded
    /// from its text and the entry written again.</summary>
    Replaced,

    /// <summary>Loaded from its text and not kept: the framework has errors (reported afresh every
    /// time), a file could not be read, or the cache folder cannot be written.</summary>
    NotKept,
}

/// <summary>A framework loaded through the cache, and how.</summary>
public sealed record CachedLoad(FrameworkLoadResult Result, FrameworkCacheUse Use);

/// <summary>
/// Valid frameworks kept on disk as loaded, so that a command does not parse and validate the
/// framework's YAML and Markdown every time it starts (docs/performance.md, "Start-up").
/// An entry is named by a SHA-256 of this build of Skillprint (the module version id of Core: another
/// build may read or check the text differently) and of every file of the framework, path and text.
/// Its first line repeats that name and holds a SHA-256 of the bytes below it (<see cref="FrameworkBinary"/>); an entry is used only
/// when both match, so a file cut short, damaged, or copied under another name is never trusted:
/// it is ignored and written again from the text. Writing goes through a temporary file and a
/// rename, so a reader never sees half an entry. A framework with errors is never kept.
/// </summary>
public sealed class FrameworkCache(string folder)
{
    private const string Magic = "skillprint-framework-cache 1";

    /// <summary>Where the entries are.</summary>
    public string Folder { get; } = folder;

    /// <summary>The user's cache: <c>$XDG_CACHE_HOME/skillprint/frameworks</c>, else
    /// <c>~/.cache/skillprint/frameworks</c>; null when neither is an absolute path.</summary>
    public static FrameworkCache? ForUser(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var cacheHome = environment("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cacheHome) || !Path.IsPathRooted(cacheHome))
        {
            var home = environment("HOME");
            if (string.IsNullOrWhiteSpace(home) || !Path.IsPathRooted(home))
            {
                return null;
            }

            cacheHome = Path.Combine(home, ".cache");
        }

        return new FrameworkCache(Path.Combine(cacheHome, "skillprint", "frameworks"));
    }

    /// <summary>
    /// The framework of <paramref name="source"/>: from its entry when there is a sound one for
    /// exactly this text, else from <see cref="FrameworkLoader"/> (all of it read once, so what is
    /// kept is what was hashed). The result is the same either way.
    /// </summary>
    public CachedLoad Load(FrameworkSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (files, problem) = source.ListFiles();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (problem is not null || source.Read(file).Text is not { } text)
            {
                break;
            }

            texts[file] = text;
        }

        if (problem is not null || texts.Count != files.Count)
        {
            // The loader reports what cannot be read, where, as it always does.
            return new CachedLoad(FrameworkLoader.Load(source), FrameworkCacheUse.NotKept);
        }

        var key = Key(files, texts);
        var path = Path.Combine(Folder, $"{Slot(source)}.{key}.bin");
        var found = File.Exists(path);
        if (found && Read(path, key) is { } cached)
        {
            return new CachedLoad(new FrameworkLoadResult(cached, [], source.Origin), FrameworkCacheUse.Hit);
        }

        var result = FrameworkLoader.Load(new SnapshotSource(source, files, texts));
        if (result.Framework is null || !Write(path, key, Slot(source), result.Framework))
        {
            return new CachedLoad(result, FrameworkCacheUse.NotKept);
        }

        return new CachedLoad(result, found ? FrameworkCacheUse.Replaced : FrameworkCacheUse.Written);
    }

    /// <summary>The entry's name: this build and every file, each path and text with its length, so
    /// no two sets of files run together into the same bytes.</summary>
    private static string Key(IReadOnlyList<string> files, Dictionary<string, string> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string part)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }

        Add(Magic);
        Add(typeof(FrameworkCache).Module.ModuleVersionId.ToString("N"));
        foreach (var file in files)
        {
            Add(file);
            Add(texts[file]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>What the entries of one framework start with (the built-in one's name, else a hash of
    /// where it was read from), so that writing a new entry can drop the ones its text replaced.</summary>
    private static string Slot(FrameworkSource source) => source is EmbeddedFrameworkSource embedded
        ? $"builtin-{embedded.Name}"
        : "source-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.Origin)))[..16];

    private static Framework? Read(string path, string key)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var newline = Array.IndexOf(bytes, (byte)'\n');
            if (newline < 0)
            {
                return null;
            }

            var header = Encoding.UTF8.GetString(bytes, 0, newline).Split(' ');
            var payload = bytes.AsSpan(newline + 1);
            if (header.Length != 4 || $"{header[0]} {header[1]}" != Magic || header[2] != key
                || header[3] != Convert.ToHexStringLower(SHA256.HashData(payload)))
            {
                return null;
            }

            return FrameworkBinary.Read(bytes, newline + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            return null;
        }
    }

    private bool Write(string path, string key, string slot, Framework framework)
    {
        var temporary = Path.Combine(Folder, $".{slot}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Folder);
            var payload = FrameworkBinary.Write(framework);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(Encoding.UTF8.GetBytes($"{Magic} {key} {Convert.ToHexStringLower(SHA256.HashData(payload))}\n"));
                stream.Write(payload);
            }

            File.Move(temporary, path, overwrite: true);
            foreach (var old in Directory.EnumerateFiles(Folder, $"{slot}.*.bin"))
            {
                if (!string.Equals(old, path, StringComparison.Ordinal))
                {
                    File.Delete(old);
                }
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }

            return false;
        }
    }

    /// <summary>The files as they were read and hashed, named as the original source names them.</summary>
    private sealed class SnapshotSource(FrameworkSource original, IReadOnlyList<string> files, Dictionary<string, string> texts) : FrameworkSource
    {
        public override string Origin => original.Origin;

        public override (IReadOnlyList<string> Files, string? Problem) ListFiles() => (files, null);

        public override SourceText Read(string path) =>
            texts.TryGetValue(path, out var text) ? new SourceText(text, null) : original.Read(path);

        public override string DisplayPath(string path) => original.DisplayPath(path);
    }
}
