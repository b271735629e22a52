using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Tests.Performance;

/// <summary>Deterministic synthetic listings spread over the continental US, for index measurements.</summary>
internal static class SyntheticListings
{
    public static readonly string[] Modalities =
    [
        "naturopathy", "massage-therapy", "traditional-chinese-medicine", "herbalism", "chiropractic", "ayurveda",
        "homeopathy", "reiki", "yoga-therapy", "nutrition", "osteopathy", "midwifery", "sound-healing", "breathwork",
        "craniosacral-therapy", "reflexology", "family-medicine", "psychotherapy", "physical-therapy", "qigong",
    ];

    private static readonly string[] Words =
    [
        "gentle", "holistic", "massage", "herbs", "nutrition", "stress", "pain", "sleep", "women", "children", "trauma",
        "digestion", "movement", "breath", "energy", "listening", "story", "community", "garden", "healing", "balance",
        "anxiety", "recovery", "athletes", "seniors", "chronic", "fatigue", "allergies", "skin", "hormones",
    ];

    private static readonly string[] Languages = ["en", "es", "fr", "pt-BR", "zh", "vi"];
    private static readonly string[] Barter = ["produce", "carpentry", "childcare", "eggs", "firewood", "tutoring"];
    private static readonly string[] Tags = ["organic-food", "herbs-first", "plant-based", "movement", "off-grid", "faith"];

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEnumerable<Listing> Generate(int count, int seed = 17)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var listing = new Listing
            {
                Id = $"L{i:D8}",
                OwnerId = $"owner{i}",
                DisplayName = $"{Pick(random, Words)} {Pick(random, Words)} practice {i}",
                Bio = string.Join(' ', Enumerable.Range(0, 40).Select(_ => BioWord(random))),
                Modalities = { Pick(random, Modalities), Pick(random, Modalities) },
                Orientation = (Orientation)random.Next(1, 4),
                LifestyleTags = { Pick(random, Tags) },
                Languages = { "en", Pick(random, Languages) },
                AcceptingNewClients = random.NextDouble() < 0.8,
                Telehealth = random.NextDouble() < 0.3,
                TimeZone = "America/Chicago",
                Terms = new ExchangeTerms
                {
                    Currency = "USD",
                    FeeMin = random.Next(20, 200) * 100,
                    SlidingScaleMin = random.NextDouble() < 0.3 ? random.Next(5, 20) * 100 : 0,
                    BarterAccepted = { random.NextDouble() < 0.2 ? [Pick(random, Barter)] : [] },
                    TimeBank = random.NextDouble() < 0.1,
                },
                Locations = { new Location { Lat = 25 + random.NextDouble() * 24, Lon = -124 + random.NextDouble() * 57 } },
                LastConfirmedTime = Timestamp.FromDateTimeOffset(Now.AddDays(-random.Next(0, 365))),
            };
            listing.Terms.FeeMax = listing.Terms.FeeMin + 5_000;
            yield return listing;
        }
    }

    /// <summary>A quarter of bio words are care words, the rest spread over 2,000 others, so a care word is in ~28% of bios.</summary>
    private static string BioWord(Random random) =>
        random.NextDouble() < 0.25 ? Pick(random, Words) : $"word{random.Next(2_000)}";

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
