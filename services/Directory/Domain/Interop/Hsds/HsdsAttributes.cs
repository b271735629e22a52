using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// Listing fields without an HSDS column, written as HSDS attributes (a taxonomy term plus an
/// optional value) and read back. Attributes of taxonomies the directory does not know are
/// other publishers' data: import ignores them.
/// </summary>
public static class HsdsAttributes
{
    private const string LinkType = "healingnetwork";

    public static List<HsdsAttribute> ForService(Listing listing, string serviceId, ModalityTaxonomy taxonomy)
    {
        var attributes = new List<HsdsAttribute>();
        void Codes(string vocabulary, IEnumerable<string> codes, Func<string, string> name) =>
            attributes.AddRange(codes.Select(code => Term(listing.Id, serviceId, HsdsVocabulary.LinkService, vocabulary, code, name(code), null)));

        Codes(HsdsVocabulary.Modalities, listing.Modalities, c => taxonomy.Find(c)?.Name ?? c);
        Codes(HsdsVocabulary.Nucc, listing.Specialties, c => taxonomy.FindBySpecialty(c)?.Name ?? c);
        Codes(HsdsVocabulary.CollaboratesWith, listing.Approach?.CollaboratesWith ?? [], c => taxonomy.Find(c)?.Name ?? c);
        Codes(HsdsVocabulary.LifestyleTags, listing.LifestyleTags, c => c);
        Codes(HsdsVocabulary.BarterAccepted, listing.Terms?.BarterAccepted ?? [], c => c);
        foreach (var field in HsdsListingFields.All)
        {
            if (field.Read(listing) is { } value)
                attributes.Add(Field(listing.Id, serviceId, HsdsVocabulary.LinkService, field.Code, field.Label, value));
        }
        return attributes;
    }

    /// <summary>A single-valued field as an attribute of the listing-field taxonomy.</summary>
    public static HsdsAttribute Field(string listingId, string linkId, string linkEntity, string code, string label, string value) =>
        Term(listingId, linkId, linkEntity, HsdsVocabulary.ListingFields, code, label, value);

    public static void Read(IReadOnlyList<HsdsAttribute> attributes, Listing listing, Violations v, HsdsFieldOrigins? origins = null)
    {
        origins ??= new HsdsFieldOrigins();
        void Code(string listingField, int count, string field) => origins.Add($"{listingField}[{count}]", field + ".taxonomy_term.code");
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (attribute.LinkEntity is not (null or HsdsVocabulary.LinkService)) continue;
            var code = attribute.TaxonomyTerm?.Code ?? "";
            var field = $"attributes[{i}]";
            if (attribute.TaxonomyTerm is null) continue;
            if (code.Length == 0) { v.Add(field + ".taxonomy_term.code", "is required"); continue; }
            switch (attribute.TaxonomyTerm.Taxonomy)
            {
                case HsdsVocabulary.Modalities:
                    Code("modalities", listing.Modalities.Count, field);
                    listing.Modalities.Add(code);
                    break;
                case HsdsVocabulary.Nucc:
                    Code("specialties", listing.Specialties.Count, field);
                    listing.Specialties.Add(code);
                    break;
                case HsdsVocabulary.CollaboratesWith:
                    var approach = listing.Approach ??= new();
                    Code("approach.collaborates_with", approach.CollaboratesWith.Count, field);
                    approach.CollaboratesWith.Add(code);
                    break;
                case HsdsVocabulary.LifestyleTags:
                    Code("lifestyle_tags", listing.LifestyleTags.Count, field);
                    listing.LifestyleTags.Add(code);
                    break;
                case HsdsVocabulary.BarterAccepted:
                    var terms = listing.Terms ??= new();
                    Code("terms.barter_accepted", terms.BarterAccepted.Count, field);
                    terms.BarterAccepted.Add(code);
                    break;
                case HsdsVocabulary.ListingFields:
                    origins.Add(code, field + ".value");
                    ReadField(attribute, code, listing, v, field);
                    break;
            }
        }
    }

    private static void ReadField(HsdsAttribute attribute, string code, Listing listing, Violations v, string field)
    {
        if (HsdsListingFields.Find(code) is not { } scalar) { v.Add(field + ".taxonomy_term.code", $"unknown listing field '{Clip(code)}'"); return; }
        if (!scalar.Write(listing, attribute.Value ?? ""))
            v.Add(field + ".value", $"'{Clip(attribute.Value ?? "")}' is not a valid {code}");
    }

    private static HsdsAttribute Term(string listingId, string linkId, string linkEntity, string vocabulary, string code, string name, string? value)
    {
        var termId = HsdsIds.Part(vocabulary, code);
        return new HsdsAttribute
        {
            Id = HsdsIds.Part(listingId, $"attribute/{linkId}/{vocabulary}/{code}"),
            LinkId = linkId,
            LinkType = LinkType,
            LinkEntity = linkEntity,
            TaxonomyTermId = termId,
            TaxonomyTerm = new HsdsTaxonomyTerm { Id = termId, Code = code, Name = name, Taxonomy = vocabulary },
            Value = value,
            Label = value is null ? null : name,
        };
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
