using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Validation;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// How a listing changes over its life: creation, masked updates, owner confirmation, and
/// staleness (a listing its owner has not confirmed recently is marked, never shown as live).
/// </summary>
public static class ListingLifecycle
{
    /// <summary>Fields the server owns; clients cannot set them.</summary>
    private static readonly HashSet<string> OutputOnly =
        ["id", "owner_id", "etag", "create_time", "update_time", "last_confirmed_time", "stale"];

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    /// <summary>A new listing as stored: server fields set, client's output-only values dropped.</summary>
    public static Listing PrepareNew(Listing requested, string ownerId, DateTimeOffset now)
    {
        var listing = requested.Clone();
        var stamp = Timestamp.FromDateTimeOffset(now);
        listing.Id = NewId();
        listing.OwnerId = ownerId;
        listing.Etag = "";
        listing.Stale = false;
        listing.CreateTime = stamp;
        listing.UpdateTime = stamp;
        listing.LastConfirmedTime = stamp;
        return listing;
    }

    /// <summary>
    /// Applies the masked fields of <paramref name="patch"/> onto a copy of <paramref name="current"/>;
    /// an empty mask replaces every writable field. An owner edit also confirms the listing. Mask paths
    /// that cannot be written are added to <paramref name="v"/> and skipped, so the caller's check of the
    /// result reports them together with the bad values of the paths that were applied.
    /// </summary>
    public static Listing ApplyUpdate(Listing current, Listing patch, FieldMask? mask, DateTimeOffset now, Violations v)
    {
        var updated = current.Clone();
        if (mask is null || mask.Paths.Count == 0)
        {
            updated = patch.Clone();
            CopyServerFields(current, updated);
        }
        else
        {
            var named = UpdateMaskRules.Checked(mask, Listing.Descriptor, OutputOnly, v);
            named.Merge(patch, updated, new FieldMask.MergeOptions { ReplaceRepeatedFields = true, ReplaceMessageFields = true });
        }
        var stamp = Timestamp.FromDateTimeOffset(now);
        updated.UpdateTime = stamp;
        updated.LastConfirmedTime = stamp;
        updated.Stale = false;
        return updated;
    }

    private static void CopyServerFields(Listing from, Listing to)
    {
        to.Id = from.Id;
        to.OwnerId = from.OwnerId;
        to.CreateTime = from.CreateTime;
        to.Etag = from.Etag;
    }

    /// <summary>The owner says the listing is still true.</summary>
    public static Listing Confirm(Listing current, DateTimeOffset now)
    {
        var confirmed = current.Clone();
        confirmed.LastConfirmedTime = Timestamp.FromDateTimeOffset(now);
        return confirmed;
    }

    public static bool IsStale(Listing listing, DateTimeOffset now, TimeSpan staleAfter) =>
        IsStale(listing.LastConfirmedTime, now, staleAfter);

    /// <summary>Stale: never confirmed, or last confirmed longer than <paramref name="staleAfter"/> ago.</summary>
    public static bool IsStale(Google.Protobuf.WellKnownTypes.Timestamp? lastConfirmed, DateTimeOffset now, TimeSpan staleAfter) =>
        lastConfirmed is null || lastConfirmed.ToDateTimeOffset() < now - staleAfter;

    /// <summary>The listing as a client sees it now: staleness computed at read time.</summary>
    public static Listing ForClient(Listing listing, DateTimeOffset now, TimeSpan staleAfter)
    {
        listing.Stale = IsStale(listing, now, staleAfter);
        return listing;
    }
}
