using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using Xunit.Abstractions;

namespace HealingNetwork.Directory.Tests.Search;

/// <summary>
/// Differential test of <see cref="LuceneListingIndex.SearchAsync"/>: a few thousand random listings
/// (clustered around cities, one across the antimeridian and one far north, with a few near the pole)
/// are written in several batches, then partly deleted and replaced, so the index has several
/// segments, deleted documents and replaced ones. Hundreds of random filter-only queries (every
/// filter, geo with and without telehealth, each sort, paging, skip_exact_total) must then return
/// exactly what a brute-force evaluation of the documented contract (<see cref="ListingSearchQuery"/>)
/// over the listings in memory returns: the same ids in the same order, the same distances, the same
/// total (or, when the index says so, a lower bound of it). The hand-written contract tests cover
/// each rule on a handful of listings; this one covers their combinations and the optimised paths
/// (cached filters, per-candidate checks, geo cells and range boxes, narrowed radii, cross-segment
/// id ties) at a size where they matter. Fixed seed: a failure names the seed and the query.
/// </summary>
public sealed class LuceneSearchOracleTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20_260_115;
    private const int ListingCount = 3_000;
    private const int QueryCount = 300;
    private const double EarthRadiusKm = 6371.0088;
    private const double KmPerDegree = EarthRadiusKm * Math.PI / 180;
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] ModalityCodes =
        ["naturopathy", "massage-therapy", "chiropractic", "homeopathy", "reflexology", "shiatsu", "reiki", "western-herbalism", "tcm-acupuncture", "ayurveda"];
    // In the taxonomy, but no listing offers it: a filter on it alone finds nothing.
    private const string UnusedModality = "kampo";
    private static readonly string[] SpecialtyCodes = ["207Q00000X", "207R00000X", "175F00000X", "111N00000X", "207RC0000X"];
    private static readonly string[] LifestyleTags = ["organic-food", "herbs-first", "plant-based", "daily-movement", "meditation", "fasting"];
    // Regions and scripts on some tags: a filter shares a language by primary subtag ("pt-BR" ~ "pt" ~ "pt-PT").
    private static readonly string[] Languages = ["en", "es", "fr", "pt-BR", "pt", "pt-PT", "zh", "zh-Hant", "de"];
    private static readonly string[] BarterCategories = ["produce", "carpentry", "childcare", "eggs", "tutoring"];
    private static readonly Orientation[] Orientations =
        [Orientation.NatureOriented, Orientation.Integrative, Orientation.Conventional, Orientation.Unspecified];

    /// <summary>Clusters of listings: Portland and Seattle (234 km apart, so large radii span both), Taveuni (across the antimeridian), Tromsø (far north).</summary>
    private static readonly (string Name, double Lat, double Lon, double SpreadKm, double Share)[] Cities =
    [
        ("Portland", 45.5152, -122.6784, 25, 0.35),
        ("Seattle", 47.6062, -122.3321, 30, 0.30),
        ("Taveuni", -16.85, -179.97, 20, 0.12),
        ("Tromsø", 69.6492, 18.9553, 20, 0.13),
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "healing-lucene-" + Guid.NewGuid().ToString("N"));
    private LuceneListingIndex? _index;

    public void Dispose()
    {
        _index?.Dispose();
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Random_filter_queries_return_the_page_and_total_of_a_brute_force_evaluation()
    {
        var clock = Stopwatch.StartNew();
        var rng = new Random(Seed);
        var world = new World(rng);
        // No compaction: the searches must run over several segments with deletions.
        _index = new LuceneListingIndex(_directory, ModalityTaxonomy.Default, compaction: new LuceneCompaction(AfterWrites: long.MaxValue));
        var current = await Populate(_index, world, rng);
        var segments = _index.SegmentCount;
        Assert.True(segments >= 4, $"seed {Seed}: expected several segments, found {segments}");
        Assert.Equal(current.Count, await _index.CountAsync(CancellationToken.None));
        var indexed = clock.Elapsed;

        var listings = current.Values.ToArray();
        var failures = new List<string>();
        var (withHits, lowerBounds, nearQueries, visitingBeyond) = (0, 0, 0, 0);
        for (var i = 0; i < QueryCount; i++)
        {
            var query = world.Query(listings);
            var expected = Oracle(listings, query);
            var page = await _index.SearchAsync(query, CancellationToken.None);

            var problem = Compare(query, expected, page) ?? await ComparePagedByCursor(query, expected);
            if (problem is not null)
            {
                failures.Add($"query #{i} {Describe(query)}\n  {problem}");
            }

            withHits += page.Hits.Count > 0 ? 1 : 0;
            lowerBounds += page.TotalIsLowerBound ? 1 : 0;
            nearQueries += query.Near is not null ? 1 : 0;
            visitingBeyond += page.Hits.Count(h => h.VisitsYou && (h.DistanceKm < 0 || h.DistanceKm > query.Near!.RadiusKm));
        }

        output.WriteLine($"seed {Seed}: {current.Count} listings in {segments} segments (indexed in {indexed.TotalMilliseconds:F0} ms); " +
            $"{QueryCount} queries ({nearQueries} near, {withHits} with hits, {lowerBounds} lower-bound totals, {visitingBeyond} home visits from beyond the radius) in {(clock.Elapsed - indexed).TotalMilliseconds:F0} ms");
        Assert.True(failures.Count == 0,
            $"seed {Seed}: {failures.Count} of {QueryCount} queries disagree with the oracle:\n" + string.Join("\n", failures.Take(8)));
        // The generator must keep exercising what it is meant to: pages with hits and the lower-bound shortcut.
        Assert.True(withHits > QueryCount / 3, $"seed {Seed}: only {withHits} queries had hits");
        Assert.True(lowerBounds >= 5, $"seed {Seed}: only {lowerBounds} queries took the lower-bound path");
        Assert.True(visitingBeyond >= 5, $"seed {Seed}: only {visitingBeyond} hits came by home visit from beyond the radius");
    }

    /// <summary>Writes the listings in batches, deletes some, replaces some and brings a few deleted ones back; returns what the index must hold.</summary>
    private static async Task<Dictionary<string, Listing>> Populate(LuceneListingIndex index, World world, Random rng)
    {
        var none = CancellationToken.None;
        var current = new Dictionary<string, Listing>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < ListingCount) ids.Add(world.NewId());
        foreach (var batch in ids.Select(world.Listing).Chunk(ListingCount / 5))
        {
            await index.UpsertAsync(batch, none);
            foreach (var listing in batch) current[listing.Id] = listing;
        }

        var deleted = Sample(rng, current.Keys, ListingCount / 20);
        foreach (var batch in deleted.Chunk(deleted.Length / 2 + 1))
        {
            await index.DeleteAsync([.. batch, "not-a-listing"], none);
            foreach (var id in batch) current.Remove(id);
        }

        // Replacements: new content under the same id, some replaced twice, some deleted ones back.
        var replaced = Sample(rng, current.Keys, ListingCount / 20);
        var resurrected = Sample(rng, deleted, deleted.Length / 5);
        var rewrites = replaced.Concat(resurrected).Concat(replaced.Take(20)).ToArray();
        foreach (var batch in rewrites.Chunk(rewrites.Length / 3 + 1))
        {
            var listings = batch.Select(world.Listing).ToArray();
            await index.UpsertAsync(listings, none);
            foreach (var listing in listings) current[listing.Id] = listing;
        }

        return current;
    }

    private static string[] Sample(Random rng, IEnumerable<string> ids, int count)
    {
        var all = ids.Order(StringComparer.Ordinal).ToArray();
        rng.Shuffle(all);
        return all[..Math.Min(count, all.Length)];
    }

    // ---- Oracle: the contract of ListingSearchQuery, evaluated listing by listing ----

    private sealed record Expected(IReadOnlyList<(Listing Listing, double DistanceKm)> Page, int Total);

    private static Expected Oracle(IReadOnlyList<Listing> listings, ListingSearchQuery query)
    {
        var matches = new List<(Listing Listing, double DistanceKm)>();
        foreach (var listing in listings)
        {
            if (Matches(listing, query, out var distance)) matches.Add((listing, distance));
        }

        // Without text, Relevance means distance when near, else id; Id ignores distance.
        var byDistance = query.Near is not null && query.Sort != SearchSort.Id;
        matches.Sort((a, b) =>
        {
            if (byDistance && a.DistanceKm != b.DistanceKm)
            {
                return a.DistanceKm < 0 ? 1 : b.DistanceKm < 0 ? -1 : a.DistanceKm.CompareTo(b.DistanceKm);
            }

            return string.CompareOrdinal(a.Listing.Id, b.Listing.Id);
        });
        return new Expected(matches.Skip(query.Offset).Take(query.Limit).ToArray(), matches.Count);
    }

    /// <summary>Lists are alternatives, filters all hold; distance is to the nearest location (-1 for none or without Near).</summary>
    private static bool Matches(Listing listing, ListingSearchQuery query, out double distanceKm)
    {
        distanceKm = -1;
        if (!AnyOf(query.Modalities, listing.Modalities)) return false;
        if (query.ExcludeModalities.Count > 0 && listing.Modalities.Any(query.ExcludeModalities.Contains)) return false;
        if (!AnyOf(query.Specialties, listing.Specialties)) return false;
        if (query.Orientations.Count > 0 && !query.Orientations.Contains(listing.Orientation)) return false;
        if (!AnyOf(query.LifestyleTags, listing.LifestyleTags)) return false;
        // Two BCP 47 tags share a language when their primary subtags (before the first "-") are equal, ignoring case.
        if (query.Languages.Count > 0 && !listing.Languages.Any(l => query.Languages.Any(q => string.Equals(q.Split('-')[0], l.Split('-')[0], StringComparison.OrdinalIgnoreCase)))) return false;
        if (query.TelehealthOnly && !listing.Telehealth) return false;
        if (query.AcceptingNewClientsOnly && !listing.AcceptingNewClients) return false;
        if (query.Terms is { } terms && !TermsHold(listing.Terms ?? new ExchangeTerms(), terms)) return false;
        if (query.ConfirmedSince is { } since
            && (listing.LastConfirmedTime is null || listing.LastConfirmedTime.ToDateTimeOffset() < since)) return false;
        if (query.Near is { } near)
        {
            distanceKm = listing.Locations.Count == 0 ? -1 : listing.Locations.Min(l => HaversineKm(near.Lat, near.Lon, l.Lat, l.Lon));
            var inside = distanceKm >= 0 && distanceKm <= near.RadiusKm;
            if (query.HomeVisits == HomeVisits.Only) return Visits(listing, near);
            if (!inside && !(query.IncludeTelehealth && listing.Telehealth) && !(query.HomeVisits == HomeVisits.Include && Visits(listing, near))) return false;
        }

        return true;
    }

    /// <summary>The centre is within the home-visit radius of one of the listing's locations.</summary>
    private static bool Visits(Listing listing, GeoFilter near) =>
        listing.Locations.Any(l => l.ServiceRadiusKm > 0 && HaversineKm(near.Lat, near.Lon, l.Lat, l.Lon) <= l.ServiceRadiusKm);

    private static bool AnyOf(IReadOnlyList<string> wanted, IEnumerable<string> values) =>
        wanted.Count == 0 || values.Any(v => wanted.Contains(v, StringComparer.Ordinal));

    /// <summary>
    /// Any given alternative holds; none given is no constraint. A listing without terms has a
    /// lowest fee of 0 and no currency (both backends index it so).
    /// </summary>
    private static bool TermsHold(ExchangeTerms listing, TermsFilter filter)
    {
        if (filter.MaxFee is null && filter.BarterCategories.Count == 0 && !filter.TimeBank) return true;
        var lowestFee = listing.SlidingScaleMin > 0 ? listing.SlidingScaleMin : listing.FeeMin;
        if (filter.MaxFee is { } maxFee && lowestFee <= maxFee
            && (string.IsNullOrEmpty(filter.Currency) || string.Equals(filter.Currency, listing.Currency, StringComparison.OrdinalIgnoreCase)))
            return true;
        if (filter.BarterCategories.Any(c => listing.BarterAccepted.Contains(c))) return true;
        return filter.TimeBank && listing.TimeBank;
    }

    /// <summary>Haversine on the 6371.0088 km sphere (as documented in GeoDistance), written out here so the oracle does not share the index's code.</summary>
    private static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var sinLat = Math.Sin(Radians(lat2 - lat1) / 2);
        var sinLon = Math.Sin(Radians(lon2 - lon1) / 2);
        var h = sinLat * sinLat + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * sinLon * sinLon;
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    /// <summary>
    /// The same page reached the way the API pages: the hits before it as one page, then the page
    /// after that page's cursor. Null when it agrees with the oracle (or the query starts at the first hit).
    /// </summary>
    private async Task<string?> ComparePagedByCursor(ListingSearchQuery query, Expected expected)
    {
        if (query.Offset == 0) return null;
        var before = await _index!.SearchAsync(query with { Offset = 0, Limit = query.Offset }, CancellationToken.None);
        if (before.Next is null)
            return expected.Page.Count == 0 ? null : $"the {query.Offset} hits before the page have no next cursor, but {expected.Page.Count} hits follow";
        if (before.Next.Position != query.Offset) return $"cursor position {before.Next.Position}, expected {query.Offset}";
        var page = await _index.SearchAsync(query with { Offset = 0, After = before.Next }, CancellationToken.None);
        return Compare(query, expected, page) is { } problem ? "paged by cursor: " + problem : null;
    }

    /// <summary>Null when the page agrees with the oracle, else what differs.</summary>
    private static string? Compare(ListingSearchQuery query, Expected expected, ListingSearchPage page)
    {
        var expectedIds = expected.Page.Select(e => e.Listing.Id).ToArray();
        var actualIds = page.Hits.Select(h => h.Listing.Id).ToArray();
        if (!expectedIds.SequenceEqual(actualIds, StringComparer.Ordinal))
        {
            var first = Enumerable.Range(0, Math.Max(expectedIds.Length, actualIds.Length))
                .First(i => i >= expectedIds.Length || i >= actualIds.Length || expectedIds[i] != actualIds[i]);
            return $"page differs at hit {first} (expected {expectedIds.Length} hits, got {actualIds.Length}; total expected {expected.Total}, got {page.TotalSize}):\n" +
                $"    expected {Window(expected.Page.Select(e => $"{e.Listing.Id}@{e.DistanceKm:F6}").ToArray(), first)}\n" +
                $"    actual   {Window(page.Hits.Select(h => $"{h.Listing.Id}@{h.DistanceKm:F6}").ToArray(), first)}";
        }

        for (var i = 0; i < actualIds.Length; i++)
        {
            var (listing, distance) = expected.Page[i];
            if (Math.Abs(page.Hits[i].DistanceKm - distance) > 1e-6)
                return $"hit {i} ({listing.Id}): distance expected {distance:R}, got {page.Hits[i].DistanceKm:R}";
            // The Elasticsearch backend reports the very same number for the same listing and centre.
            var elasticsearch = ElasticsearchListingHits.DistanceKm(page.Hits[i].Listing, query.Near);
            if (page.Hits[i].DistanceKm != elasticsearch)
                return $"hit {i} ({listing.Id}): distance {page.Hits[i].DistanceKm:R}, the Elasticsearch backend's {elasticsearch:R}";
            if (!page.Hits[i].Listing.Equals(listing))
                return $"hit {i} ({listing.Id}): the listing is not the latest version written";
            var visits = query.Near is { } near && Visits(listing, near);
            if (page.Hits[i].VisitsYou != visits)
                return $"hit {i} ({listing.Id}): visits_you {page.Hits[i].VisitsYou}, expected {visits}";
        }

        if (!page.TotalIsLowerBound)
        {
            return page.TotalSize == expected.Total ? null : $"total expected {expected.Total}, got {page.TotalSize} (exact)";
        }

        // A lower bound only comes from a distance-ordered near search that skipped the exact total,
        // when the listings within a narrower radius alone filled the page (offset + limit of them).
        var byDistance = query.Near is not null && query.Sort != SearchSort.Id;
        if (!query.SkipExactTotal || !byDistance)
            return $"total {page.TotalSize} is marked a lower bound, but the query {(query.SkipExactTotal ? "does not order by distance" : "asked for the exact total")}";
        if (page.TotalSize < query.Offset + query.Limit || page.TotalSize > expected.Total)
            return $"lower-bound total {page.TotalSize} outside [offset + limit = {query.Offset + query.Limit}, exact {expected.Total}]";
        return null;
    }

    private static string Window(string[] items, int around) =>
        $"[{(around > 3 ? "…, " : "")}{string.Join(", ", items.Skip(Math.Max(0, around - 3)).Take(7))}{(around + 4 < items.Length ? ", …" : "")}]";

    private static string Describe(ListingSearchQuery q)
    {
        var parts = new List<string>();
        void Add<T>(string name, IReadOnlyList<T> values)
        {
            if (values.Count > 0) parts.Add($"{name}=[{string.Join(",", values)}]");
        }

        Add(nameof(q.Modalities), q.Modalities);
        Add(nameof(q.ExcludeModalities), q.ExcludeModalities);
        Add(nameof(q.Specialties), q.Specialties);
        Add(nameof(q.Orientations), q.Orientations);
        Add(nameof(q.LifestyleTags), q.LifestyleTags);
        Add(nameof(q.Languages), q.Languages);
        if (q.Near is { } n) parts.Add(string.Create(CultureInfo.InvariantCulture, $"Near=({n.Lat:R}, {n.Lon:R}, {n.RadiusKm:R} km)"));
        if (q.IncludeTelehealth) parts.Add(nameof(q.IncludeTelehealth));
        if (q.Near is not null) parts.Add($"HomeVisits={q.HomeVisits}");
        if (q.TelehealthOnly) parts.Add(nameof(q.TelehealthOnly));
        if (q.Terms is { } t)
            parts.Add($"Terms(MaxFee={t.MaxFee?.ToString(CultureInfo.InvariantCulture) ?? "-"}, Currency={t.Currency ?? "-"}, Barter=[{string.Join(",", t.BarterCategories)}], TimeBank={t.TimeBank})");
        if (q.AcceptingNewClientsOnly) parts.Add(nameof(q.AcceptingNewClientsOnly));
        if (q.ConfirmedSince is { } since) parts.Add($"ConfirmedSince={since.ToString("O", CultureInfo.InvariantCulture)}");
        parts.Add($"Sort={q.Sort} Offset={q.Offset} Limit={q.Limit} SkipExactTotal={q.SkipExactTotal}");
        return "{ " + string.Join(" ", parts) + " }";
    }

    // ---- Random listings and queries ----

    /// <summary>The random generator of listings and queries, and the shared addresses that make distance ties.</summary>
    private sealed class World(Random rng)
    {
        // A few exact addresses per city, shared by several listings (equal distances, broken by id).
        private readonly (double Lat, double Lon)[][] _addresses = Cities
            .Select(c => Enumerable.Range(0, 8).Select(_ => Offset(c.Lat, c.Lon, Gaussian(rng) * c.SpreadKm, Gaussian(rng) * c.SpreadKm)).ToArray())
            .ToArray();

        /// <summary>Mostly 32 lower-case hex characters like real ids; a few shorter, upper-case ones so the id tie-break is ordinal.</summary>
        public string NewId()
        {
            var hex = Convert.ToHexStringLower(RandomBytes(16));
            return rng.NextDouble() < 0.05 ? "L" + hex[..rng.Next(1, 6)].ToUpperInvariant() : hex;
        }

        public Listing Listing(string id)
        {
            var listing = new Listing
            {
                Id = id,
                OwnerId = "owner-" + id,
                DisplayName = "Practitioner " + id,
                Bio = "Sessions in a quiet room.",
                // Unspecified (the last) is rare.
                Orientation = rng.NextDouble() < 0.05 ? Orientation.Unspecified : Orientations[rng.Next(Orientations.Length - 1)],
                Telehealth = rng.NextDouble() < 0.3,
                AcceptingNewClients = rng.NextDouble() < 0.75,
                TimeZone = "UTC",
            };
            listing.Modalities.Add(Some(ModalityCodes, 1, 3));
            if (rng.NextDouble() < 0.35) listing.Specialties.Add(Some(SpecialtyCodes, 1, 2));
            if (rng.NextDouble() < 0.6) listing.LifestyleTags.Add(Some(LifestyleTags, 1, 3));
            if (rng.NextDouble() < 0.92) listing.Languages.Add(Some(Languages, 1, 3).Select(RandomCase));
            if (rng.NextDouble() < 0.93) listing.Terms = Terms();
            if (rng.NextDouble() < 0.95)
            {
                listing.LastConfirmedTime = Timestamp.FromDateTimeOffset(Now.AddMilliseconds(-rng.NextInt64((long)TimeSpan.FromDays(730).TotalMilliseconds)));
            }

            var roll = rng.NextDouble();
            var locations = roll < 0.15 ? 0 : roll < 0.8 ? 1 : roll < 0.95 ? 2 : 3;
            var city = CityIndex();
            for (var i = 0; i < locations; i++)
            {
                // A second office is sometimes in another city (its nearest one then decides the distance).
                if (i > 0 && rng.NextDouble() < 0.3) city = CityIndex();
                var (lat, lon) = Place(city);
                listing.Locations.Add(new Location
                {
                    Lat = lat, Lon = lon, City = city >= 0 ? Cities[city].Name : "",
                    // Some come to clients' homes, a few from far (up to the 500 km the rules allow).
                    ServiceRadiusKm = rng.NextDouble() switch { < 0.15 => 5 + rng.NextDouble() * 45, < 0.17 => 50 + rng.NextDouble() * 450, _ => 0 },
                });
            }

            return listing;
        }

        public ListingSearchQuery Query(IReadOnlyList<Listing> listings)
        {
            var query = new ListingSearchQuery
            {
                Modalities = rng.NextDouble() < 0.3 ? Some([.. ModalityCodes, UnusedModality], 1, 3) : [],
                ExcludeModalities = rng.NextDouble() < 0.15 ? Some(ModalityCodes, 1, 2) : [],
                Specialties = rng.NextDouble() < 0.1 ? Some(SpecialtyCodes, 1, 2) : [],
                Orientations = rng.NextDouble() < 0.2 ? Some(Orientations, 1, 2) : [],
                LifestyleTags = rng.NextDouble() < 0.15 ? Some(LifestyleTags, 1, 2) : [],
                Languages = rng.NextDouble() < 0.2 ? Some(Languages, 1, 2).Select(RandomCase).ToArray() : [],
                AcceptingNewClientsOnly = rng.NextDouble() < 0.3,
                Terms = rng.NextDouble() < 0.35 ? TermsFilter() : null,
                ConfirmedSince = rng.NextDouble() < 0.25 ? ConfirmedSince(listings) : null,
                Offset = rng.NextDouble() < 0.5 ? 0 : rng.Next(1, 31),
                Limit = rng.NextDouble() switch { < 0.05 => 0, < 0.15 => rng.Next(100, 121), _ => rng.Next(1, 51) },
                SkipExactTotal = rng.NextDouble() < 0.5,
            };
            if (rng.NextDouble() < 0.6)
            {
                var near = Near(listings);
                var homeVisits = rng.NextDouble() switch { < 0.1 => HomeVisits.Only, < 0.2 => HomeVisits.Exclude, _ => HomeVisits.Include };
                return query with
                {
                    Near = near,
                    IncludeTelehealth = homeVisits != HomeVisits.Only && rng.NextDouble() < 0.4,
                    HomeVisits = homeVisits,
                    Sort = rng.NextDouble() switch { < 0.4 => SearchSort.Distance, < 0.8 => SearchSort.Relevance, _ => SearchSort.Id },
                };
            }

            return query with { TelehealthOnly = rng.NextDouble() < 0.15, Sort = rng.NextDouble() < 0.5 ? SearchSort.Relevance : SearchSort.Id };
        }

        private ExchangeTerms Terms()
        {
            var roll = rng.NextDouble();
            var currency = roll < 0.6 ? "USD" : roll < 0.9 ? "CAD" : "";
            // Fees in steps of 500 so a fee ceiling often equals a fee exactly; no currency means no fee (barter or time bank only).
            var feeMin = currency == "" ? 0 : rng.Next(0, 41) * 500L;
            var terms = new ExchangeTerms
            {
                Currency = currency,
                FeeMin = feeMin,
                FeeMax = feeMin + (currency == "" ? 0 : rng.Next(0, 21) * 500L),
                SlidingScaleMin = feeMin >= 1_000 && rng.NextDouble() < 0.3 ? rng.Next(1, (int)(feeMin / 500) + 1) * 500L : 0,
                TimeBank = rng.NextDouble() < 0.2,
            };
            if (rng.NextDouble() < 0.35) terms.BarterAccepted.Add(Some(BarterCategories, 1, 2));
            return terms;
        }

        private TermsFilter TermsFilter()
        {
            long? maxFee = rng.NextDouble() < 0.7 ? rng.Next(0, 41) * 500L : null;
            var currency = maxFee is null ? null : rng.NextDouble() switch { < 0.4 => "USD", < 0.65 => "CAD", < 0.7 => "EUR", < 0.75 => "", _ => null };
            var barter = rng.NextDouble() < 0.35 ? Some(BarterCategories, 1, 2) : [];
            var timeBank = rng.NextDouble() < 0.25;
            return new TermsFilter(maxFee, currency, barter, timeBank);
        }

        private DateTimeOffset ConfirmedSince(IReadOnlyList<Listing> listings)
        {
            // Sometimes exactly a listing's confirmation (the bound is inclusive).
            if (rng.NextDouble() < 0.3 && listings[rng.Next(listings.Count)].LastConfirmedTime is { } confirmed) return confirmed.ToDateTimeOffset();
            return Now.AddMilliseconds(-rng.NextInt64((long)TimeSpan.FromDays(800).TotalMilliseconds));
        }

        private GeoFilter Near(IReadOnlyList<Listing> listings)
        {
            var roll = rng.NextDouble();
            (double Lat, double Lon) centre = roll switch
            {
                < 0.55 => Place(rng.Next(Cities.Length)),
                < 0.65 => Pick(_addresses[rng.Next(Cities.Length)]),
                < 0.72 => listings[rng.Next(listings.Count)].Locations is { Count: > 0 } ls ? (ls[0].Lat, ls[0].Lon) : Place(-1),
                < 0.87 => Place(-1),
                < 0.93 => (85 + rng.NextDouble() * 5, -180 + rng.NextDouble() * 360),
                _ => (-16.85 + Gaussian(rng) * 0.2, rng.NextDouble() < 0.5 ? 180 : -180),
            };
            var radius = rng.NextDouble() switch
            {
                < 0.05 => 500 + rng.NextDouble() * 2_500,
                _ => Math.Exp(Math.Log(2) + rng.NextDouble() * (Math.Log(300) - Math.Log(2))),
            };
            if (rng.NextDouble() < 0.08)
            {
                // Exactly a listing's distance (one within 300 km when there is one): the radius is inclusive.
                var distances = listings.Where(l => l.Locations.Count > 0)
                    .Select(l => l.Locations.Min(location => HaversineKm(centre.Lat, centre.Lon, location.Lat, location.Lon)))
                    .ToArray();
                var nearby = distances.Where(d => d <= 300).ToArray();
                radius = nearby.Length > 0 ? Pick(nearby) : Pick(distances);
            }

            return new GeoFilter(centre.Lat, centre.Lon, radius);
        }

        /// <summary>A city by its share, or -1 (about 10%): anywhere on Earth, a few near the North Pole.</summary>
        private int CityIndex()
        {
            var roll = rng.NextDouble();
            for (var i = 0; i < Cities.Length; i++)
            {
                if ((roll -= Cities[i].Share * 0.9) < 0) return i;
            }

            return -1;
        }

        private (double Lat, double Lon) Place(int city)
        {
            if (city < 0)
            {
                return rng.NextDouble() < 0.2
                    ? (87 + rng.NextDouble() * 3, -180 + rng.NextDouble() * 360)
                    : (Math.Asin(2 * rng.NextDouble() - 1) * 180 / Math.PI, -180 + rng.NextDouble() * 360);
            }

            if (rng.NextDouble() < 0.1) return Pick(_addresses[city]);
            var (_, lat, lon, spread, _) = Cities[city];
            return Offset(lat, lon, Gaussian(rng) * spread, Gaussian(rng) * spread);
        }

        private static (double Lat, double Lon) Offset(double lat, double lon, double northKm, double eastKm)
        {
            var newLat = Math.Clamp(lat + northKm / KmPerDegree, -90, 90);
            var newLon = lon + eastKm / (KmPerDegree * Math.Max(0.05, Math.Cos(lat * Math.PI / 180)));
            newLon = ((newLon + 180) % 360 + 360) % 360 - 180;
            return (newLat, newLon);
        }

        private static double Gaussian(Random rng) =>
            Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

        private T[] Some<T>(T[] values, int min, int max)
        {
            var copy = values.ToArray();
            rng.Shuffle(copy);
            return copy[..rng.Next(min, max + 1)];
        }

        private T Pick<T>(T[] values) => values[rng.Next(values.Length)];

        private string RandomCase(string tag) => rng.Next(4) switch { 0 => tag.ToUpperInvariant(), 1 => tag.ToLowerInvariant(), _ => tag };

        private byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            rng.NextBytes(bytes);
            return bytes;
        }
    }
}
