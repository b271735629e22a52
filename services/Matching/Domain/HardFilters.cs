using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.ServiceDefaults.Languages;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// The rules no match may break, whatever its score. They are pushed down into the directory
/// search and checked again here, so a backend mistake can never show a forbidden match:
/// avoided modalities (except those of the specialty the client explicitly asked for in this very
/// request, by modality or NUCC code: a referral for a specialty they otherwise avoid is their
/// choice to make); out of travel range unless the practitioner visits the client or telehealth
/// suits both; not accepting new clients; no shared language when the client named languages;
/// terms the client cannot meet (unless they asked to see all).
/// </summary>
public static class HardFilters
{
    /// <param name="requested">The modality codes the request asks for by name (FindReferrals' specialty, by modality or NUCC code), exempt from the avoided ones.</param>
    /// <param name="visitsYou">The practitioner comes to the client (<see cref="SearchResult.VisitsYou"/>): no travel for them.</param>
    public static string? Violation(
        Profile profile, Listing listing, double distanceKm, double maxTravelKm, bool includeInfeasibleTerms, IReadOnlySet<string>? requested = null, bool visitsYou = false)
    {
        if (OffersAvoided(profile, listing, requested)) return "offers an avoided modality";
        if (!listing.AcceptingNewClients) return "not accepting new clients";
        var inReach = visitsYou || WithinTravel(distanceKm, maxTravelKm);
        if (!inReach && !(listing.Telehealth && profile.TelehealthOk)) return "out of travel range";
        if (profile.Languages.Count > 0 && !LanguageTag.ShareAny(listing.Languages, profile.Languages))
            return "no shared language";
        if (!includeInfeasibleTerms && !TermsFeasible(profile, listing.Terms)) return "terms the client cannot meet";
        return null;
    }

    /// <summary>A known distance within the travel limit (a metre's rounding allowed).</summary>
    public static bool WithinTravel(double distanceKm, double maxTravelKm) => distanceKm >= 0 && distanceKm <= maxTravelKm + 1e-6;

    private static bool OffersAvoided(Profile profile, Listing listing, IReadOnlySet<string>? requested)
    {
        // Indexed: RepeatedField's enumerator is a heap-allocated iterator (40 B per candidate).
        for (var i = 0; i < listing.Modalities.Count; i++)
        {
            var modality = listing.Modalities[i];
            if (requested?.Contains(modality) != true && profile.AvoidedModalities.Contains(modality)) return true;
        }
        return false;
    }

    /// <summary>
    /// Some way to pay works: lowest fee (sliding-scale floor when there is one) within the budget
    /// in the same currency (<see cref="ClientBudget"/>: a budget of 0 reaches free sessions), or an
    /// accepted barter the client offers, or time-bank hours. A client who gave no budget and no
    /// alternative is not filtered.
    /// </summary>
    public static bool TermsFeasible(Profile profile, ExchangeTerms? terms)
    {
        var budget = ClientBudget.Of(profile);
        var gaveSomething = budget is not null || profile.BarterOffers.Count > 0 || profile.TimeBankHours;
        if (!gaveSomething) return true;
        if (terms is null) return false;
        var lowest = terms.SlidingScaleMin > 0 ? terms.SlidingScaleMin : terms.FeeMin;
        if (ClientBudget.Reaches(budget, lowest, terms.Currency)) return true;
        if (Sets.Overlap(profile.BarterOffers, terms.BarterAccepted)) return true;
        return profile.TimeBankHours && terms.TimeBank;
    }
}
