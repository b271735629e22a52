using Grpc.Core;
using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Wire;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Empty = Google.Protobuf.WellKnownTypes.Empty;

namespace HealingNetwork.Directory.Api;

/// <summary>gRPC surface of the directory: identity, a call into the write path or index, mapping.</summary>
[Authorize]
[BindServiceMethod(typeof(DirectoryApiBinding), nameof(DirectoryApiBinding.BindService))]
public sealed class DirectoryApi(
    ListingWriter writer, IListingSearchIndex index, SearchIndexFeed feed, ModalityTaxonomy taxonomy,
    IOptions<DirectoryOptions> options, AdminPolicy admins, OpenSlotReader slots, IAvailabilityStore availability,
    AvailabilityGeneration generation) : DirectoryService.DirectoryServiceBase
{
    public override Task<Listing> CreateListing(CreateListingRequest request, ServerCallContext context)
    {
        var owner = context.RequireCaller();
        if (request.Listing is null) throw new ValidationException("listing", "is required");
        return writer.CreateAsync(request.Listing, owner, context.CancellationToken);
    }

    [AllowAnonymous]
    public override async Task<Listing> GetListing(GetListingRequest request, ServerCallContext context)
    {
        RequireId(request.Id, "id");
        return writer.ForClient(await writer.GetAsync(request.Id, context.CancellationToken));
    }

    public override async Task<Listing> UpdateListing(UpdateListingRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        if (request.Listing is null) throw new ValidationException("listing", "is required");
        RequireId(request.Listing.Id, "listing.id");
        if (string.IsNullOrEmpty(request.Listing.Etag)) throw new ValidationException("listing.etag", "is required: send the etag you read");
        var current = await writer.GetOwnedAsync(request.Listing.Id, caller, context.CancellationToken);
        if (current.Etag != request.Listing.Etag) throw DomainException.StaleEtag("listing");
        var v = new Violations();
        var updated = ListingLifecycle.ApplyUpdate(current, request.Listing, request.UpdateMask, writer.Now, v);
        ListingRules.Validate(updated, taxonomy, v, "listing.");
        v.ThrowIfAny();
        if (current.Telehealth && !updated.Telehealth) await RefuseTurningOffUsedTelehealthAsync(updated.Id, context.CancellationToken);
        var moves = LocationMoves.Between(current.Locations, updated.Locations);
        var written = moves.IsNone
            ? await writer.ReplaceAsync(updated, request.Listing.Etag, context.CancellationToken)
            : await ReplaceMovingHoursAsync(updated, request.Listing.Etag, moves, context.CancellationToken);
        // The hours are read in the listing's zone at its places: a hold made against the old ones is
        // confirmed only if the new ones offer its slot as held.
        if (updated.TimeZone != current.TimeZone || !updated.Locations.Equals(current.Locations))
            await availability.MoveVersionAsync(updated.Id, context.CancellationToken);
        return written;
    }

    /// <summary>
    /// A listing without telehealth is shown as in-person only (search, matching), so telehealth hours
    /// would sell sessions it says it does not give, and clients booked for telehealth would be left with
    /// a session the listing no longer offers. Like hours at a removed place, both refuse the update;
    /// the same race with SetWeeklyAvailability applies (see <see cref="ReplaceMovingHoursAsync"/>).
    /// </summary>
    private async Task RefuseTurningOffUsedTelehealthAsync(string listingId, CancellationToken ct)
    {
        var v = new Violations();
        LocationReferences.ValidateTelehealthUnused(await availability.GetScheduleAsync(listingId, ct), v);
        v.ThrowIfAny();
        var now = NodaTime.Instant.FromDateTimeOffset(writer.Now);
        var booked = LocationReferences.Telehealth(await BookingConflicts.OverlappingAsync(availability, listingId, now, SlotQueryRules.Latest, ct));
        if (booked.Count > 0) throw BookingConflicts.Refusal("turn telehealth off while telehealth sessions are booked", booked);
    }

    /// <summary>
    /// Writes an update that changes the listing's places; the hours, holds and bookings at a place that
    /// changed index follow it (<see cref="LocationMoves"/>), and hours or upcoming confirmed bookings at
    /// a place that is gone refuse the update.
    /// </summary>
    private async Task<Listing> ReplaceMovingHoursAsync(Listing updated, string etag, LocationMoves moves, CancellationToken ct)
    {
        // Hours at a dropped location would still be offered as slots there. This reads the hours
        // before the listing is written, and SetWeeklyAvailability reads the listing before the
        // hours are: the two racing can each pass (closing that needs one script over both keys).
        var v = new Violations();
        LocationReferences.ValidateStillExist(await availability.GetScheduleAsync(updated.Id, ct), moves, v);
        v.ThrowIfAny();
        // A client booked there would be sent to whichever place now has that index, or to none. No new
        // booking can appear there meanwhile: a slot there needs hours there, which the check above refuses.
        // Past sessions keep their index (there is no place left to name); live holds there need hours
        // there too, or are refused at confirm as no longer offered.
        if (moves.Gone.Count > 0)
        {
            var now = NodaTime.Instant.FromDateTimeOffset(writer.Now);
            var upcoming = await BookingConflicts.OverlappingAsync(availability, updated.Id, now, SlotQueryRules.Latest, ct);
            var stranded = LocationReferences.AtRemovedPlaces(upcoming, moves);
            if (stranded.Count > 0) throw BookingConflicts.Refusal("remove the place these sessions are booked at", stranded);
        }
        // The listing is written first, then the hours (and the holds and bookings there) follow. The listing
        // write is the step that can be refused (a stale etag when two edits race, a deleted listing); the
        // remap cannot, it can only fail with the store. Remapping first would leave hours moved for an update
        // that was then refused, and a client retrying with the same etag would move them twice. In this order
        // a refused update changes nothing. A crash or store failure between the two leaves the new order with
        // the hours, holds and bookings at their old indexes (the defect this fixes, for that one listing,
        // shown to the practitioner by GetWeeklyAvailability and mended by setting the hours again; its
        // bookings are not mended), never hours moved twice. Both in one atomic write would need the listing's
        // change-feed keys, shared by every listing, in the same cluster slot as its hours.
        // Hours set after this write and before the remap reads them, by a client that already saw the
        // new order, are moved too: a window of one round trip, the same kind as the race above.
        var written = await writer.ReplaceAsync(updated, etag, ct);
        if (moves.Moved.Count > 0 && await availability.RemapLocationsAsync(updated.Id, moves.Moved, ct))
            await generation.BumpAsync();
        return written;
    }

    public override async Task<Empty> DeleteListing(DeleteListingRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        RequireId(request.Id, "id");
        await writer.GetOwnedAsync(request.Id, caller, context.CancellationToken);
        if (!await writer.DeleteUnlessBookedAsync(request.Id, request.Etag, context.CancellationToken))
        {
            var now = NodaTime.Instant.FromDateTimeOffset(writer.Now);
            var upcoming = await BookingConflicts.OverlappingAsync(availability, request.Id, now, SlotQueryRules.Latest, context.CancellationToken);
            throw BookingConflicts.Refusal("delete the listing", upcoming);
        }
        return new Empty();
    }

    public override async Task<ListListingsResponse> ListListings(ListListingsRequest request, ServerCallContext context)
    {
        var owner = context.RequireCaller();
        var query = ListListingsRules.Build(request, owner);
        var (listings, lastId) = await writer.ListOwnedAsync(query, context.CancellationToken);
        var response = new ListListingsResponse { Listings = { listings } };
        if (lastId is not null) response.NextPageToken = ListListingsRules.NextPageToken(request, owner, lastId);
        return response;
    }

    public override async Task<Listing> ConfirmListing(ConfirmListingRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        RequireId(request.Id, "id");
        var current = await writer.GetOwnedAsync(request.Id, caller, context.CancellationToken);
        return await writer.ReplaceAsync(ListingLifecycle.Confirm(current, writer.Now), current.Etag, context.CancellationToken);
    }

    [AllowAnonymous]
    public override async Task<SearchListingsResponse> SearchListings(SearchListingsRequest request, ServerCallContext context)
    {
        var query = SearchRequestRules.Build(request, taxonomy, writer.Now, options.Value.StaleAfter);
        var page = await index.SearchAsync(query, context.CancellationToken);
        var response = new SearchListingsResponse { TotalSize = page.TotalSize, TotalSizeIsLowerBound = page.TotalIsLowerBound };
        // Over gRPC (and gRPC-Web) the response goes through SearchListingsWire; REST callers get
        // it from JSON transcoding, which reads the message itself, so theirs carries parsed listings.
        var encoded = EncodedResponses.IsGrpc(context) && page.Hits.All(h => !h.Encoded.IsEmpty) ? new SearchListingsWire.EncodedListing[page.Hits.Count] : null;
        for (var i = 0; i < page.Hits.Count; i++)
        {
            var hit = page.Hits[i];
            var result = new SearchResult { DistanceKm = hit.DistanceKm, Relevance = hit.Relevance, VisitsYou = hit.VisitsYou };
            // Stored encodings go into the response as they are (SearchListingsWire); staleness is computed now.
            if (encoded is not null) encoded[i] = new(hit.Encoded, writer.IsStale(SearchListingsWire.LastConfirmedTime(hit.Encoded)));
            else result.Listing = writer.ForClient(hit.Listing);
            response.Results.Add(result);
        }
        if (encoded is not null) SearchListingsWire.Attach(response, encoded);
        if (request.IncludeEarliestSlot) await AddEarliestSlotsAsync(request, page.Hits, response, context.CancellationToken);
        if (page.Next is { } next) response.NextPageToken = PageToken.Encode(next, SearchRequestRules.WithoutToken(request));
        return response;
    }

    /// <summary>
    /// Each hit's earliest open slot, as GetEarliestSlots computes it; the listings' ids and time
    /// zones come from the hits (read from their encodings, not parsed), not from the store.
    /// </summary>
    private async Task AddEarliestSlotsAsync(SearchListingsRequest request, IReadOnlyList<ListingHit> hits, SearchListingsResponse response, CancellationToken ct)
    {
        var keys = hits.Select(h => h.Encoded.IsEmpty ? (h.Listing.Id, h.Listing.TimeZone) : ListingEncoding.IdAndTimeZone(h.Encoded)).ToArray();
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, zone) in keys) zones.TryAdd(id, zone);
        var from = NodaTime.Instant.FromDateTimeOffset(writer.Now);
        var days = request.EarliestSlotHorizonDays == 0 ? SlotQueryRules.DefaultHorizonDays : request.EarliestSlotHorizonDays;
        var (earliest, _) = await slots.EarliestAsync(zones.Keys.ToArray(),
            found => Task.FromResult<IReadOnlyList<string?>>(found.Select(id => zones[id]).ToArray()),
            from, from + NodaTime.Duration.FromDays(days), ct);
        for (var i = 0; i < keys.Length; i++)
            if (earliest.TryGetValue(keys[i].Id, out var slot)) response.Results[i].EarliestSlot = slot;
    }

    [AllowAnonymous]
    public override Task<ListModalitiesResponse> ListModalities(ListModalitiesRequest request, ServerCallContext context)
    {
        if (!Enum.IsDefined(request.Category)) throw new ValidationException("category", "unknown category");
        var response = new ListModalitiesResponse();
        response.Modalities.AddRange(taxonomy.All.Where(m => request.Category == ModalityCategory.Unspecified || m.Category == request.Category));
        return Task.FromResult(response);
    }

    public override async Task<ImportListingsResponse> ImportListings(IAsyncStreamReader<ImportListingsRequest> requestStream, ServerCallContext context)
    {
        var owner = context.RequireCaller();
        const int BatchSize = 500;
        var response = new ImportListingsResponse();
        var batch = new List<(int, Listing)>(BatchSize);
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            batch.Add((response.Received++, message.Listing ?? new Listing()));
            if (batch.Count == BatchSize) await FlushAsync();
        }
        await FlushAsync();
        return response;

        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            var (stored, errors) = await writer.CreateManyAsync(batch, owner, context.CancellationToken);
            response.Imported += stored.Count;
            response.Errors.AddRange(errors.Take(Math.Max(0, 1000 - response.Errors.Count)));
            batch.Clear();
        }
    }

    public override async Task<RebuildIndexResponse> RebuildIndex(RebuildIndexRequest request, ServerCallContext context)
    {
        admins.Require(context.RequireCaller());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var count = await feed.RebuildAsync(context.CancellationToken);
        return new RebuildIndexResponse { Indexed = count, ElapsedMs = clock.ElapsedMilliseconds };
    }

    private static void RequireId(string id, string field)
    {
        if (string.IsNullOrEmpty(id)) throw new ValidationException(field, "is required");
        if (id.Length > 64) throw new ValidationException(field, "is not a listing id");
    }
}
