using System.Buffers.Binary;
using Google.Protobuf;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Languages;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// How a listing is laid out as a Lucene document (one document per listing, keyed by id):
/// <list type="bullet">
/// <item><c>id</c> keyword (stored) for updates and deletes; <c>id_sort</c> sorted doc values for the id tie-break.</item>
/// <item><c>listing_dv</c> the whole protobuf as binary doc values, so a hit needs no second lookup: reading it
/// is one small positioned read, where a stored field decompresses a 16 KB chunk per hit (measured: 20 hits
/// 2.1 ms from stored fields). A listing larger than doc values allow (<see cref="MaxDocValueBytes"/>) is kept
/// as the stored field <c>listing</c> instead and its doc value is empty.</item>
/// <item>keywords <c>modality</c>, <c>specialty</c>, <c>orientation</c>, <c>lifestyle_tag</c>, <c>language</c>
/// (each tag's primary language subtag, lower-case: "pt" for "pt-BR", so any Portuguese finds any other,
/// see <see cref="LanguageTag"/>), <c>barter</c>, <c>currency</c> (upper-case), and <c>accepting</c>/<c>telehealth</c>/<c>time_bank</c>
/// as "true"/"false"; <c>approach</c> holds the listing's true approach signals (<see cref="ApproachSignals"/>), which
/// search preferences rank by.</item>
/// <item>numbers <c>fee_min_effective</c> (sliding-scale floor when set, else fee_min; minor units) and
/// <c>last_confirmed_ms</c> (unix milliseconds: ConfirmedSince has sub-second precision; the
/// Elasticsearch backend indexes whole seconds, so the two can disagree about a listing confirmed
/// within the boundary second), each twice: trie-indexed, and as numeric doc
/// values (<c>*_dv</c>) that the query checks per candidate instead of expanding a range over every
/// document (see <see cref="LuceneListingQuery"/>).</item>
/// <item>per-request checks from doc values (<see cref="RequestChecksFilter"/>): <c>currency_dv</c> (code packed
/// as a number), <c>time_bank_dv</c> (0/1), <c>barter_dv</c> (sorted set), beside the two numbers above.</item>
/// <item>geo: <c>lat</c>/<c>lon</c> multi-valued doubles for the box prefilter; <c>geo</c> binary doc values holding every
/// location as (lat, lon, service radius km) little-endian doubles and <c>telehealth_dv</c> numeric doc values, read per
/// candidate for the exact distance without loading stored fields; <c>visit_cell</c> keywords: per location that offers
/// home visits, the grid cells (<see cref="GeoCells"/>) covering its home-visit circle, or <c>any</c> where too many
/// cells would (near a pole), so a search finds the practitioners who come to its centre by the centre's own cells.</item>
/// <item>free text (<see cref="ListingTextAnalyzer"/>: English, accents folded): <c>display_name</c>, <c>bio</c>, <c>specialties_text</c>, and <c>modality_text</c>
/// = per modality the code with dashes as spaces, its taxonomy name and synonyms (index-time synonyms).</item>
/// </list>
/// </summary>
internal static class LuceneListingDocument
{
    public const string Id = "id";
    public const string IdSort = "id_sort";
    public const string Listing = "listing";
    public const string ListingValues = "listing_dv";

    /// <summary>The largest binary doc value Lucene 4.8 accepts.</summary>
    public const int MaxDocValueBytes = 32_766;
    public const string Modality = "modality";
    public const string Specialty = "specialty";
    public const string Orientation = "orientation";
    public const string LifestyleTag = "lifestyle_tag";
    public const string Approach = "approach";
    public const string Language = "language";
    public const string Barter = "barter";
    public const string Currency = "currency";
    public const string AcceptingNewClients = "accepting";
    public const string Telehealth = "telehealth";
    public const string TelehealthValues = "telehealth_dv";
    public const string TimeBank = "time_bank";
    public const string TimeBankValues = "time_bank_dv";
    public const string CurrencyValues = "currency_dv";
    public const string BarterValues = "barter_dv";
    public const string FeeMinEffective = "fee_min_effective";
    public const string LastConfirmedMs = "last_confirmed_ms";
    public const string FeeMinEffectiveValues = "fee_min_effective_dv";
    public const string LastConfirmedMsValues = "last_confirmed_ms_dv";
    public const string Lat = "lat";
    public const string Lon = "lon";
    public const string Geo = "geo";
    public const string GeoCell = "geo_cell";
    public const string VisitCell = "visit_cell";
    /// <summary>The <see cref="VisitCell"/> of a home-visit circle no cell set covers: every near search checks it.</summary>
    public const string AnyVisitCell = "any";
    public const string DisplayName = "display_name";
    public const string Bio = "bio";
    public const string SpecialtiesText = "specialties_text";
    public const string ModalityText = "modality_text";

    /// <summary>
    /// Trie precision of the numeric fields: 8 instead of Lucene's 4 halves the terms indexed per
    /// number (faster bulk indexing, smaller index) for slightly more terms per range query.
    /// Queries must use the same step.
    /// </summary>
    public const int PrecisionStep = 8;

    /// <summary>
    /// The document layout's version, kept in the commit data: an index written with another
    /// layout reports no checkpoint, so the change feed rebuilds it from the store on start.
    /// 8: <c>language</c> holds primary subtags (it held whole tags). 9: text analyzed with accents folded.
    /// </summary>
    public const string SchemaVersion = "9";

    private static readonly FieldType Int64Type = Numeric(Int64Field.TYPE_NOT_STORED);
    private static readonly FieldType DoubleType = Numeric(DoubleField.TYPE_NOT_STORED);

    public const string True = "true";
    public const string False = "false";

    public static Document Create(Listing listing, ModalityTaxonomy taxonomy)
    {
        var feeMin = EffectiveMinFee(listing.Terms);
        var lastConfirmedMs = listing.LastConfirmedTime?.ToDateTimeOffset().ToUnixTimeMilliseconds() ?? 0;
        var bytes = listing.ToByteArray();
        var inDocValues = bytes.Length <= MaxDocValueBytes;
        var doc = new Document
        {
            new StringField(Id, listing.Id, Field.Store.YES),
            new SortedDocValuesField(IdSort, new BytesRef(listing.Id)),
            new BinaryDocValuesField(ListingValues, inDocValues ? new BytesRef(bytes) : new BytesRef()),
            new StringField(Orientation, OrientationTerm(listing.Orientation), Field.Store.NO),
            new StringField(AcceptingNewClients, Flag(listing.AcceptingNewClients), Field.Store.NO),
            new StringField(Telehealth, Flag(listing.Telehealth), Field.Store.NO),
            new NumericDocValuesField(TelehealthValues, listing.Telehealth ? 1 : 0),
            new StringField(TimeBank, Flag(listing.Terms?.TimeBank ?? false), Field.Store.NO),
            new NumericDocValuesField(TimeBankValues, listing.Terms?.TimeBank == true ? 1 : 0),
            new NumericDocValuesField(CurrencyValues, listing.Terms is { Currency.Length: > 0 } t ? CurrencyCode(t.Currency) : 0),
            new Int64Field(FeeMinEffective, feeMin, Int64Type),
            new NumericDocValuesField(FeeMinEffectiveValues, feeMin),
            new Int64Field(LastConfirmedMs, lastConfirmedMs, Int64Type),
            new NumericDocValuesField(LastConfirmedMsValues, lastConfirmedMs),
            new BinaryDocValuesField(Geo, new BytesRef(PackLocations(listing.Locations))),
            new TextField(DisplayName, listing.DisplayName, Field.Store.NO),
            new TextField(Bio, listing.Bio, Field.Store.NO),
        };
        if (!inDocValues)
        {
            doc.Add(new StoredField(Listing, bytes));
        }

        AddKeywords(doc, Modality, listing.Modalities);
        AddKeywords(doc, Specialty, listing.Specialties);
        AddKeywords(doc, LifestyleTag, listing.LifestyleTags);
        AddKeywords(doc, Approach, ApproachSignals.Of(listing.Approach));
        AddKeywords(doc, Language, listing.Languages.Select(LanguageTerm));
        if (listing.Terms is { } terms)
        {
            AddKeywords(doc, Barter, terms.BarterAccepted);
            foreach (var category in terms.BarterAccepted.Distinct(StringComparer.Ordinal))
            {
                doc.Add(new SortedSetDocValuesField(BarterValues, new BytesRef(category)));
            }

            if (terms.Currency.Length > 0)
            {
                doc.Add(new StringField(Currency, CurrencyTerm(terms.Currency), Field.Store.NO));
            }
        }

        foreach (var location in listing.Locations)
        {
            doc.Add(new DoubleField(Lat, location.Lat, DoubleType));
            doc.Add(new DoubleField(Lon, location.Lon, DoubleType));
        }

        foreach (var cell in listing.Locations.SelectMany(l => GeoCells.Of(l.Lat, l.Lon)).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(GeoCell, cell, Field.Store.NO));
        }

        foreach (var cell in VisitCells(listing.Locations))
        {
            doc.Add(new StringField(VisitCell, cell, Field.Store.NO));
        }

        foreach (var specialty in listing.Specialties)
        {
            doc.Add(new TextField(SpecialtiesText, specialty, Field.Store.NO));
        }

        foreach (var text in ModalityWords(listing.Modalities, taxonomy))
        {
            doc.Add(new TextField(ModalityText, text, Field.Store.NO));
        }

        return doc;
    }

    public static string Flag(bool value) => value ? True : False;

    public static string OrientationTerm(V1.Orientation orientation) => orientation.ToString();

    /// <summary>The term a language tag is indexed and searched by: its primary subtag (<see cref="LanguageTag.Primary"/>).</summary>
    public static string LanguageTerm(string language) => LanguageTag.Primary(language);

    public static string CurrencyTerm(string currency) => currency.ToUpperInvariant();

    /// <summary>A currency code as a number for doc values (its upper-case characters packed, 16 bits each).</summary>
    public static long CurrencyCode(string currency)
    {
        long code = 0;
        foreach (var c in currency.AsSpan(0, Math.Min(currency.Length, 4)))
        {
            code = (code << 16) | char.ToUpperInvariant(c);
        }

        return code;
    }

    /// <summary>The lowest price a client can pay: the sliding-scale floor when there is one.</summary>
    public static long EffectiveMinFee(ExchangeTerms? terms) =>
        terms is null ? 0 : terms.SlidingScaleMin > 0 ? terms.SlidingScaleMin : terms.FeeMin;

    /// <summary>Appends the (lat, lon) pairs and service radii written by <see cref="PackLocations"/>.</summary>
    public static void ReadLocations(BytesRef packed, List<double> latLon, List<double> serviceRadiusKm)
    {
        var bytes = packed.Bytes.AsSpan(packed.Offset, packed.Length);
        for (var i = 0; i + LocationBytes <= bytes.Length; i += LocationBytes)
        {
            latLon.Add(BinaryPrimitives.ReadDoubleLittleEndian(bytes[i..]));
            latLon.Add(BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i + 8)..]));
            serviceRadiusKm.Add(BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i + 16)..]));
        }
    }

    /// <summary>The cells covering the home-visit circles of the locations that offer home visits.</summary>
    public static IEnumerable<string> VisitCells(IEnumerable<Location> locations) =>
        locations.Where(l => l.ServiceRadiusKm > 0)
            .SelectMany(l =>
            {
                var (minLat, maxLat, lonRanges) = GeoDistance.BoundingBox(l.Lat, l.Lon, l.ServiceRadiusKm);
                return GeoCells.Covering(minLat, maxLat, lonRanges) ?? [AnyVisitCell];
            })
            .Distinct(StringComparer.Ordinal);

    private const int LocationBytes = 24;

    private static FieldType Numeric(FieldType template)
    {
        var type = new FieldType(template) { NumericPrecisionStep = PrecisionStep };
        type.Freeze();
        return type;
    }

    private static byte[] PackLocations(IReadOnlyList<Location> locations)
    {
        var bytes = new byte[locations.Count * LocationBytes];
        for (var i = 0; i < locations.Count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * LocationBytes), locations[i].Lat);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * LocationBytes + 8), locations[i].Lon);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * LocationBytes + 16), locations[i].ServiceRadiusKm);
        }

        return bytes;
    }

    private static IEnumerable<string> ModalityWords(IEnumerable<string> codes, ModalityTaxonomy taxonomy)
    {
        foreach (var code in codes)
        {
            yield return code.Replace('-', ' ');
            if (taxonomy.Find(code) is not { } modality)
            {
                continue;
            }

            yield return modality.Name;
            foreach (var synonym in modality.Synonyms)
            {
                yield return synonym;
            }
        }
    }

    private static void AddKeywords(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(field, value, Field.Store.NO));
        }
    }
}
