using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Validation;

namespace HealingNetwork.Profiles.Domain;

/// <summary>
/// How a profile changes: creation, masked updates, and the care team's ebb and flow (a cadence
/// change keeps the previous cadence as history). Every change bumps <c>version</c>, which is also
/// the etag and Matching's cache key.
/// </summary>
public static class ProfileLifecycle
{
    private static readonly HashSet<string> OutputOnly =
        ["id", "owner_id", "care_team", "etag", "version", "create_time", "update_time"];

    public static Profile PrepareNew(Profile requested, string ownerId, DateTimeOffset now)
    {
        var profile = requested.Clone();
        var stamp = Timestamp.FromDateTimeOffset(now);
        profile.Id = Guid.CreateVersion7().ToString("N");
        profile.OwnerId = ownerId;
        profile.CareTeam.Clear();
        profile.Version = 1;
        profile.Etag = "1";
        profile.CreateTime = stamp;
        profile.UpdateTime = stamp;
        return profile;
    }

    /// <summary>
    /// Applies the masked fields of <paramref name="patch"/> onto a copy of <paramref name="current"/>;
    /// an empty mask replaces every writable field. Mask paths that cannot be written are added to
    /// <paramref name="v"/> and skipped, so the caller's check of the result reports them together
    /// with the bad values of the paths that were applied.
    /// </summary>
    public static Profile ApplyUpdate(Profile current, Profile patch, FieldMask? mask, DateTimeOffset now, Violations v)
    {
        Profile updated;
        if (mask is null || mask.Paths.Count == 0)
        {
            updated = patch.Clone();
            updated.Id = current.Id;
            updated.OwnerId = current.OwnerId;
            updated.CreateTime = current.CreateTime;
            updated.CareTeam.Clear();
            updated.CareTeam.AddRange(current.CareTeam);
        }
        else
        {
            var named = UpdateMaskRules.Checked(mask, Profile.Descriptor, OutputOnly, v);
            updated = current.Clone();
            named.Merge(patch, updated, new FieldMask.MergeOptions { ReplaceRepeatedFields = true, ReplaceMessageFields = true });
            MaskedPresence.ClearUnsetOptionals(named, patch, updated);
        }
        return Touch(updated, current, now);
    }

    public static Profile AddPartner(Profile current, CarePartner partner, DateTimeOffset now)
    {
        if (current.CareTeam.Count >= ProfileRules.MaxCareTeam)
            throw new ValidationException("partner", $"a care team has at most {ProfileRules.MaxCareTeam} partners");
        if (partner.ListingId.Length > 0 && current.CareTeam.Any(p => p.ListingId == partner.ListingId))
            throw DomainException.AlreadyExists("This listing is already on the care team.");
        var updated = current.Clone();
        var added = partner.Clone();
        added.Id = Guid.CreateVersion7().ToString("N");
        added.History.Clear();
        if (added.Since.Length == 0) added.Since = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        updated.CareTeam.Add(added);
        return Touch(updated, current, now);
    }

    /// <summary>
    /// A partner named by listing takes the listing's display name and modalities: the directory says
    /// who they are and what they practise, and Matching reads the care team's modalities from here.
    /// </summary>
    public static CarePartner FromListing(CarePartner requested, Listing listing)
    {
        var partner = requested.Clone();
        partner.ListingId = listing.Id;
        partner.Name = listing.DisplayName;
        partner.Modalities.Clear();
        partner.Modalities.AddRange(listing.Modalities);
        return partner;
    }

    /// <summary>
    /// Changes layer, cadence and/or the date the partnership began; an actual cadence change is kept as
    /// history. A free-text partner's name and modalities may change too; a listing partner's may not,
    /// since they are the directory's (FromListing) and Matching scores collaboration on them. Echoing the
    /// stored values back is no change. A new <c>since</c> is checked by the caller with the same
    /// ProfileRules.ValidatePartner as an added partner's, since AddPartner stamps today when it is
    /// omitted and a client recording an older partnership must be able to correct it.
    /// </summary>
    public static Profile UpdatePartner(Profile current, CarePartner change, DateTimeOffset now)
    {
        var updated = current.Clone();
        var partner = updated.CareTeam.FirstOrDefault(p => p.Id == change.Id)
            ?? throw DomainException.NotFound("Care partner", change.Id);
        if (partner.ListingId.Length > 0) RefuseListingFieldChanges(partner, change);
        if (change.Cadence != Cadence.Unspecified && change.Cadence != partner.Cadence)
        {
            partner.History.Add(new CadenceChange { Cadence = partner.Cadence, ChangeTime = Timestamp.FromDateTimeOffset(now) });
            partner.Cadence = change.Cadence;
        }
        if (change.Layer != CareLayer.Unspecified) partner.Layer = change.Layer;
        if (change.Name.Length > 0) partner.Name = change.Name;
        if (change.Since.Length > 0) partner.Since = change.Since;
        if (change.Modalities.Count > 0)
        {
            partner.Modalities.Clear();
            partner.Modalities.AddRange(change.Modalities);
        }
        return Touch(updated, current, now);
    }

    private static void RefuseListingFieldChanges(CarePartner partner, CarePartner change)
    {
        var v = new Violations();
        v.Require(change.Name.Length == 0 || change.Name == partner.Name, "partner.name",
            "is copied from the partner's listing and cannot be changed here");
        v.Require(change.Modalities.Count == 0 || change.Modalities.SequenceEqual(partner.Modalities), "partner.modalities",
            "are copied from the partner's listing and cannot be changed here");
        v.ThrowIfAny();
    }

    public static Profile RemovePartner(Profile current, string partnerId, DateTimeOffset now)
    {
        var updated = current.Clone();
        var partner = updated.CareTeam.FirstOrDefault(p => p.Id == partnerId)
            ?? throw DomainException.NotFound("Care partner", partnerId);
        updated.CareTeam.Remove(partner);
        return Touch(updated, current, now);
    }

    private static Profile Touch(Profile updated, Profile current, DateTimeOffset now)
    {
        updated.Version = current.Version + 1;
        updated.Etag = updated.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        updated.UpdateTime = Timestamp.FromDateTimeOffset(now);
        return updated;
    }
}
