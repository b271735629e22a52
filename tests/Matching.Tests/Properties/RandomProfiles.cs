using HealingNetwork.Directory.Domain;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Tests.Properties;

/// <summary>
/// Seeded random client profiles that pass profile validation, each living near one of the
/// given anchor listings (so matches are possible) and sometimes far from all of them.
/// </summary>
internal sealed class RandomProfiles(int seed, IReadOnlyList<Listing> anchors)
{
    private static readonly string[] Languages = ["en", "es", "fr", "de", "pt", "pt-BR", "zh", "zh-Hant"];
    private static readonly string[] Currencies = ["USD", "USD", "USD", "CAD", "MXN", "EUR", "GBP", "AUD"];
    private static readonly string[] Modalities = ModalityTaxonomy.Default.All.Select(m => m.Code).ToArray();

    private readonly Random _random = new(seed);

    public Profile Next()
    {
        var profile = new Profile
        {
            DisplayName = "Client " + _random.Next(10_000),
            Orientation = (Orientation)_random.Next(0, 4),
            MaxTravelKm = _random.Next(3, 80),
            TelehealthOk = _random.NextDouble() < 0.5,
            SlidingScaleNeeded = _random.NextDouble() < 0.3,
            TimeBankHours = _random.NextDouble() < 0.2,
        };
        profile.LifestyleTags.AddRange(Some(SyntheticListings.LifestyleTags, 0, 4));
        profile.SoughtModalities.AddRange(Some(Modalities, 0, 2));
        profile.AvoidedModalities.AddRange(Some(Modalities.Except(profile.SoughtModalities).ToArray(), 0, 6));
        profile.Languages.AddRange(Some(Languages, 0, 2));
        profile.BarterOffers.AddRange(Some(SyntheticListings.BarterCategories, 0, 2));
        if (_random.NextDouble() < 0.7)
        {
            var currency = Currencies[_random.Next(Currencies.Length)];
            profile.Budget = new Budget { Currency = currency, MaxPerSession = _random.Next(20, 200) * 100L * (currency == "MXN" ? 10 : 1) };
        }
        if (_random.NextDouble() < 0.9 || !profile.TelehealthOk)
        {
            var anchor = anchors[_random.Next(anchors.Count)].Locations[0];
            var far = _random.NextDouble() < 0.1;
            profile.Home = new GeoPoint
            {
                Lat = Math.Clamp(anchor.Lat + Jitter(far ? 5 : 0.3), -89, 89),
                Lon = Math.Clamp(anchor.Lon + Jitter(far ? 5 : 0.3), -179, 179),
            };
        }
        return profile;
    }

    private double Jitter(double degrees) => (_random.NextDouble() * 2 - 1) * degrees;

    private IEnumerable<string> Some(IReadOnlyList<string> pool, int min, int max)
    {
        var count = _random.Next(min, max + 1);
        return Enumerable.Range(0, count).Select(_ => pool[_random.Next(pool.Count)]).Distinct().ToArray();
    }
}
