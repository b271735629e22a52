using System.Globalization;
using System.Text.RegularExpressions;
using HealingNetwork.ServiceDefaults.Errors;
using NodaTime;

namespace HealingNetwork.ServiceDefaults.Validation;

/// <summary>Small reusable checks shared by the listing, profile and availability rules.</summary>
public static partial class FieldRules
{
    /// <summary>
    /// A free text such as a bio, a story or a search query: no control characters but line breaks and
    /// tabs, and at most <paramref name="max"/> characters.
    /// <para>
    /// Every "up to N characters" limit counts characters as a reader does (text elements: an emoji, a
    /// flag or "é" written as e + accent is one), not UTF-16 units: it is a limit on what is shown,
    /// stated to people as "characters", and a text of emoji must not hit it at half the length. Runes
    /// would still count a flag as two and a family of four as seven. What it costs to store is bounded
    /// apart from that: one character may be at most <see cref="MaxCharacterUnits"/> UTF-16 units, which
    /// the longest real ones (a family emoji with skin tones: 19) stay well under, so stacking thousands
    /// of combining marks onto one letter cannot pass as one character.
    /// </para>
    /// </summary>
    public static void Text(Violations v, string field, string value, int max, bool required = false)
    {
        if (Problem(value, max, required, oneLine: false) is { } problem) v.Add(field, problem);
    }

    /// <summary>
    /// A one-line text such as a name or a city, counted as <see cref="Text"/> counts. No line or tab
    /// break either, since it is shown on one line (a list entry, a calendar title, a FHIR name) where a
    /// break is either lost or breaks the layout. And no bidirectional embedding, override or isolate
    /// controls: they reorder what follows them, so "Lee\u202EDN ,nosirraH" shows as "LeeHarrison, ND",
    /// and a name could pose as someone else's in the directory. Right-to-left text needs none of them
    /// (Arabic and Hebrew letters carry their own direction); the marks U+200E/U+200F, which only nudge
    /// neutral characters such as punctuation, stay allowed.
    /// </summary>
    public static void Line(Violations v, string field, string value, int max, bool required = false)
    {
        if (Problem(value, max, required, oneLine: true) is { } problem) v.Add(field, problem);
    }

    /// <summary>The most UTF-16 units one character (text element) of a <see cref="Text"/> or <see cref="Line"/> may take.</summary>
    public const int MaxCharacterUnits = 32;

    private static string? Problem(string value, int max, bool required, bool oneLine)
    {
        if (required && string.IsNullOrWhiteSpace(value)) return "is required";
        if (ContainsControl(value)) return "must not contain control characters";
        if (oneLine && value.AsSpan().IndexOfAny(LineBreaks) >= 0) return "must be one line: no line breaks or tabs";
        if (oneLine && value.AsSpan().IndexOfAny(DirectionalFormatting) >= 0)
            return "must not contain bidirectional embedding, override or isolate controls (U+202A to U+202E, U+2066 to U+2069): they change the order the text is shown in";
        return CharacterProblem(value, max);
    }

    private static string? CharacterProblem(string value, int max)
    {
        // Every character takes at least one unit, so a short value needs no counting.
        if (value.Length <= Math.Min(max, MaxCharacterUnits)) return null;
        var count = 0;
        for (var at = 0; at < value.Length;)
        {
            var units = StringInfo.GetNextTextElementLength(value, at);
            if (units > MaxCharacterUnits) return $"must not build one character of more than {MaxCharacterUnits} code units";
            if (++count > max) return $"must be at most {max} characters";
            at += units;
        }
        return null;
    }

    // LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. Not LRM/RLM (U+200E/U+200F) or ALM (U+061C).
    private static readonly System.Buffers.SearchValues<char> DirectionalFormatting =
        System.Buffers.SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n\t\u2028\u2029");

    /// <summary>
    /// BCP 47 language tags, at most <paramref name="max"/>, none repeated. Tags are case-insensitive
    /// ("EN" is "en"), so a repeat in another case is a repeat too.
    /// </summary>
    public static void Languages(Violations v, string field, IReadOnlyList<string> values, int max) =>
        List(v, field, values, max, Language, StringComparer.OrdinalIgnoreCase);

    public static void Range(Violations v, string field, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max) v.Add(field, $"must be between {min} and {max}");
    }

    public static void Range(Violations v, string field, long value, long min, long max)
    {
        if (value < min || value > max) v.Add(field, $"must be between {min} and {max}");
    }

    /// <summary>A point on Earth: latitude -90..90 and longitude -180..180, named "{field}.lat" / "{field}.lon".</summary>
    public static void LatLon(Violations v, string field, double lat, double lon)
    {
        Range(v, field + ".lat", lat, -90.0, 90.0);
        Range(v, field + ".lon", lon, -180.0, 180.0);
    }

    /// <summary>A search circle: a valid centre and a radius in (0, 20000] km.</summary>
    public static void GeoRadius(Violations v, string field, HealingNetwork.Directory.V1.GeoRadius near)
    {
        LatLon(v, field, near.Lat, near.Lon);
        if (!(near.RadiusKm > 0 && near.RadiusKm <= 20_000)) v.Add(field + ".radius_km", "must be greater than 0 and at most 20000");
    }

    /// <summary>
    /// A list of at most <paramref name="max"/> items, each checked by <paramref name="item"/>, no
    /// duplicates (as <paramref name="sameAs"/> compares them; exact by default).
    /// </summary>
    public static void List(Violations v, string field, IReadOnlyList<string> values, int max, Func<string, string?> item,
        StringComparer? sameAs = null)
    {
        if (values.Count > max) { v.Add(field, $"must have at most {max} items"); return; }
        var seen = new HashSet<string>(sameAs ?? StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var problem = item(values[i]) ?? (seen.Add(values[i]) ? null : "is repeated");
            if (problem is not null) v.Add($"{field}[{i}]", problem);
        }
    }

    public static string? Tag(string value) =>
        TagPattern().IsMatch(value) && value.Length <= 40 ? null : "must be lower-case kebab-case, 1..40 characters";

    public static string? Language(string value) =>
        LanguagePattern().IsMatch(value) ? null : "must be a BCP 47 language tag such as \"en\" or \"pt-BR\"";

    public static bool IsTimeZone(string value) =>
        value.Length is > 0 and <= 64 && DateTimeZoneProviders.Tzdb.GetZoneOrNull(value) is not null;

    public static bool IsCurrency(string value) => Iso4217.IsCurrency(value);

    public static bool IsCountry(string value) => CountryPattern().IsMatch(value);

    private static bool ContainsControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t') return true;
            if (char.IsSurrogate(c)) return !IsWellFormed(value);
        }
        return false;
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(value[i])) return false;
        }
        return true;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
