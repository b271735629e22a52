using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Tests.Api;

/// <summary>
/// A small world of listings around a random point of its own, so tests sharing the store never
/// see each other's listings (listings default to in-person only for the same reason), with a
/// client living at that point.
/// </summary>
public sealed class World(TestSystem system)
{
    private static readonly Random Places = new();

    public string Client { get; } = "client-" + Guid.NewGuid().ToString("N")[..8];
    public string Practitioner { get; } = "practitioner-" + Guid.NewGuid().ToString("N")[..8];
    public double Lat { get; } = Places.NextDouble() * 100 - 50;
    public double Lon { get; } = Places.NextDouble() * 340 - 170;

    /// <summary>A point <paramref name="km"/> north of the world's centre.</summary>
    public (double Lat, double Lon) North(double km) => (Lat + km / 111.195, Lon);

    public Listing Naturopath(string name, double km = 1)
    {
        var (lat, lon) = North(km);
        var listing = Samples.Naturopath(name, lat, lon);
        listing.Telehealth = false;
        return listing;
    }

    public Listing Cardiologist(string name, bool respectful, double km = 1)
    {
        var (lat, lon) = North(km);
        return Samples.Cardiologist(name, respectful, lat, lon);
    }

    public async Task<Listing> AddAsync(Listing listing) =>
        await system.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As(Practitioner));

    public Profile NatureClient()
    {
        var profile = Samples.NatureClient();
        profile.Home = new GeoPoint { Lat = Lat, Lon = Lon };
        profile.TelehealthOk = false;
        return profile;
    }

    public async Task<Profile> ClientAsync(Profile? profile = null) =>
        await system.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = profile ?? NatureClient() }, Tokens.As(Client));

    /// <summary>Puts <paramref name="partner"/> on the client's care team (regular visits).</summary>
    public Task AddToCareTeamAsync(Profile profile, Listing partner, CareLayer layer = CareLayer.Body) =>
        system.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest
        {
            ProfileId = profile.Id,
            Partner = new CarePartner { ListingId = partner.Id, Layer = layer, Cadence = Cadence.Regular },
        }, Tokens.As(Client)).ResponseAsync;
}
