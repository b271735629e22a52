using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.Support;

/// <summary>
/// Real data the bad input aims at: a listing with weekly hours owned by <see cref="ListingOwner"/>,
/// a held slot, and a profile owned by <see cref="ProfileOwner"/>. <see cref="Stranger"/> owns nothing.
/// </summary>
public sealed record Seeded(Listing Listing, Profile Profile, Hold Hold)
{
    public string ListingOwner { get; init; } = "";
    public string ProfileOwner { get; init; } = "";
    public const string Stranger = "mallory";

    public static async Task<Seeded> CreateAsync(GrpcChannel gateway, string tag)
    {
        var (listingOwner, profileOwner) = ($"practitioner-{tag}", $"client-{tag}");
        var directory = new DirectoryService.DirectoryServiceClient(gateway);
        var availability = new AvailabilityService.AvailabilityServiceClient(gateway);
        var profiles = new ProfileService.ProfileServiceClient(gateway);

        var listing = await directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath($"Seeded {tag}") }, Tokens.As(listingOwner));
        var request = new SetWeeklyAvailabilityRequest { ListingId = listing.Id, SessionMinutes = 60 };
        foreach (var day in new[] { Weekday.Monday, Weekday.Tuesday, Weekday.Wednesday, Weekday.Thursday, Weekday.Friday, Weekday.Saturday, Weekday.Sunday })
            request.Windows.Add(new WeeklyWindow { Weekday = day, Start = "09:00", End = "17:00" });
        await availability.SetWeeklyAvailabilityAsync(request, Tokens.As(listingOwner));
        var slots = await availability.ListOpenSlotsAsync(new ListOpenSlotsRequest
        {
            ListingId = listing.Id, StartTime = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(2)), PageSize = 1,
        });
        var hold = await availability.HoldSlotAsync(new HoldSlotRequest { ListingId = listing.Id, StartTime = slots.Slots[0].StartTime }, Tokens.As(profileOwner));
        var profile = await profiles.CreateProfileAsync(new CreateProfileRequest { Profile = Samples.NatureClient() }, Tokens.As(profileOwner));
        return new Seeded(listing, profile, hold) { ListingOwner = listingOwner, ProfileOwner = profileOwner };
    }
}
