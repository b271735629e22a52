using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// One hit: the listing as indexed, its distance (-1 when no centre or no location) and relevance.
/// The Lucene index hands a listing over as its stored protobuf encoding and parses it only when
/// <see cref="Listing"/> is read: SearchListings copies <see cref="Encoded"/> into its response
/// as is (<see cref="Api.SearchListingsWire"/>) instead of parsing and serializing every hit again.
/// </summary>
public sealed class ListingHit
{
    private Listing? _listing;

    /// <summary>A hit whose listing is already parsed (the Elasticsearch backend reads JSON).</summary>
    public ListingHit(Listing listing, double distanceKm, double relevance, bool visitsYou = false)
    {
        _listing = listing;
        DistanceKm = distanceKm;
        Relevance = relevance;
        VisitsYou = visitsYou;
    }

    /// <summary>A hit whose listing is its protobuf encoding, owned by this hit from now on.</summary>
    public ListingHit(ReadOnlyMemory<byte> encoded, double distanceKm, double relevance, bool visitsYou = false)
    {
        Encoded = encoded;
        DistanceKm = distanceKm;
        Relevance = relevance;
        VisitsYou = visitsYou;
    }

    /// <summary>The listing's protobuf encoding as stored; empty when the hit was built from a parsed listing.</summary>
    public ReadOnlyMemory<byte> Encoded { get; }

    /// <summary>The listing, parsed from <see cref="Encoded"/> on first use.</summary>
    public Listing Listing => _listing ??= Listing.Parser.ParseFrom(Encoded.Span);

    public double DistanceKm { get; }

    public double Relevance { get; }

    /// <summary>The search's centre lies within the home-visit area of one of the listing's locations.</summary>
    public bool VisitsYou { get; }
}

/// <summary>A page of hits and how many listings matched in all (at least, when <paramref name="TotalIsLowerBound"/>).</summary>
/// <param name="Next">Where the next page starts (<see cref="ListingSearchQuery.After"/>); null on the last page.</param>
public sealed record ListingSearchPage(IReadOnlyList<ListingHit> Hits, int TotalSize, bool TotalIsLowerBound = false, SearchCursor? Next = null);
