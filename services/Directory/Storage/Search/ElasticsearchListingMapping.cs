using Elastic.Clients.Elasticsearch.Mapping;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The listings index mapping. Dynamic mapping is off ("strict") so a field added to
/// <see cref="ElasticsearchListingDocument"/> without a mapping fails loudly instead of being guessed.
/// Text fields use the built-in <c>english</c> analyzer (stemming, stop words), as the Lucene backend
/// uses its EnglishAnalyzer.
/// </summary>
internal static class ElasticsearchListingMapping
{
    public const string English = "english";

    public static TypeMapping Create() => new()
    {
        Dynamic = DynamicMapping.Strict,
        Properties = new Properties
        {
            { "id", new KeywordProperty() },
            { "display_name", new TextProperty { Analyzer = English } },
            { "bio", new TextProperty { Analyzer = English } },
            { "modality_text", new TextProperty { Analyzer = English } },
            { "specialties_text", new TextProperty { Analyzer = English } },
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
        },
    };
}
