using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using F = HealingNetwork.Directory.Storage.Search.LuceneListingDocument;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Heap copies of the doc values a search reads for every candidate — exchange terms, last
/// confirmed, telehealth, locations and the id ordinal — one set per segment core. Lucene 4.8's doc
/// values stay on disk and are read through the directory; on <see cref="Lucene.Net.Store.NIOFSDirectory"/>
/// (MMap crashes in this Lucene.Net) nearly every lookup was a pread + fstat system call, which
/// profiling showed as 85–90 % of a filtered search. Segments are immutable, so a copy never goes
/// stale; it is built when a searcher is opened (<see cref="Warmer"/>, on the write path) and dropped
/// with the segment. About 61 bytes per listing: 6.1 MB at 100k.
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = new();

    public const byte TelehealthFlag = 1;
    public const byte TimeBankFlag = 2;

    /// <summary>Fee floor a client can reach (sliding scale or fee_min), in minor units.</summary>
    public long[] FeeMinEffective { get; }
    /// <summary><see cref="LuceneListingDocument.CurrencyCode"/> of the listing's currency, 0 when none.</summary>
    public long[] Currency { get; }
    public long[] LastConfirmedMs { get; }
    public byte[] Flags { get; }
    /// <summary>Ordinal of the listing id in the segment's sorted id values (ordinals follow byte order).</summary>
    public int[] IdOrd { get; }
    /// <summary>Barter category ordinals of document d: BarterOrds[BarterStart[d] .. BarterStart[d + 1]).</summary>
    public int[] BarterStart { get; }
    public int[] BarterOrds { get; }
    /// <summary>Locations of document d: (lat, lon) pairs in LatLon[2 * GeoStart[d] .. 2 * GeoStart[d + 1]).</summary>
    public int[] GeoStart { get; }
    public double[] LatLon { get; }
    /// <summary>cos φ of each location's latitude (index as GeoStart), so a distance costs two sines, not two more cosines.</summary>
    public double[] CosLat { get; }
    /// <summary>Each location's home-visit radius in km, 0 for none (index as GeoStart).</summary>
    public double[] ServiceRadiusKm { get; }

    public static SegmentValues For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    private SegmentValues(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        FeeMinEffective = Numbers(reader.GetNumericDocValues(F.FeeMinEffectiveValues), maxDoc);
        LastConfirmedMs = Numbers(reader.GetNumericDocValues(F.LastConfirmedMsValues), maxDoc);
        Currency = Numbers(reader.GetNumericDocValues(F.CurrencyValues), maxDoc);
        var telehealth = reader.GetNumericDocValues(F.TelehealthValues);
        var timeBank = reader.GetNumericDocValues(F.TimeBankValues);
        Flags = new byte[maxDoc];
        IdOrd = new int[maxDoc];
        var ids = reader.GetSortedDocValues(F.IdSort);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            Flags[doc] = (byte)((telehealth?.Get(doc) == 1 ? TelehealthFlag : 0) | (timeBank?.Get(doc) == 1 ? TimeBankFlag : 0));
            IdOrd[doc] = ids?.GetOrd(doc) ?? -1;
        }

        (BarterStart, BarterOrds) = Barter(reader.GetSortedSetDocValues(F.BarterValues), maxDoc);
        (GeoStart, LatLon, ServiceRadiusKm) = Locations(reader.GetBinaryDocValues(F.Geo), maxDoc);
        CosLat = new double[LatLon.Length / 2];
        for (var i = 0; i < CosLat.Length; i++) CosLat[i] = GeoDistance.CosLatitude(LatLon[2 * i]);
    }

    /// <summary>
    /// Distance in km from (lat, lon) to the document's nearest location, -1 when it has none; the
    /// same value as the least <see cref="GeoDistance.HaversineKm"/> over its locations.
    /// </summary>
    /// <param name="cosLat"><see cref="GeoDistance.CosLatitude"/> of <paramref name="lat"/>.</param>
    /// <param name="visits">Whether (lat, lon) is within the home-visit radius of one of the locations (<see cref="GeoDistance.Visits"/>).</param>
    public double NearestDistanceKm(int doc, double lat, double lon, double cosLat, out bool visits)
    {
        visits = false;
        var (start, end) = (GeoStart[doc], GeoStart[doc + 1]);
        if (start == end) return -1;
        var nearest = double.MaxValue;
        for (var i = start; i < end; i++)
        {
            var h = GeoDistance.Haversine(lat, lon, cosLat, LatLon[2 * i], LatLon[2 * i + 1], CosLat[i]);
            nearest = Math.Min(nearest, h);
            if (!visits && ServiceRadiusKm[i] > 0) visits = GeoDistance.KmOf(h) <= ServiceRadiusKm[i];
        }
        return GeoDistance.KmOf(nearest);
    }

    /// <summary>Whether the document lists any of <paramref name="ords"/> among its barter categories.</summary>
    public bool HasBarter(int doc, long[] ords)
    {
        for (var i = BarterStart[doc]; i < BarterStart[doc + 1]; i++)
            if (Array.IndexOf(ords, (long)BarterOrds[i]) >= 0) return true;
        return false;
    }

    /// <summary>Loads every segment of a newly opened reader before the searcher is handed out.</summary>
    public sealed class Warmer : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves) For(leaf.AtomicReader);
            return new IndexSearcher(reader);
        }
    }

    private static long[] Numbers(NumericDocValues? values, int maxDoc)
    {
        var result = new long[maxDoc];
        if (values is null) return result;
        for (var doc = 0; doc < maxDoc; doc++) result[doc] = values.Get(doc);
        return result;
    }

    private static (int[] Start, int[] Ords) Barter(SortedSetDocValues? values, int maxDoc)
    {
        var start = new int[maxDoc + 1];
        var ords = new List<int>();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            start[doc] = ords.Count;
            if (values is null) continue;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) ords.Add((int)ord);
        }

        start[maxDoc] = ords.Count;
        return (start, ords.ToArray());
    }

    private static (int[] Start, double[] LatLon, double[] ServiceRadiusKm) Locations(BinaryDocValues? values, int maxDoc)
    {
        var start = new int[maxDoc + 1];
        var latLon = new List<double>();
        var radii = new List<double>();
        var bytes = new Lucene.Net.Util.BytesRef();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            start[doc] = radii.Count;
            if (values is null) continue;
            values.Get(doc, bytes);
            F.ReadLocations(bytes, latLon, radii);
        }

        start[maxDoc] = radii.Count;
        return (start, latLon.ToArray(), radii.ToArray());
    }
}
