using Bogus;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// The words of synthetic listings: practice names and bios assembled from short phrases, so
/// the text reads plausibly and mentions the modality, orientation, lifestyle and terms the
/// listing actually has (free-text search then finds what the structured fields say).
/// </summary>
internal static class SyntheticBio
{
    private static readonly string[] NatureWords =
    [
        "River", "Stone", "Cedar", "Willow", "Sage", "Juniper", "Heron", "Still Water", "Morning Light", "Oak",
        "Fern", "Hawthorn", "Meadow", "Birch", "Tide", "Mountain", "Hearth", "Wild Rose", "Linden", "Raven",
    ];

    private static readonly Dictionary<ModalityCategory, string[]> PracticeSuffixes = new()
    {
        [ModalityCategory.Physician] = ["Health", "Family Clinic", "Integrative Health"],
        [ModalityCategory.Bodywork] = ["Bodywork", "Massage", "Body Therapies", "Healing Arts"],
        [ModalityCategory.Movement] = ["Movement", "Movement Studio", "Yoga & Movement"],
        [ModalityCategory.Mind] = ["Counselling", "Therapy", "Wellbeing"],
        [ModalityCategory.Energy] = ["Energy Healing", "Healing Arts", "Sanctuary"],
        [ModalityCategory.NutritionHerbal] = ["Nutrition", "Herbals", "Apothecary", "Kitchen"],
        [ModalityCategory.Traditional] = ["Healing", "Wellness", "Traditional Medicine"],
    };

    private static readonly Dictionary<Orientation, string[]> ApproachSentences = new()
    {
        [Orientation.NatureOriented] =
        [
            "Care starts with how you live: food, sleep, movement and time outdoors come before remedies.",
            "I work with the body's own capacity to heal and use the gentlest effective step first.",
            "Sessions are unhurried; your story matters more than a checklist.",
        ],
        [Orientation.Integrative] =
        [
            "I combine conventional assessment with natural approaches and explain the options for each.",
            "We decide together, and I am glad to work alongside your other practitioners.",
            "Evidence guides the plan; your values and lifestyle shape it.",
        ],
        [Orientation.Conventional] =
        [
            "I practise evidence-based medicine and take time to explain findings and choices.",
            "Decisions about tests and treatment are made with you, not for you.",
            "I respect the other care you choose and coordinate with your other practitioners.",
        ],
    };

    public static string PracticeName(Randomizer random, ModalityCategory category)
    {
        var first = random.ArrayElement(NatureWords);
        var second = random.ArrayElement(NatureWords);
        var words = first == second || random.Bool(0.4f) ? first : $"{first} {second}";
        return $"{words} {random.ArrayElement(PracticeSuffixes[category])}";
    }

    public static string Write(Randomizer random, Listing listing, Modality primary, string firstName, string city)
    {
        var years = random.Number(2, 30);
        var sentences = new List<string>
        {
            listing.DisplayName.Contains(firstName, StringComparison.Ordinal)
                ? $"{firstName} has practised {primary.Name} in {city} for {years} years."
                : $"At {listing.DisplayName}, {firstName} has offered {primary.Name} in {city} for {years} years.",
            random.ArrayElement(ApproachSentences[listing.Orientation]),
        };
        if (listing.LifestyleTags.Count > 0)
        {
            var tags = listing.LifestyleTags.Take(3).Select(t => t.Replace('-', ' '));
            sentences.Add($"Clients here often value {string.Join(", ", tags)}.");
        }
        if (listing.Telehealth)
        {
            sentences.Add("Video sessions are available.");
        }
        if (listing.Terms.SlidingScaleMin > 0 || listing.Terms.BarterAccepted.Count > 0)
        {
            sentences.Add("Ask about the sliding scale and trade; no one is turned away for lack of funds.");
        }
        return string.Join(" ", sentences);
    }
}
