using System.Globalization;

namespace Skillprint.Store;

/// <summary>How times are kept: UTC, to the microsecond (PostgreSQL's timestamptz precision, used
/// for SQLite too so both engines read back the same value), as ISO-8601 text in SQLite.</summary>
internal static class StoredTime
{
    private const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The value the store keeps for <paramref name="at"/>: UTC, cut to whole microseconds.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static string ToSqliteText(DateTimeOffset at) =>
        Normalize(at).UtcDateTime.ToString(SqliteFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a time column as either engine returns it.</summary>
    public static DateTimeOffset Read(object value, string column) => value switch
    {
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        string text when DateTimeOffset.TryParseExact(
            text,
            SqliteFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var parsed) => parsed,
        _ => throw new StoreException(StoreFault.Corrupted, $"the stored time '{value}' in {column} is not a valid time"),
    };

    public static DateTimeOffset? ReadOptional(object? value, string column) =>
        value is null or DBNull ? null : Read(value, column);
}
