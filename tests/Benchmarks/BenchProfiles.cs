using HealingNetwork.Directory.Domain;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Benchmarks;

/// <summary>
/// Deterministic client profiles near the synthetic listings' cities: the same mix of lifestyle
/// tags, budgets, barter offers and travel distances on every run.
/// </summary>
public static class BenchProfiles
{
    private static readonly string[] Sought = ["massage-therapy", "naturopathy", "tcm-acupuncture", "yoga-therapy", "psychotherapy", "western-herbalism"];

    public static Profile Create(int i)
    {
        var random = new Random(1_000 + i);
        var region = SyntheticRegion.All[i % SyntheticRegion.All.Count];
        var profile = new Profile
        {
            Orientation = (Directory.V1.Orientation)(1 + random.Next(3)),
            Home = new GeoPoint { Lat = region.Lat + random.NextDouble() * 0.1, Lon = region.Lon + random.NextDouble() * 0.1 },
            MaxTravelKm = 10 + random.Next(40),
            TelehealthOk = random.Next(3) == 0,
            Budget = new Budget { Currency = region.Currency, MaxPerSession = (40 + random.Next(120)) * 100L * region.FeeScale },
            SlidingScaleNeeded = random.Next(4) == 0,
        };
        profile.LifestyleTags.AddRange(SyntheticListings.LifestyleTags.OrderBy(_ => random.Next()).Take(1 + random.Next(5)));
        profile.SoughtModalities.Add(Sought[random.Next(Sought.Length)]);
        profile.Languages.Add(region.Languages[0]);
        if (random.Next(3) == 0) profile.BarterOffers.Add(SyntheticListings.BarterCategories[random.Next(SyntheticListings.BarterCategories.Count)]);
        return profile;
    }
}
