using System.Globalization;

namespace Skillprint.Core.Evidence;

/// <summary>Where a piece of evidence comes from, as its id says: <c>h</c> for a code hit the
/// scanner found, <c>m</c> for evidence entered by hand.</summary>
public enum EvidenceSource
{
    Code,
    Manual,
}

/// <summary>
/// The id of one piece of evidence as people see and type it: "h42" is code hit 42, "m4" is manual
/// evidence 4. Code hits and manual evidence are numbered apart, so a bare number could name
/// either; it is refused with a message that gives both readings.
/// </summary>
public readonly record struct EvidenceRef(EvidenceSource Source, long Number)
{
    public override string ToString() =>
        (Source == EvidenceSource.Code ? "h" : "m") + Number.ToString(CultureInfo.InvariantCulture);

    public static string Of(EvidenceSource source, long number) => new EvidenceRef(source, number).ToString();

    /// <summary>Reads "h42" or "m4" (any case); the error says what was wrong with the text.</summary>
    public static bool TryParse(string? text, out EvidenceRef value, out string error)
    {
        value = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "an evidence id is empty";
            return false;
        }

        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            error = $"'{trimmed}' could be code hit h{bare} or manual evidence m{bare}: write the letter too, as 'skillprint evidence list' shows";
            return false;
        }

        var source = char.ToLowerInvariant(trimmed[0]) switch
        {
            'h' => EvidenceSource.Code,
            'm' => EvidenceSource.Manual,
            _ => (EvidenceSource?)null,
        };
        if (source is null || !long.TryParse(trimmed.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            error = $"'{trimmed}' is not an evidence id: code hits are h<number> (h42), manual evidence m<number> (m4)";
            return false;
        }

        value = new EvidenceRef(source.Value, number);
        error = "";
        return true;
    }
}
