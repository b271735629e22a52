using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Matching.Scenarios;

/// <summary>
/// One scenario's small world: practices around a random point of its own (so scenarios sharing
/// a store never meet), in person only unless a scenario says otherwise, and one client living
/// at the centre. Practices and clients start as plain, decent defaults that each scenario bends.
/// </summary>
public sealed class ScenarioWorld(IScenarioSystem system, double? lat = null, double? lon = null)
{
    private static readonly Random Places = new();

    public string ClientUser { get; } = "client-" + Guid.NewGuid().ToString("N")[..10];
    public string PractitionerUser { get; } = "practitioner-" + Guid.NewGuid().ToString("N")[..10];
    public double Lat { get; } = lat ?? Places.NextDouble() * 100 - 50;
    public double Lon { get; } = lon ?? Places.NextDouble() * 340 - 170;

    public async Task<Listing> PracticeAsync(string name, string modality, double km = 1, Action<Listing>? shape = null)
    {
        var listing = new Listing
        {
            DisplayName = name,
            Bio = $"{name}: care that starts from your story.",
            Modalities = { modality },
            Orientation = Orientation.Integrative,
            Licensure = new Licensure { Kind = LicensureKind.Certified, Credential = "Certified practitioner" },
            Approach = new Approach { SharedDecisions = true, InformsOfOptions = true, IntakeMinutes = 60, TypicalTrialWeeks = 6, CostEstimate = 40000 },
            Terms = new ExchangeTerms { Currency = "USD", FeeMin = 8000, FeeMax = 12000 },
            Locations = { new Location { Lat = Lat + km / 111.195, Lon = Lon, City = "Scenario town", Region = "Somewhere", Country = "US" } },
            Languages = { "en" },
            AcceptingNewClients = true,
            TimeZone = "America/Chicago",
        };
        shape?.Invoke(listing);
        return await CreateAsync(listing);
    }

    /// <summary>A conventional cardiologist (sample), respectful or not.</summary>
    public async Task<Listing> CardiologistAsync(string name, bool respectful, double km, Action<Listing>? shape = null)
    {
        var listing = Samples.Cardiologist(name, respectful, Lat + km / 111.195, Lon);
        shape?.Invoke(listing);
        return await CreateAsync(listing);
    }

    private async Task<Listing> CreateAsync(Listing listing) =>
        await system.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As(PractitionerUser));

    public const string Cardiology = "207RC0000X";

    public async Task<Profile> ClientAsync(Action<Profile>? shape = null, params (string Name, CareLayer Layer, string Modality)[] careTeam)
    {
        var profile = new Profile
        {
            DisplayName = "Scenario client",
            Orientation = Orientation.NatureOriented,
            LifestyleTags = { "organic-food", "herbs-first" },
            Home = new GeoPoint { Lat = Lat, Lon = Lon },
            MaxTravelKm = 25,
            TelehealthOk = false,
            Languages = { "en" },
            Budget = new Budget { Currency = "USD", MaxPerSession = 15000 },
        };
        shape?.Invoke(profile);
        var created = await system.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = profile }, Tokens.As(ClientUser));
        foreach (var (name, layer, modality) in careTeam)
        {
            await system.Profiles.AddCarePartnerAsync(new AddCarePartnerRequest
            {
                ProfileId = created.Id,
                Partner = new CarePartner { Name = name, Layer = layer, Cadence = Cadence.Regular, Modalities = { modality } },
            }, Tokens.As(ClientUser));
        }
        return created;
    }

    public async Task<IReadOnlyList<Match>> MatchesAsync(Profile profile, MatchFilters? filters = null, MatchWeights? weights = null)
    {
        var request = new FindMatchesRequest { ProfileId = profile.Id, PageSize = 50, Filters = filters, Weights = weights };
        return (await system.Matching.FindMatchesAsync(request, Tokens.As(ClientUser))).Matches;
    }

    public async Task<IReadOnlyList<Match>> ReferralsAsync(Profile profile, string specialty) =>
        (await system.Matching.FindReferralsAsync(new FindReferralsRequest { ProfileId = profile.Id, Specialty = specialty }, Tokens.As(ClientUser))).Referrals;

    public Task<SuggestCareTeamResponse> CareTeamAsync(Profile profile) =>
        system.Matching.SuggestCareTeamAsync(new SuggestCareTeamRequest { ProfileId = profile.Id }, Tokens.As(ClientUser)).ResponseAsync;
}
