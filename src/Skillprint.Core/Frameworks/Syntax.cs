namespace Skillprint.Core.Frameworks;

/// <summary>The syntax of ids and Python names in a framework (docs/framework-format.md).</summary>
public static class Syntax
{
    public const string IdRule = "lower-case words of a-z and 0-9 joined by '-'";

    /// <summary>An id: lower-case <c>[a-z0-9]</c> words joined by single '-' (<c>async</c>, <c>web-security</c>).</summary>
    public static bool IsId(string text) =>
        text.Length > 0 && text.Split('-').All(word => word.Length > 0 && word.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')));

    /// <summary>An item id under a topic: <c>&lt;topic&gt;.&lt;name&gt;</c>, both ids (<c>async.queue</c>).</summary>
    public static bool IsTopicItemId(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && IsId(text[..dot]) && IsId(text[(dot + 1)..]);
    }

    /// <summary>The topic part of an item id (<c>async</c> for <c>async.queue</c>).</summary>
    public static string TopicOf(string itemId)
    {
        var dot = itemId.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? itemId : itemId[..dot];
    }

    /// <summary>A Python identifier (letters, digits and '_', not starting with a digit).</summary>
    public static bool IsPythonName(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>A dotted Python name: identifiers joined by '.' (<c>asyncio.Queue</c>).</summary>
    public static bool IsQualifiedName(string text) => text.Split('.').All(IsPythonName);

    /// <summary>A qualified name, optionally followed by <c>.*</c> (any name strictly below it).</summary>
    public static bool IsNamePattern(string text) =>
        IsQualifiedName(text.EndsWith(".*", StringComparison.Ordinal) ? text[..^2] : text);

    /// <summary>A dotted configuration key: words of letters, digits, '_' and '-' joined by '.'.</summary>
    public static bool IsConfigKey(string text) =>
        text.Split('.').All(word => word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'));
}
