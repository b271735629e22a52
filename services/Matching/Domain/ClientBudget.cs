using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Matching.Domain;

/// <summary>
/// The money a client said they can pay per session. A budget that names a currency is one, and its
/// max_per_session of 0 means "nothing in money": free sessions only, as SearchListings' max_fee 0
/// reads it (a client with $0 is not richer than one with $1 for a session that costs nothing).
/// A budget without a currency is no budget given.
/// </summary>
public static class ClientBudget
{
    public static Budget? Of(Profile profile) => profile.Budget is { Currency.Length: > 0 } budget ? budget : null;

    /// <summary>True when the lowest fee a listing asks (its sliding-scale floor when it has one) is within the budget, in its currency.</summary>
    public static bool Reaches(Budget? budget, long lowestFee, string currency) =>
        budget is not null && budget.Currency == currency && lowestFee <= budget.MaxPerSession;
}
