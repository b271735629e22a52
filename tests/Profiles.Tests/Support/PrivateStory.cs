using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>
/// A profile whose private free text carries words found nowhere else, so a test can look for
/// them in the store or the logs.
/// </summary>
public static class PrivateStory
{
    public const string StoryWord = "quillabrunnel";
    public const string NameWord = "Zephyrinthe";
    public const string PartnerWord = "Thornwicket";

    public static Profile Profile()
    {
        var profile = Samples.NatureClient();
        profile.DisplayName = NameWord + " Moss";
        profile.Story = $"Since the {StoryWord} diagnosis I sleep badly; my grief about my mother comes back at night.";
        return profile;
    }

    public static CarePartner Partner() => new()
    {
        Name = PartnerWord + ", my grief counsellor",
        Layer = CareLayer.Mind,
        Cadence = Cadence.Intensive,
    };

    public static IEnumerable<string> Words => [StoryWord, NameWord, PartnerWord];
}
