namespace Skillprint.Core;

/// <summary>The level scale of every framework: None &lt; Beginner &lt; Intermediate &lt; Advanced &lt; Expert.</summary>
public enum Level
{
    None = 0,
    Beginner = 1,
    Intermediate = 2,
    Advanced = 3,
    Expert = 4,
}

public static class Levels
{
    /// <summary>Reads a level by name in any case ("advanced", "ADVANCED"); false for anything else.</summary>
    public static bool TryParse(string? text, out Level level)
    {
        level = Level.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<Level>())
        {
            if (string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        return false;
    }
}
