using System.Text.Json.Serialization;
using Google.Protobuf;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Languages;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// A listing as stored in Elasticsearch: the fields queries filter, sort and match on, derived
/// from the listing, plus the listing itself (protobuf bytes, base64) so a hit returns exactly
/// what was indexed without a round trip to the store. Field names are the mapping's
/// (<see cref="ElasticsearchListingMapping"/>).
/// </summary>
internal sealed class ElasticsearchListingDocument
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("display_name")] public string DisplayName { get; init; } = "";
    [JsonPropertyName("bio")] public string Bio { get; init; } = "";
    [JsonPropertyName("modality_text")] public IReadOnlyList<string> ModalityText { get; init; } = [];
    [JsonPropertyName("specialties_text")] public IReadOnlyList<string> SpecialtiesText { get; init; } = [];
    [JsonPropertyName("modalities")] public IReadOnlyList<string> Modalities { get; init; } = [];
    [JsonPropertyName("specialties")] public IReadOnlyList<string> Specialties { get; init; } = [];
    [JsonPropertyName("orientation")] public string Orientation { get; init; } = "";
    [JsonPropertyName("lifestyle_tags")] public IReadOnlyList<string> LifestyleTags { get; init; } = [];
    [JsonPropertyName("approach")] public IReadOnlyList<string> Approach { get; init; } = [];
    [JsonPropertyName("languages")] public IReadOnlyList<string> Languages { get; init; } = [];
    [JsonPropertyName("language_primary")] public IReadOnlyList<string> LanguagePrimary { get; init; } = [];
    [JsonPropertyName("barter_accepted")] public IReadOnlyList<string> BarterAccepted { get; init; } = [];
    [JsonPropertyName("currency")] public string Currency { get; init; } = "";
    [JsonPropertyName("accepting_new_clients")] public bool AcceptingNewClients { get; init; }
    [JsonPropertyName("telehealth")] public bool Telehealth { get; init; }
    [JsonPropertyName("time_bank")] public bool TimeBank { get; init; }
    [JsonPropertyName("effective_min_fee")] public long EffectiveMinFee { get; init; }
    [JsonPropertyName("last_confirmed")] public long LastConfirmed { get; init; }
    [JsonPropertyName("locations")] public IReadOnlyList<ElasticsearchGeoPoint> Locations { get; init; } = [];
    [JsonPropertyName("service_areas"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ElasticsearchServiceAreas? ServiceAreas { get; init; }
    [JsonPropertyName("listing")] public string Listing { get; init; } = "";

    public static ElasticsearchListingDocument From(Listing listing, Func<string, Modality?> findModality)
    {
        var terms = listing.Terms ?? new ExchangeTerms();
        return new ElasticsearchListingDocument
        {
            Id = listing.Id,
            DisplayName = listing.DisplayName,
            Bio = listing.Bio,
            ModalityText = listing.Modalities.SelectMany(code => ModalityWords(code, findModality)).ToArray(),
            SpecialtiesText = listing.Specialties.ToArray(),
            Modalities = listing.Modalities.ToArray(),
            Specialties = listing.Specialties.ToArray(),
            Orientation = listing.Orientation.ToString(),
            LifestyleTags = listing.LifestyleTags.ToArray(),
            Approach = ApproachSignals.Of(listing.Approach).ToArray(),
            // BCP 47 tags compare case-insensitively ("pt-BR" = "pt-br"); queries lower-case too.
            Languages = listing.Languages.Select(l => l.ToLowerInvariant()).ToArray(),
            // What "shares a language" compares (LanguageTag): "pt" for "pt-BR"; the tags above stay as written.
            LanguagePrimary = listing.Languages.Select(LanguageTag.Primary).Distinct(StringComparer.Ordinal).ToArray(),
            BarterAccepted = terms.BarterAccepted.ToArray(),
            Currency = terms.Currency,
            AcceptingNewClients = listing.AcceptingNewClients,
            Telehealth = listing.Telehealth,
            TimeBank = terms.TimeBank,
            EffectiveMinFee = EffectiveMinFeeOf(terms),
            LastConfirmed = listing.LastConfirmedTime?.Seconds ?? 0,
            Locations = listing.Locations.Select(l => new ElasticsearchGeoPoint(l.Lat, l.Lon)).ToArray(),
            ServiceAreas = ElasticsearchServiceAreas.Of(listing.Locations),
            Listing = listing.ToByteString().ToBase64(),
        };
    }

    public Listing ToListing() => V1.Listing.Parser.ParseFrom(ByteString.FromBase64(Listing));

    /// <summary>The lowest fee a client can ask for: the sliding-scale floor when there is one.</summary>
    public static long EffectiveMinFeeOf(ExchangeTerms terms) =>
        terms.SlidingScaleMin > 0 ? terms.SlidingScaleMin : terms.FeeMin;

    /// <summary>
    /// Index-time synonym expansion: the code's words, the taxonomy name and its synonyms, so a
    /// search in everyday words finds a listing that only carries the code. Done here rather than
    /// with a search-time synonym filter so both backends index the very same words.
    /// </summary>
    private static IEnumerable<string> ModalityWords(string code, Func<string, Modality?> findModality)
    {
        yield return code.Replace('-', ' ');
        if (findModality(code) is not { } modality)
            yield break;
        yield return modality.Name;
        foreach (var synonym in modality.Synonyms)
            yield return synonym;
    }
}
