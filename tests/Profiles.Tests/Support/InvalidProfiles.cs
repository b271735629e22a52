using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>
/// One broken field each, applied to the valid sample profile, with the field path the client
/// must be told about (paths as in CreateProfile: "profile.…").
/// </summary>
public static class InvalidProfiles
{
    private static readonly Dictionary<string, (Action<Profile> Break, string Field)> Cases = new()
    {
        ["unknown orientation"] = (p => p.Orientation = (Orientation)99, "profile.orientation"),
        ["display name too long"] = (p => p.DisplayName = new string('a', 121), "profile.display_name"),
        ["display name with control character"] = (p => p.DisplayName = "Riv\u0001er", "profile.display_name"),
        ["display name with a line break"] = (p => p.DisplayName = "River\r\nStone", "profile.display_name"),
        ["lifestyle tag not kebab-case"] = (p => p.LifestyleTags.Add("Slow Food"), "profile.lifestyle_tags[2]"),
        ["lifestyle tag repeated"] = (p => p.LifestyleTags.Add("organic-food"), "profile.lifestyle_tags[2]"),
        ["too many lifestyle tags"] = (p => p.LifestyleTags.AddRange(Enumerable.Range(0, 29).Select(i => $"tag-{i}")), "profile.lifestyle_tags"),
        ["unknown sought modality"] = (p => p.SoughtModalities.Add("crystal-gazing-x"), "profile.sought_modalities[1]"),
        ["too many sought modalities"] = (p => p.SoughtModalities.AddRange(Enumerable.Range(0, 20).Select(i => $"m-{i}")), "profile.sought_modalities"),
        ["unknown avoided modality"] = (p => p.AvoidedModalities.Add("crystal-gazing-x"), "profile.avoided_modalities[0]"),
        ["avoided modality also sought"] = (p => p.AvoidedModalities.Add("naturopathy"), "profile.avoided_modalities"),
        ["latitude beyond 90"] = (p => p.Home.Lat = 90.5, "profile.home.lat"),
        ["latitude not a number"] = (p => p.Home.Lat = double.NaN, "profile.home.lat"),
        ["longitude beyond -180"] = (p => p.Home.Lon = -180.5, "profile.home.lon"),
        ["negative travel distance"] = (p => p.MaxTravelKm = -1, "profile.max_travel_km"),
        ["travel distance beyond 1000 km"] = (p => p.MaxTravelKm = 1000.5, "profile.max_travel_km"),
        ["no home and no telehealth"] = (p => { p.Home = null; p.TelehealthOk = false; }, "profile.home"),
        ["malformed language"] = (p => p.Languages.Add("english!"), "profile.languages[1]"),
        ["language repeated in another case"] = (p => p.Languages.Add("EN"), "profile.languages[1]"),
        ["too many languages"] = (p => p.Languages.AddRange(["de", "fr", "es", "it", "pt", "nl", "sv", "da", "fi", "pl"]), "profile.languages"),
        ["lower-case currency"] = (p => p.Budget.Currency = "usd", "profile.budget.currency"),
        ["unknown currency"] = (p => p.Budget.Currency = "XYZ", "profile.budget.currency"),
        ["amount without currency"] = (p => p.Budget.Currency = "", "profile.budget.currency"),
        ["negative budget"] = (p => p.Budget.MaxPerSession = -1, "profile.budget.max_per_session"),
        ["barter offer not kebab-case"] = (p => p.BarterOffers.Add("Fresh Eggs"), "profile.barter_offers[1]"),
        ["lifestyle weight above 10"] = (p => p.Weights = new MatchWeights { Lifestyle = 10.5 }, "profile.weights.lifestyle"),
        ["modality weight negative"] = (p => p.Weights = new MatchWeights { Modality = -1 }, "profile.weights.modality"),
        ["distance weight above 10"] = (p => p.Weights = new MatchWeights { Distance = 11 }, "profile.weights.distance"),
        ["terms weight negative"] = (p => p.Weights = new MatchWeights { Terms = -0.1 }, "profile.weights.terms"),
        ["availability weight above 10"] = (p => p.Weights = new MatchWeights { Availability = 100 }, "profile.weights.availability"),
        ["approach weight not a number"] = (p => p.Weights = new MatchWeights { Approach = double.NaN }, "profile.weights.approach"),
        ["story too long"] = (p => p.Story = new string('s', 8001), "profile.story"),
        ["story with control character"] = (p => p.Story = "Tired\u0007 for years", "profile.story"),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    /// <summary>The sample profile with the named field broken, and the path that names it.</summary>
    public static (Profile Profile, string Field) Make(string name)
    {
        var (breakIt, field) = Cases[name];
        var profile = Samples.NatureClient();
        breakIt(profile);
        return (profile, field);
    }
}
