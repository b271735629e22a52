using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.Storage.Search;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// The write path shared by the unary RPCs and bulk import: validate, store (source of truth),
/// then make the change searchable before acknowledging, so a writer reads its own write.
/// </summary>
public sealed class ListingWriter(
    IListingStore store, SearchIndexFeed feed, ModalityTaxonomy taxonomy, TimeProvider clock, IOptions<DirectoryOptions> options)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public Listing ForClient(Listing listing) => ListingLifecycle.ForClient(listing, Now, options.Value.StaleAfter);

    /// <summary>Whether a listing last confirmed at <paramref name="lastConfirmed"/> is stale now.</summary>
    public bool IsStale(Google.Protobuf.WellKnownTypes.Timestamp? lastConfirmed) =>
        ListingLifecycle.IsStale(lastConfirmed, Now, options.Value.StaleAfter);

    public static void Validate(Listing listing, ModalityTaxonomy taxonomy, string prefix = "listing.")
    {
        var v = new Violations();
        ListingRules.Validate(listing, taxonomy, v, prefix);
        v.ThrowIfAny();
    }

    public async Task<Listing> CreateAsync(Listing requested, string ownerId, CancellationToken ct)
    {
        Validate(requested, taxonomy);
        var listing = ListingLifecycle.PrepareNew(requested, ownerId, Now);
        if (!await store.CreateAsync(listing, ct)) throw DomainException.AlreadyExists($"Listing '{listing.Id}' already exists.");
        await feed.ApplyThroughAsync(long.Parse(listing.Etag, System.Globalization.CultureInfo.InvariantCulture), ct);
        return ForClient(listing);
    }

    /// <summary>
    /// Stores many new listings; invalid ones are reported, never half-written. With
    /// <paramref name="keepIds"/> the listings keep the ids they carry and one whose id is already
    /// stored is left as it is (reported, not stored): running the same batch again adds only what is
    /// missing, which is how the demo seeder finishes after a failure without duplicating listings.
    /// </summary>
    public async Task<(IReadOnlyList<Listing> Stored, IReadOnlyList<ImportError> Errors)> CreateManyAsync(
        IReadOnlyList<(int Index, Listing Listing)> batch, string ownerId, CancellationToken ct, bool keepIds = false)
    {
        var errors = new List<ImportError>();
        var valid = new List<Listing>(batch.Count);
        var positions = new List<int>(batch.Count);
        foreach (var (index, requested) in batch)
        {
            var v = new Violations();
            ListingRules.Validate(requested, taxonomy, v);
            if (v.Any) errors.Add(new ImportError { Index = index, Reason = string.Join("; ", v.Items.Select(f => $"{f.Field}: {f.Description}")) });
            else
            {
                var listing = ListingLifecycle.PrepareNew(requested, ownerId, Now);
                if (keepIds) listing.Id = requested.Id;
                valid.Add(listing);
                positions.Add(index);
            }
        }
        var created = await store.CreateManyAsync(valid, ct);
        // A new id that already exists is all but impossible, but a refused record is always reported.
        errors.AddRange(positions.Where((_, i) => !created[i]).Select(index => new ImportError { Index = index, Reason = "listing.id: already exists; import the record again" }));
        var last = valid.Where((_, i) => created[i]).Select(l => long.Parse(l.Etag, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        if (last > 0) await feed.ApplyThroughAsync(last, ct);
        return (valid.Where((_, i) => created[i]).ToArray(), errors);
    }

    public async Task<Listing> GetAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct) ?? throw DomainException.NotFound("Listing", id);

    /// <summary>
    /// A page of the owner's own listings from the store (not the search index, which follows the change
    /// feed and may lag a write), as clients see them, with where the next page starts (null on the last).
    /// </summary>
    public async Task<(IReadOnlyList<Listing> Listings, string? LastId)> ListOwnedAsync(OwnListingsQuery query, CancellationToken ct)
    {
        var page = await store.ListByOwnerAsync(query.OwnerId, query.AfterId, query.PageSize, ct);
        return (page.Listings.Select(ForClient).ToArray(), page.LastId);
    }

    public const string OnlyOwnerChanges = "Only the listing's owner can change it.";

    /// <summary>
    /// Loads the listing and checks the caller owns it; anyone else is refused with
    /// <paramref name="refusal"/>, which says what only the owner may do.
    /// </summary>
    public async Task<Listing> GetOwnedAsync(string id, string callerId, CancellationToken ct, string refusal = OnlyOwnerChanges)
    {
        var listing = await GetAsync(id, ct);
        if (listing.OwnerId != callerId) throw DomainException.PermissionDenied(refusal);
        return listing;
    }

    public async Task<Listing> ReplaceAsync(Listing updated, string expectedEtag, CancellationToken ct)
    {
        switch (await store.ReplaceAsync(updated, expectedEtag, ct))
        {
            case WriteOutcome.NotFound: throw DomainException.NotFound("Listing", updated.Id);
            case WriteOutcome.StaleEtag: throw DomainException.StaleEtag("listing");
        }
        await feed.ApplyThroughAsync(long.Parse(updated.Etag, System.Globalization.CultureInfo.InvariantCulture), ct);
        return ForClient(updated);
    }

    /// <summary>
    /// Deletes the listing, unless a confirmed booking of it is not over yet (checked in the same store
    /// step as the delete): false then, and nothing changed.
    /// </summary>
    public async Task<bool> DeleteUnlessBookedAsync(string id, string expectedEtag, CancellationToken ct)
    {
        switch (await store.DeleteAsync(id, expectedEtag, Now, ct))
        {
            case WriteOutcome.NotFound: throw DomainException.NotFound("Listing", id);
            case WriteOutcome.StaleEtag: throw DomainException.StaleEtag("listing");
            case WriteOutcome.Booked: return false;
        }
        await feed.ApplyThroughAsync(await store.SequenceAsync(ct), ct);
        return true;
    }
}
