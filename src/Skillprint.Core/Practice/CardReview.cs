using System.Globalization;
using System.Text.Json;

namespace Skillprint.Core.Practice;

/// <summary>One review of a practice card: the rating, when, and the scheduler's memory of the card
/// before and after it. Reviews are only ever added; a card's memory now is the
/// <see cref="After"/> of its latest review.</summary>
public sealed record CardReview(
    string Person,
    string Framework,
    string Card,
    Rating Rating,
    DateTimeOffset At,
    CardMemory Before,
    CardMemory After);

public static class Ratings
{
    /// <summary>Reads a rating: 1-4 or again, hard, good, easy (any case).</summary>
    public static bool TryParse(string? text, out Rating rating)
    {
        var trimmed = text?.Trim() ?? "";
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 4)
        {
            rating = (Rating)number;
            return true;
        }

        foreach (var candidate in Enum.GetValues<Rating>())
        {
            if (string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                rating = candidate;
                return true;
            }
        }

        rating = Rating.Good;
        return false;
    }
}

/// <summary>
/// The memory of a card as JSON text, the shape the store keeps in <c>state_before</c> and
/// <c>state_after</c>: <c>{"state":"Review","step":null,"stability":3.1,"difficulty":5.2,
/// "due":"2025-03-05T09:00:00.0000000+00:00","lastReview":"..."}</c>.
/// </summary>
public static class CardMemoryJson
{
    public static string Write(CardMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("state", memory.State.ToString());
            WriteNumber(json, "step", memory.Step);
            WriteNumber(json, "stability", memory.Stability);
            WriteNumber(json, "difficulty", memory.Difficulty);
            json.WriteString("due", memory.Due.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            if (memory.LastReview is { } last)
            {
                json.WriteString("lastReview", last.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("lastReview");
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads what <see cref="Write"/> wrote; null (with <paramref name="problem"/>) for anything else.</summary>
    public static CardMemory? Read(string text, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "not a JSON object";
                return null;
            }

            if (!root.TryGetProperty("state", out var stateValue) || stateValue.ValueKind != JsonValueKind.String
                || !Enum.TryParse<CardState>(stateValue.GetString(), ignoreCase: false, out var state) || !Enum.IsDefined(state))
            {
                problem = "no valid 'state'";
                return null;
            }

            if (!TryTime(root, "due", out var due) || due is null)
            {
                problem = "no valid 'due'";
                return null;
            }

            if (!TryTime(root, "lastReview", out var lastReview))
            {
                problem = "an invalid 'lastReview'";
                return null;
            }

            return new CardMemory(state, (int?)Number(root, "step"), Number(root, "stability"), Number(root, "difficulty"), due.Value, lastReview);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            problem = error.Message;
            return null;
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static double? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static bool TryTime(JsonElement root, string name, out DateTimeOffset? time)
    {
        time = null;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(
            value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
