using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using HealingNetwork.Profiles.Domain;
using HealingNetwork.Profiles.Storage;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Empty = Google.Protobuf.WellKnownTypes.Empty;

namespace HealingNetwork.Profiles.Api;

/// <summary>
/// gRPC surface of profiles. Private data: someone else's profile is NOT_FOUND, never
/// PERMISSION_DENIED, so ids of other people's profiles cannot be probed.
/// </summary>
[Authorize]
public sealed class ProfilesApi(
    IProfileStore store, IModalityCatalog modalities, IListingDirectory listings, IBookingEraser bookings, IBookingHistory bookingHistory,
    TimeProvider clock)
    : ProfileService.ProfileServiceBase
{
    private const int MaxCareTeamAttempts = 10;
    private const int MaxCreateAttempts = 3;

    /// <summary>
    /// A person whose last profile was deleted while Directory was down is still owed the erasure of
    /// their bookings, and a retry of that delete would finish it. Were the new profile created
    /// first, that retry would also erase whatever they booked with it. So the owed erasure is
    /// finished before the new profile is stored (the store refuses the create while it is owed), and
    /// while Directory cannot finish it the create fails UNAVAILABLE and stores nothing.
    /// </summary>
    public override async Task<Profile> CreateProfile(CreateProfileRequest request, ServerCallContext context)
    {
        var owner = context.RequireCaller();
        if (request.Profile is null) throw new ValidationException("profile", "is required");
        await ValidateAsync(request.Profile, context.CancellationToken);
        var profile = ProfileLifecycle.PrepareNew(request.Profile, owner, clock.GetUtcNow());
        for (var attempt = 1; ; attempt++)
        {
            switch (await store.CreateAsync(profile, context.CancellationToken))
            {
                case ProfileCreation.Created: return profile;
                case ProfileCreation.IdTaken: throw DomainException.AlreadyExists("Profile id collision; retry.");
            }
            if (attempt == MaxCreateAttempts) throw DomainException.Aborted("Your profiles are being deleted concurrently; retry.");
            if (await store.OwedBookingErasureAsync(owner, context.CancellationToken) is { } deletedId)
                await FinishOwedErasureBeforeCreateAsync(owner, deletedId, context);
        }
    }

    private async Task FinishOwedErasureBeforeCreateAsync(string owner, string deletedId, ServerCallContext context)
    {
        try
        {
            await EraseBookingsAsync(owner, deletedId, context);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new DomainException(StatusCode.Unavailable,
                "Your earlier profile deletion has not finished erasing you from your bookings, and the Directory cannot " +
                "be reached to finish it; no profile was created. Retry shortly.");
        }
    }

    public override Task<Profile> GetProfile(GetProfileRequest request, ServerCallContext context) =>
        LoadOwnedAsync(request.Id, "id", context);

    /// <summary>
    /// The caller's own profiles only: the owner comes from the token, never from the request, so
    /// there is nothing to name someone else by. Lets a new device find the profile it should update.
    /// </summary>
    public override async Task<ListProfilesResponse> ListProfiles(ListProfilesRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var query = ProfilePageQuery.Of(request, caller);
        var page = await store.ListOwnedAsync(caller, query.AfterId, query.PageSize, context.CancellationToken);
        var response = new ListProfilesResponse { Profiles = { page.Profiles } };
        if (page.LastId is { } last) response.NextPageToken = ProfilePageToken.Encode(last, caller);
        return response;
    }

    public override async Task<Profile> UpdateProfile(UpdateProfileRequest request, ServerCallContext context)
    {
        if (request.Profile is null) throw new ValidationException("profile", "is required");
        var current = await LoadOwnedAsync(request.Profile.Id, "profile.id", context);
        if (string.IsNullOrEmpty(request.Profile.Etag)) throw new ValidationException("profile.etag", "is required: send the etag you read");
        if (request.Profile.Etag != current.Etag) throw DomainException.StaleEtag("profile");
        var v = new Violations();
        var updated = ProfileLifecycle.ApplyUpdate(current, request.Profile, request.UpdateMask, clock.GetUtcNow(), v);
        ProfileRules.Validate(updated, await modalities.CodesAsync(context.CancellationToken), v);
        v.ThrowIfAny();
        return await SaveAsync(updated, current, context);
    }

    /// <summary>
    /// The delete that leaves the person with no profile erases them from their bookings (kept by
    /// Directory). Which delete that is can only be known after deleting: two deletes of the last two
    /// profiles, each counting first, would both see another profile and both skip the erasure. So the
    /// store deletes, counts what remains and, when nothing does, records that the erasure is owed, all
    /// in one atomic step. If Directory then fails (or this process dies) the call fails, and the
    /// client's retry of the same delete finds the profile gone but the erasure owed and finishes it.
    /// Directory finishes it too, before the person's next hold or booking, so that a retry coming after
    /// cannot erase what they booked since (the retry then finds nothing owed: NOT_FOUND).
    /// </summary>
    public override async Task<Empty> DeleteProfile(DeleteProfileRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var found = await FindOwnedAsync(request.Id, "id", context);
        var outcome = found is null ? ProfileErasure.NotFound : await store.EraseAsync(found.Id, caller, context.CancellationToken);
        if (outcome == ProfileErasure.OthersRemain) return new Empty();
        if (outcome == ProfileErasure.NotFound && !await store.IsBookingErasureOwedAsync(caller, request.Id, context.CancellationToken))
            throw DomainException.NotFound("Profile", request.Id);
        await EraseBookingsAsync(caller, request.Id, context);
        return new Empty();
    }

    /// <summary>Erases the caller from their bookings, then clears the debt deleting <paramref name="deletedId"/> recorded.</summary>
    private async Task EraseBookingsAsync(string caller, string deletedId, ServerCallContext context)
    {
        // Idempotent, so a retry after a failure half-way through simply runs it again.
        await bookings.EraseCallerBookingsAsync(context.RequestHeaders.GetValue("authorization") ?? "", context.CancellationToken);
        await store.BookingErasureDoneAsync(caller, deletedId, context.CancellationToken);
    }

    public override async Task<Profile> AddCarePartner(AddCarePartnerRequest request, ServerCallContext context)
    {
        var codes = await modalities.CodesAsync(context.CancellationToken);
        var partner = await ResolvePartnerAsync(request.Partner, codes, context.CancellationToken);
        return await ChangeCareTeamAsync(request.ProfileId, current => ProfileLifecycle.AddPartner(current, partner, clock.GetUtcNow()), context);
    }

    public override async Task<Profile> UpdateCarePartner(UpdateCarePartnerRequest request, ServerCallContext context)
    {
        var codes = await modalities.CodesAsync(context.CancellationToken);
        return await ChangeCareTeamAsync(request.ProfileId, current =>
        {
            if (request.Partner is null || string.IsNullOrEmpty(request.Partner.Id)) throw new ValidationException("partner.id", "is required");
            var updated = ProfileLifecycle.UpdatePartner(current, request.Partner, clock.GetUtcNow());
            var v = new Violations();
            ProfileRules.ValidatePartner(updated.CareTeam.First(p => p.Id == request.Partner.Id), codes, Today(), v);
            v.ThrowIfAny();
            return updated;
        }, context);
    }

    public override Task<Profile> RemoveCarePartner(RemoveCarePartnerRequest request, ServerCallContext context) =>
        ChangeCareTeamAsync(request.ProfileId, current =>
        {
            if (string.IsNullOrEmpty(request.PartnerId)) throw new ValidationException("partner_id", "is required");
            return ProfileLifecycle.RemovePartner(current, request.PartnerId, clock.GetUtcNow());
        }, context);

    public override async Task<ExportProfileResponse> ExportProfile(ExportProfileRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        await LoadOwnedAsync(request.Id, "id", context);
        // Directory keeps the person's bookings and holds; without them the export would not be
        // everything, so Directory being down fails the export (UNAVAILABLE) rather than shortening it.
        var booked = bookingHistory.CallerBookingsAsync(context.RequestHeaders.GetValue("authorization") ?? "", context.CancellationToken);
        // Every profile of the caller in two round trips (their ids, then one pipelined batch), oldest first.
        var owned = await store.ListOwnedAsync(caller, afterId: null, pageSize: int.MaxValue, context.CancellationToken);
        var profiles = owned.Profiles.OrderBy(p => p.Id, StringComparer.Ordinal).Select(Json).ToList();
        var history = await booked;
        var export = new
        {
            subject = caller,
            exportedAt = clock.GetUtcNow(),
            profiles,
            bookings = history.Bookings.Select(Json).ToList(),
            holds = history.Holds.Select(Json).ToList(),
        };
        return new ExportProfileResponse { Json = JsonSerializer.Serialize(export, new JsonSerializerOptions { WriteIndented = true }) };
    }

    private static JsonElement Json(IMessage message) => JsonDocument.Parse(JsonFormatter.Default.Format(message)).RootElement;

    private async Task<Profile> LoadOwnedAsync(string id, string field, ServerCallContext context) =>
        await FindOwnedAsync(id, field, context) ?? throw DomainException.NotFound("Profile", id);

    /// <summary>The caller's profile <paramref name="id"/>, or null when it does not exist or is someone else's.</summary>
    private async Task<Profile?> FindOwnedAsync(string id, string field, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        if (string.IsNullOrEmpty(id)) throw new ValidationException(field, "is required");
        if (id.Length > 64) throw new ValidationException(field, "is not a profile id");
        var profile = await store.GetAsync(id, context.CancellationToken);
        return profile is not null && profile.OwnerId == caller ? profile : null;
    }

    private async Task<Profile> SaveAsync(Profile updated, Profile current, ServerCallContext context)
    {
        if (!await store.ReplaceAsync(updated, current.Version, context.CancellationToken)) throw DomainException.StaleEtag("profile");
        return updated;
    }

    /// <summary>
    /// Care-team calls carry no etag: a concurrent write is not the client's mistake, so the change is
    /// re-applied to a fresh read (a few times) rather than refused as a stale etag.
    /// </summary>
    private async Task<Profile> ChangeCareTeamAsync(string profileId, Func<Profile, Profile> change, ServerCallContext context)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await LoadOwnedAsync(profileId, "profile_id", context);
            var updated = change(current);
            if (await store.ReplaceAsync(updated, current.Version, context.CancellationToken)) return updated;
            if (attempt == MaxCareTeamAttempts) throw DomainException.Aborted("The profile is changing concurrently; retry.");
        }
    }

    /// <summary>
    /// The partner to add, valid: one named by listing must be in the directory (asked once, before the
    /// write, which may be retried) and is stored with the listing's name and modalities.
    /// </summary>
    private async Task<CarePartner> ResolvePartnerAsync(CarePartner? requested, IReadOnlySet<string> codes, CancellationToken cancellationToken)
    {
        if (requested is null) throw new ValidationException("partner", "is required");
        var v = new Violations();
        ProfileRules.ValidatePartner(requested, codes, Today(), v);
        v.ThrowIfAny();
        if (requested.ListingId.Length == 0) return requested;
        var listing = await listings.FindAsync(requested.ListingId, cancellationToken)
            ?? throw new ValidationException("partner.listing_id", "is not a listing in the directory");
        return ProfileLifecycle.FromListing(requested, listing);
    }

    private async Task ValidateAsync(Profile profile, CancellationToken cancellationToken)
    {
        var v = new Violations();
        ProfileRules.Validate(profile, await modalities.CodesAsync(cancellationToken), v);
        v.ThrowIfAny();
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1));
}
