using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.Storage;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Tests.Storage;

/// <summary>The listing store against the real store (Garnet in-process, or redis-server with REDIS_URL).</summary>
public sealed class RedisListingStoreTests
{
    private readonly RedisListingStore _store = new(TestStore.Instance.Connection);
    private static IDatabase Db => TestStore.Instance.Connection.GetDatabase();

    private static Listing NewListing(string name = "Maya Okafor, ND")
    {
        var listing = Samples.Naturopath(name);
        listing.Id = Guid.NewGuid().ToString("N");
        listing.OwnerId = "owner-" + listing.Id[..6];
        return listing;
    }

    [Fact]
    public async Task A_created_listing_reads_back_whole_with_its_etag()
    {
        var listing = NewListing();
        Assert.True(await _store.CreateAsync(listing, default));
        var read = await _store.GetAsync(listing.Id, default);
        Assert.Equal(listing, read);
        Assert.Equal(await _store.SequenceAsync(default), long.Parse(read!.Etag, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(await _store.CreateAsync(NewListingWithId(listing.Id), default));
    }

    private static Listing NewListingWithId(string id)
    {
        var listing = NewListing("Someone Else");
        listing.Id = id;
        return listing;
    }

    [Fact]
    public async Task Replace_needs_the_current_etag_and_moves_it()
    {
        await Db.StringIncrementAsync(RedisListingStore.SequenceKey, 100); // etags of at least 3 digits below
        var listing = NewListing();
        await _store.CreateAsync(listing, default);
        var first = listing.Etag;
        var update = listing.Clone();
        update.DisplayName = "Maya Okafor, ND, LAc";
        Assert.Equal(WriteOutcome.Written, await _store.ReplaceAsync(update, first, default));
        Assert.NotEqual(first, update.Etag);

        var stale = listing.Clone();
        stale.DisplayName = "lost update";
        Assert.Equal(WriteOutcome.StaleEtag, await _store.ReplaceAsync(stale, first, default));
        // An etag that is a prefix of the current one is still stale ("12" vs "123").
        Assert.Equal(WriteOutcome.StaleEtag, await _store.ReplaceAsync(stale, update.Etag[..^1], default));
        Assert.Equal("Maya Okafor, ND, LAc", (await _store.GetAsync(listing.Id, default))!.DisplayName);
        Assert.Equal(WriteOutcome.NotFound, await _store.ReplaceAsync(NewListing(), "1", default));
    }

    [Fact]
    public async Task Delete_removes_the_listing_its_id_and_records_the_change()
    {
        var listing = NewListing();
        await _store.CreateAsync(listing, default);
        Assert.Equal(WriteOutcome.StaleEtag, await _store.DeleteAsync(listing.Id, "0", null, default));
        Assert.Equal(WriteOutcome.Written, await _store.DeleteAsync(listing.Id, listing.Etag, null, default));
        Assert.Null(await _store.GetAsync(listing.Id, default));
        Assert.False(await Db.SetContainsAsync(RedisListingStore.IdsKey, listing.Id));
        var changes = await _store.ReadChangesAsync(long.Parse(listing.Etag, System.Globalization.CultureInfo.InvariantCulture), 10_000, default);
        Assert.Contains(changes, c => c.ListingId == listing.Id && c.Deleted);
        Assert.Equal(WriteOutcome.NotFound, await _store.DeleteAsync(listing.Id, "", null, default));
    }

    [Fact]
    public async Task Delete_is_refused_while_a_confirmed_booking_is_not_over_but_not_for_holds_or_past_bookings()
    {
        var listing = NewListing();
        await _store.CreateAsync(listing, default);
        var availability = new RedisAvailabilityStore(TestStore.Instance.Connection);
        var now = DateTimeOffset.UtcNow;
        async Task<string> HoldAsync(DateTimeOffset start, string client)
        {
            var slot = new Slot { ListingId = listing.Id, StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(50)), TimeZone = "UTC", LocationIndex = -1 };
            var hold = new Hold { HoldId = AvailabilityIds.New(listing.Id), Slot = slot, ExpireTime = Timestamp.FromDateTimeOffset(now.AddMinutes(5)) };
            Assert.True((await availability.HoldAsync(client, hold, TimeSpan.FromMinutes(5), 0, bufferMinutes: 0, default)).Held);
            return hold.HoldId;
        }
        async Task<Booking> BookAsync(DateTimeOffset start)
        {
            var holdId = await HoldAsync(start, "alice");
            var held = (await availability.GetHoldAsync(holdId, default))!.Value.Hold;
            var booking = new Booking { BookingId = AvailabilityIds.BookingFor(holdId), Slot = held.Slot, ClientId = "alice", State = BookingState.Confirmed, CreateTime = Timestamp.FromDateTimeOffset(now) };
            Assert.Equal(ConfirmOutcome.Confirmed, await availability.ConfirmAsync(holdId, "alice", booking, 0, bufferMinutes: 0, default));
            return booking;
        }
        await BookAsync(now.AddMinutes(-120)); // over an hour ago
        await HoldAsync(now.AddDays(1), "bob");
        var running = await BookAsync(now.AddMinutes(-40)); // ends in ten minutes

        Assert.Equal(WriteOutcome.Booked, await _store.DeleteAsync(listing.Id, listing.Etag, now, default));
        Assert.NotNull(await _store.GetAsync(listing.Id, default));
        Assert.True(await availability.CancelAsync(running.BookingId, default));
        Assert.Equal(WriteOutcome.Written, await _store.DeleteAsync(listing.Id, listing.Etag, now, default));
        Assert.Null(await _store.GetAsync(listing.Id, default));
    }

    [Fact]
    public async Task A_bulk_batch_gets_consecutive_etags_skips_taken_ids_and_feeds_every_new_listing()
    {
        var taken = NewListing();
        await _store.CreateAsync(taken, default);
        // More than 1,000 feed arguments: the script's variadic SADD/ZADD run in chunks.
        var batch = Enumerable.Range(0, 1_203).Select(i => NewListing($"Practitioner {i}")).ToList();
        batch.Insert(600, NewListingWithId(taken.Id));

        var created = await _store.CreateManyAsync(batch, default);

        Assert.Equal(batch.Count, created.Count);
        Assert.False(created[600]);
        Assert.Equal(1_203, created.Count(c => c));
        var etags = batch.Where((_, i) => created[i]).Select(l => long.Parse(l.Etag, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, etags.Count).Select(i => etags[0] + i), etags);
        Assert.Equal("Maya Okafor, ND", (await _store.GetAsync(taken.Id, default))!.DisplayName);
        var read = await _store.GetManyAsync(batch.Select(l => l.Id).ToArray(), default);
        for (var i = 0; i < batch.Count; i++)
            if (created[i]) Assert.Equal(batch[i], read[i]);
        var changes = await _store.ReadChangesAsync(etags[0] - 1, 10_000, default);
        var fed = changes.Where(c => !c.Deleted).Select(c => c.ListingId).ToHashSet();
        Assert.All(batch.Where((_, i) => created[i]), l => Assert.Contains(l.Id, fed));
        Assert.True(await Db.SetContainsAsync(RedisListingStore.IdsKey, batch[^1].Id));
    }

    [Fact]
    public async Task An_owners_index_lists_their_listings_by_id_from_creates_and_bulk_creates_and_drops_deleted_ones()
    {
        var (owner, other) = ("owner-" + Guid.NewGuid().ToString("N"), "owner-" + Guid.NewGuid().ToString("N"));
        Listing Of(string who, string name)
        {
            var listing = NewListing(name);
            listing.OwnerId = who;
            return listing;
        }
        var single = Of(owner, "Single");
        Assert.True(await _store.CreateAsync(single, default));
        // A batch of two owners, as the store allows (each listing names its own owner).
        var batch = Enumerable.Range(0, 5).Select(i => Of(i % 2 == 0 ? owner : other, $"Bulk {i}")).ToList();
        Assert.All(await _store.CreateManyAsync(batch, default), Assert.True);
        Assert.Equal(WriteOutcome.Written, await _store.DeleteAsync(batch[2].Id, "", null, default));

        var mine = await _store.ListByOwnerAsync(owner, null, 10, default);
        var theirs = await _store.ListByOwnerAsync(other, null, 10, default);

        Assert.Equal(new[] { single, batch[0], batch[4] }.Select(l => l.Id).Order(StringComparer.Ordinal), mine.Listings.Select(l => l.Id));
        Assert.Equal(single, mine.Listings.Single(l => l.Id == single.Id)); // whole, with its etag
        Assert.Null(mine.LastId);
        Assert.Equal(new[] { batch[1], batch[3] }.Select(l => l.Id).Order(StringComparer.Ordinal), theirs.Listings.Select(l => l.Id));
        Assert.Empty((await _store.ListByOwnerAsync("nobody-" + Guid.NewGuid().ToString("N"), null, 10, default)).Listings);
    }

    [Fact]
    public async Task An_owners_listings_are_paged_after_the_last_id_of_the_previous_page()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var listings = Enumerable.Range(0, 5).Select(i => NewListing($"Paged {i}")).ToList();
        foreach (var listing in listings)
        {
            listing.OwnerId = owner;
            Assert.True(await _store.CreateAsync(listing, default));
        }
        var ids = listings.Select(l => l.Id).Order(StringComparer.Ordinal).ToArray();

        var first = await _store.ListByOwnerAsync(owner, null, 2, default);
        var second = await _store.ListByOwnerAsync(owner, first.LastId, 2, default);
        var third = await _store.ListByOwnerAsync(owner, second.LastId, 2, default);

        Assert.Equal(ids[..2], first.Listings.Select(l => l.Id));
        Assert.Equal(ids[1], first.LastId);
        Assert.Equal(ids[2..4], second.Listings.Select(l => l.Id));
        Assert.Equal(ids[4..], third.Listings.Select(l => l.Id));
        Assert.Null(third.LastId);
    }

    [Fact]
    public async Task A_delete_racing_updates_still_takes_the_listing_out_of_its_owners_index()
    {
        var listing = NewListing();
        Assert.True(await _store.CreateAsync(listing, default));
        using var stop = new CancellationTokenSource();
        // Updates move the etag between the delete's read of the owner and its script: it reads again.
        var updates = Task.Run(async () =>
        {
            var current = listing.Clone();
            while (!stop.IsCancellationRequested)
            {
                var next = current.Clone();
                next.Bio = Guid.NewGuid().ToString("N");
                if (await _store.ReplaceAsync(next, current.Etag, default) != WriteOutcome.Written) return;
                current = next;
            }
        });

        Assert.Equal(WriteOutcome.Written, await _store.DeleteAsync(listing.Id, "", null, default));
        stop.Cancel();
        await updates;

        Assert.Empty((await _store.ListByOwnerAsync(listing.OwnerId, null, 10, default)).Listings);
        Assert.Equal(0, await Db.SortedSetLengthAsync(RedisListingStore.OwnerListingsKey(listing.OwnerId)));
    }

    [Fact]
    public async Task Time_zones_are_read_for_many_listings_as_stored_and_after_a_move()
    {
        var first = NewListing("In Kathmandu");
        first.TimeZone = "Asia/Kathmandu";
        var second = NewListing("No zone set");
        second.TimeZone = "";
        Assert.True(await _store.CreateAsync(first, default));
        Assert.True(await _store.CreateAsync(second, default));
        var moved = first.Clone();
        moved.TimeZone = "Pacific/Chatham";
        Assert.Equal(WriteOutcome.Written, await _store.ReplaceAsync(moved, first.Etag, default));

        var zones = await _store.GetTimeZonesAsync([first.Id, "missing-" + Guid.NewGuid().ToString("N"), second.Id], default);

        Assert.Equal(["Pacific/Chatham", null, ""], zones);
        Assert.Equal((await _store.GetManyAsync([first.Id, second.Id], default)).Select(l => l!.TimeZone), [zones[0], zones[2]]);
        Assert.Empty(await _store.GetTimeZonesAsync([], default));
    }

    [Fact]
    public async Task Listings_stored_by_the_old_hash_layout_are_converted_and_keep_their_etags()
    {
        // A database of its own: every Directory host other tests start migrates the shared one at
        // start-up, and would convert these listings (or mark the layout current) under this test.
        using var connection = await ConnectionMultiplexer.ConnectAsync(TestStore.Instance.ConnectionString + ",defaultDatabase=1");
        var db = connection.GetDatabase();
        var store = new RedisListingStore(connection);
        var old = Enumerable.Range(0, 3).Select(i => NewListing($"Old {i}")).ToList();
        foreach (var listing in old)
        {
            var etag = await db.StringIncrementAsync(RedisListingStore.SequenceKey);
            listing.Etag = etag.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var data = listing.Clone();
            data.Etag = "";
            await db.HashSetAsync(RedisListingStore.ListingKey(listing.Id),
                [new("data", data.ToByteArray()), new("etag", listing.Etag), new("owner", listing.OwnerId)]);
            await db.SetAddAsync(RedisListingStore.IdsKey, listing.Id);
        }
        await db.KeyDeleteAsync(RedisListingStore.LayoutKey);

        Assert.True((await store.MigrateLayoutAsync(default)).Converted >= 3);
        Assert.Equal((0, 0), await new RedisListingStore(connection).MigrateLayoutAsync(default));
        foreach (var listing in old)
            Assert.Equal(RedisType.String, await db.KeyTypeAsync(RedisListingStore.ListingKey(listing.Id)));

        var read = await store.GetManyAsync(old.Select(l => l.Id).ToArray(), default);
        Assert.Equal(old, read);
        var update = old[0].Clone();
        update.DisplayName = "Old 0, renamed";
        Assert.Equal(WriteOutcome.Written, await store.ReplaceAsync(update, old[0].Etag, default));
        Assert.Null(await _store.GetAsync(old[0].Id, default)); // nothing of it reached the shared database
    }

    [Fact]
    public async Task Listings_written_before_owners_had_an_index_are_added_to_it_by_the_layout_migration()
    {
        // A database of its own, as above: Directory hosts other tests start migrate the shared one.
        using var connection = await ConnectionMultiplexer.ConnectAsync(TestStore.Instance.ConnectionString + ",defaultDatabase=1");
        var db = connection.GetDatabase();
        var store = new RedisListingStore(connection);
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var old = Enumerable.Range(0, 3).Select(i => NewListing($"Indexless {i}")).ToList();
        foreach (var listing in old)
        {
            // Layout 2: the listing string and the id set, no owner index.
            listing.OwnerId = owner;
            var etag = await db.StringIncrementAsync(RedisListingStore.SequenceKey);
            listing.Etag = etag.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var data = listing.Clone();
            data.Etag = "";
            await db.StringSetAsync(RedisListingStore.ListingKey(listing.Id), (byte[])[.. System.Text.Encoding.ASCII.GetBytes(listing.Etag + ":"), .. data.ToByteArray()]);
            await db.SetAddAsync(RedisListingStore.IdsKey, listing.Id);
        }
        await db.StringSetAsync(RedisListingStore.LayoutKey, "2");
        Assert.Empty((await store.ListByOwnerAsync(owner, null, 10, default)).Listings);

        var (converted, indexed) = await store.MigrateLayoutAsync(default);

        Assert.Equal(0, converted);
        Assert.True(indexed >= 3);
        Assert.Equal("3", await db.StringGetAsync(RedisListingStore.LayoutKey));
        var listed = await store.ListByOwnerAsync(owner, null, 10, default);
        Assert.Equal(old.OrderBy(l => l.Id, StringComparer.Ordinal), listed.Listings);
        Assert.Equal((0, 0), await store.MigrateLayoutAsync(default));
        // Once indexed, a delete takes the listing out again.
        Assert.Equal(WriteOutcome.Written, await store.DeleteAsync(old[1].Id, "", null, default));
        Assert.Equal(2, (await store.ListByOwnerAsync(owner, null, 10, default)).Listings.Count);
    }
}
