using System.Reflection;
using System.Text;

namespace Skillprint.Core.Frameworks;

/// <summary>The text of one file, or why it could not be read.</summary>
public readonly record struct SourceText(string? Text, string? Problem);

/// <summary>
/// The files of one framework, by path relative to the framework folder ('/' separated): a folder
/// on disk, the resources embedded in this assembly, or files in memory. The loader reads only
/// through this, so every error names a relative path.
/// </summary>
public abstract class FrameworkSource
{
    /// <summary>What the framework was loaded from, as a person would name it.</summary>
    public abstract string Origin { get; }

    /// <summary>Every file, sorted by path; or why the files cannot be listed.</summary>
    public abstract (IReadOnlyList<string> Files, string? Problem) ListFiles();

    /// <summary>The text of one listed file; never throws for a file that cannot be read.</summary>
    public abstract SourceText Read(string path);

    /// <summary>How to show a relative path to the user (by default, as it is).</summary>
    public virtual string DisplayPath(string path) => path;

    private protected static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (a byte order mark is dropped); a problem for anything else.</summary>
    private protected static SourceText Decode(byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return new SourceText(text.StartsWith('\uFEFF') ? text[1..] : text, null);
        }
        catch (DecoderFallbackException)
        {
            return new SourceText(null, "is not valid UTF-8 text");
        }
    }
}

/// <summary>A framework folder on disk. Files and folders whose names start with '.' are skipped.</summary>
public sealed class FolderFrameworkSource(string folder) : FrameworkSource
{
    /// <summary>The folder as the user gave it.</summary>
    public string Folder { get; } = folder;

    public override string Origin => Folder;

    public override (IReadOnlyList<string> Files, string? Problem) ListFiles()
    {
        if (!Directory.Exists(Folder))
        {
            return ([], File.Exists(Folder)
                ? $"'{Folder}' is a file, not a framework folder"
                : $"the framework folder '{Folder}' does not exist");
        }

        try
        {
            var files = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(Folder, file).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(path => !path.Split('/').Any(part => part.StartsWith('.')))
                .Order(StringComparer.Ordinal)
                .ToList();
            return (files, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], $"the framework folder '{Folder}' cannot be listed: {e.Message}");
        }
    }

    public override SourceText Read(string path)
    {
        var file = Path.Join(Folder, path.Replace('/', Path.DirectorySeparatorChar));
        try
        {
            var before = new FileInfo(file);
            if (!before.Exists)
            {
                return new SourceText(null, "was removed while the framework was being loaded");
            }

            var (length, written) = (before.Length, before.LastWriteTimeUtc);
            var bytes = File.ReadAllBytes(file);
            var after = new FileInfo(file);
            if (!after.Exists || after.Length != length || after.LastWriteTimeUtc != written || bytes.Length != length)
            {
                return new SourceText(null, "changed while it was being read; load the framework again");
            }

            return Decode(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new SourceText(null, "was removed while the framework was being loaded");
        }
        catch (UnauthorizedAccessException)
        {
            return new SourceText(null, "cannot be read: permission denied");
        }
        catch (IOException e)
        {
            return new SourceText(null, $"cannot be read: {e.Message}");
        }
    }

    public override string DisplayPath(string path) =>
        Path.Join(Folder, path.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>
/// A framework built into this assembly: the resources named <c>content/&lt;name&gt;/&lt;path&gt;</c>.
/// </summary>
public sealed class EmbeddedFrameworkSource(string name) : FrameworkSource
{
    private static readonly Assembly Assembly = typeof(EmbeddedFrameworkSource).Assembly;

    public string Name { get; } = name;

    public override string Origin => $"built-in framework '{Name}'";

    private string Prefix => $"content/{Name}/";

    public override (IReadOnlyList<string> Files, string? Problem) ListFiles()
    {
        var files = ResourcePaths()
            .Where(path => path.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(path => path[Prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count == 0 ? (files, $"there is no built-in framework '{Name}'") : (files, null);
    }

    public override SourceText Read(string path)
    {
        var resource = Assembly.GetManifestResourceNames()
            .FirstOrDefault(candidate => string.Equals(Normalise(candidate), Prefix + path, StringComparison.Ordinal));
        using var stream = resource is null ? null : Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return new SourceText(null, "is not built in");
        }

        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return Decode(bytes.ToArray());
    }

    public override string DisplayPath(string path) => Prefix + path;

    /// <summary>The embedded resource paths, '/' separated whatever the build machine used.</summary>
    internal static IEnumerable<string> ResourcePaths() => Assembly.GetManifestResourceNames().Select(Normalise);

    private static string Normalise(string resource) => resource.Replace('\\', '/');
}

/// <summary>A framework held in memory (a draft being written, a test).</summary>
public sealed class MemoryFrameworkSource(string origin, IReadOnlyDictionary<string, string> files) : FrameworkSource
{
    public override string Origin => origin;

    public override (IReadOnlyList<string> Files, string? Problem) ListFiles() =>
        (files.Keys.Order(StringComparer.Ordinal).ToList(), null);

    public override SourceText Read(string path) =>
        files.TryGetValue(path, out var text)
            ? new SourceText(text.StartsWith('\uFEFF') ? text[1..] : text, null)
            : new SourceText(null, "does not exist");
}
