namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// Where in an HSDS service record each listing field came from. The listing rules speak of listing
/// fields (<c>locations[0].lat</c>); a publisher wrote an HSDS document and must be told of the
/// field they wrote (<c>service.service_at_locations[1].location.latitude</c>).
/// </summary>
public sealed class HsdsFieldOrigins
{
    private const string Record = "service";

    // Whole lists and groups, for rules about a list as a whole (too many, none at all).
    private readonly Dictionary<string, string> _origins = new(StringComparer.Ordinal)
    {
        ["display_name"] = "name",
        ["bio"] = "description",
        ["languages"] = "languages",
        ["locations"] = "service_at_locations",
        ["terms"] = "cost_options",
        ["modalities"] = "attributes",
        ["specialties"] = "attributes",
        ["lifestyle_tags"] = "attributes",
        ["approach.collaborates_with"] = "attributes",
        ["terms.barter_accepted"] = "attributes",
    };

    /// <summary>Records that <paramref name="listingField"/> was read from <paramref name="hsdsField"/> (relative to the service).</summary>
    public void Add(string listingField, string hsdsField) => _origins[listingField] = hsdsField;

    /// <summary>
    /// The HSDS field a listing rule's complaint is about, with the complaint. The nearest recorded
    /// field or enclosing list is named; a single-valued field the record did not give at all is a
    /// missing listing-field attribute.
    /// </summary>
    public (string Field, string Description) Translate(string listingField, string description)
    {
        for (var field = listingField; field.Length > 0; field = Parent(field))
        {
            if (_origins.TryGetValue(field, out var origin)) return ($"{Record}.{origin}", description);
        }
        return ($"{Record}.attributes",
            $"the '{listingField}' term of taxonomy {HsdsVocabulary.ListingFields} {description}");
    }

    private static string Parent(string field)
    {
        var cut = Math.Max(field.LastIndexOf('.'), field.LastIndexOf('['));
        return cut < 0 ? "" : field[..cut];
    }
}
