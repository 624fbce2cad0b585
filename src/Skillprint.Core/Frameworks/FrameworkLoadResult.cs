namespace Skillprint.Core.Frameworks;

/// <summary>
/// One problem in a framework. <see cref="Path"/> is relative to the framework folder, with '/'
/// (<c>topics/async.md</c>); <see cref="DisplayPath"/> is the same file as the user named it (the
/// folder given on the command line joined with it). Line and column are 1-based; 0 when the
/// problem is about the whole file (it cannot be read) or the folder (<see cref="Path"/> empty).
/// </summary>
public sealed record FrameworkError(string Path, int Line, int Column, string Message)
{
    public string DisplayPath { get; init; } = Path;

    /// <summary><c>topics/async.md:12:7: message</c>, with the relative path.</summary>
    public override string ToString() => Format(Path);

    /// <summary>The same line with the path as the user named it, for terminals and editors.</summary>
    public string ToDisplayString() => Format(DisplayPath);

    private string Format(string path)
    {
        if (path.Length == 0)
        {
            return Message;
        }

        return Line > 0 ? $"{path}:{Line}:{Column}: {Message}" : $"{path}: {Message}";
    }
}

/// <summary>
/// The outcome of loading a framework: all or nothing. Either <see cref="Framework"/> is set and
/// <see cref="Errors"/> is empty, or <see cref="Framework"/> is null and every problem found is in
/// <see cref="Errors"/>, sorted by path, line and column.
/// </summary>
public sealed record FrameworkLoadResult(Framework? Framework, IReadOnlyList<FrameworkError> Errors, string Origin)
{
    public bool Succeeded => Framework is not null;
}
