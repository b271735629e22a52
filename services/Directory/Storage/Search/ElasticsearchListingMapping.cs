using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The listings index mapping. Dynamic mapping is off ("strict") so a field added to
/// <see cref="ElasticsearchListingDocument"/> without a mapping fails loudly instead of being guessed.
/// Text fields use the <see cref="TextAnalyzer"/> of the index settings: the built-in <c>english</c>
/// analyzer's chain (possessives, lower case, English stop words, Porter stemming) with accents folded
/// after lower-casing, keeping the original token too, as the Lucene backend's ListingTextAnalyzer
/// does ("Jose" finds "José").
/// </summary>
internal static class ElasticsearchListingMapping
{
    public const string TextAnalyzer = "listing_text";
    private const string PossessiveFilter = "english_possessive";
    private const string FoldingFilter = "accents_folded_keeping_original";

    /// <summary>The analysis settings <see cref="TextAnalyzer"/> is defined in, given when the index is created.</summary>
    public static IndexSettings Settings() => new()
    {
        Analysis = new IndexSettingsAnalysis
        {
            TokenFilters = new TokenFilters
            {
                { PossessiveFilter, new StemmerTokenFilter { Language = "possessive_english" } },
                { FoldingFilter, new AsciiFoldingTokenFilter { PreserveOriginal = true } },
            },
            Analyzers = new Analyzers
            {
                // "stop" defaults to the _english_ stop words; "porter_stem" is the english analyzer's stemmer.
                { TextAnalyzer, new CustomAnalyzer { Tokenizer = "standard", Filter = [PossessiveFilter, "lowercase", FoldingFilter, "stop", "porter_stem"] } },
            },
        },
    };

    public static TypeMapping Create() => new()
    {
        Dynamic = DynamicMapping.Strict,
        Properties = Properties(withText: true),
    };

    /// <summary>
    /// What is sent to an index that already exists (to add the fields added since it was created):
    /// everything but the text fields. A field's analyzer cannot change once the index exists, and
    /// an index created before accents were folded has the text fields with the plain <c>english</c>
    /// analyzer and no <see cref="TextAnalyzer"/> in its settings. Such an index goes on matching
    /// accents exactly until it is deleted and created again (on start, then RebuildIndex): analysis
    /// settings and analyzers are fixed at creation, so this cannot be done in place.
    /// </summary>
    public static TypeMapping ForExistingIndex() => new()
    {
        Dynamic = DynamicMapping.Strict,
        Properties = Properties(withText: false),
    };

    private static Properties Properties(bool withText)
    {
        var properties = new Properties
        {
            { "id", new KeywordProperty() },
            { "modalities", new KeywordProperty() },
            { "specialties", new KeywordProperty() },
            { "orientation", new KeywordProperty() },
            { "lifestyle_tags", new KeywordProperty() },
            // The listing's true approach signals (ApproachSignals), which search preferences rank by.
            { "approach", new KeywordProperty() },
            { "languages", new KeywordProperty() },
            // Primary language subtags ("pt" for "pt-BR"), what a language filter compares (LanguageTag).
            { "language_primary", new KeywordProperty() },
            { "barter_accepted", new KeywordProperty() },
            { "currency", new KeywordProperty() },
            { "accepting_new_clients", new BooleanProperty() },
            { "telehealth", new BooleanProperty() },
            { "time_bank", new BooleanProperty() },
            { "effective_min_fee", new LongNumberProperty() },
            // Unix seconds: compared with a plain range, no date parsing on either side.
            { "last_confirmed", new LongNumberProperty() },
            { "locations", new GeoPointProperty() },
            // Home-visit circles as polygons (ElasticsearchServiceAreas): a near search's centre inside one is a hit.
            { "service_areas", new GeoShapeProperty() },
            // binary is never indexed nor searchable: the listing rides along in _source only.
            { "listing", new BinaryProperty() },
        };
        if (withText)
        {
            foreach (var field in TextFields)
            {
                properties.Add(field, new TextProperty { Analyzer = TextAnalyzer });
            }
        }

        return properties;
    }

    private static readonly string[] TextFields = ["display_name", "bio", "modality_text", "specialties_text"];
}
