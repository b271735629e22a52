using System.Globalization;

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// Distance decay: 1 / (1 + (d / s)²) with s = max(5 km, max_travel_km / 2), so a practitioner at
/// half the client's travel limit scores 0.5. A practitioner who comes to the client's home scores
/// 1 (in person, no travel: what a client who travels badly most needs). A practitioner reached
/// only by telehealth scores 0.6 (no travel, but not in person).
/// </summary>
public sealed class DistanceDecay : IScoreComponent
{
    public const double RemoteValue = 0.6;

    public string Name => "distance";

    public const double HomeVisitValue = 1;

    public double Value(MatchContext c) =>
        c.VisitsYou ? HomeVisitValue : c.RemoteOnly ? (c.Listing.Telehealth ? RemoteValue : 0) : Decay(c.DistanceKm, Scale(c));

    public ComponentScore Evaluate(MatchContext c)
    {
        if (c.VisitsYou)
        {
            var away = c.DistanceKm.ToString("0.#", CultureInfo.InvariantCulture);
            // With a referral's `near` the visit area was checked against the place searched, not the client's home.
            var to = c.FromSearchedPoint ? "the place you searched" : "you";
            return ComponentScore.Of(HomeVisitValue, "home visits: no travel", $"Comes to {to} (from {away} km away)");
        }
        if (c.RemoteOnly)
        {
            return c.Listing.Telehealth
                ? ComponentScore.Of(RemoteValue, "telehealth: no travel", "Sees you by telehealth")
                : ComponentScore.Of(0, "out of reach");
        }
        var scale = Scale(c);
        var km = c.DistanceKm.ToString("0.#", CultureInfo.InvariantCulture);
        // A referral with `near` measures from the place searched; the client may live elsewhere.
        var from = c.FromSearchedPoint ? "from the place you searched" : "from you";
        var reason = c.DistanceKm < 1 ? $"Less than 1 km {from}" : $"{km} km {from}";
        return ComponentScore.Of(Decay(c.DistanceKm, scale), $"1 / (1 + ({km} km / {scale:0.#} km)²)", reason);
    }

    private static double Scale(MatchContext c) => Math.Max(5, c.MaxTravelKm / 2);

    private static double Decay(double km, double scale) => Math.Clamp(1 / (1 + Math.Pow(km / scale, 2)), 0, 1);
}
