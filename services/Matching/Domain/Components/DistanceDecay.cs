using System.Globalization;

namespace HealingNetwork.Matching.Domain.Components;

/// <summary>
/// Distance decay: 1 / (1 + (d / s)²) with s = max(5 km, max_travel_km / 2), so a practitioner at
/// half the client's travel limit scores 0.5. A practitioner who comes to the client's home scores
/// 1 (in person, no travel: what a client who travels badly most needs). A practitioner reached
/// only by telehealth scores 0.6 (no travel, but not in person). One within reach who also offers
/// telehealth, to a client who takes it, scores at least that 0.6: the client can always choose
/// the call, so being near can only add (before, the same practitioner scored 0.2 at the edge of the
/// travel limit and 0.6 just beyond it).
/// <para>
/// Referrals (<see cref="Referral"/>) lift in-person reach onto that floor:
/// 0.6 + 0.4 × 1 / (1 + (d / s)²), with the referral's radius as the limit, so from 1 next door
/// to 0.68 at the edge of the radius, and never below a specialist reached only by telehealth. A
/// specialist is needed for a serious medical situation (the essay: "a good cardiologist, or
/// surgeon"), where examinations and procedures are in person, and every in-person specialist
/// inside the radius is one the client said they would reach (the radius is theirs: `near`, or
/// their travel limit widened to 50 km). With the plain curve an in-person cardiologist 20 km
/// into a 30 km radius (0.36) lost to a telehealth one 3,000 km away (0.6), and a remote-capable
/// one nearby scored less than the same one far away. Nearer still ranks first among those in
/// reach, and respect, half the referral score, still outweighs the distance.
/// </para>
/// </summary>
public sealed class DistanceDecay(double inPersonFloor = 0) : IScoreComponent
{
    public const double RemoteValue = 0.6;

    /// <summary>The referral curve: in-person reach never scores below telehealth (see above).</summary>
    public static DistanceDecay Referral { get; } = new(RemoteValue);

    public string Name => "distance";

    public const double HomeVisitValue = 1;

    public double Value(MatchContext c) =>
        c.VisitsYou ? HomeVisitValue : c.RemoteOnly ? (c.Listing.Telehealth ? RemoteValue : 0) : Math.Max(InPerson(c.DistanceKm, Scale(c)), TelehealthFloor(c));

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
        var curve = $"1 / (1 + ({km} km / {scale:0.#} km)²)";
        var formula = inPersonFloor > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{inPersonFloor:0.##} + {1 - inPersonFloor:0.##} × {curve}")
            : curve;
        var inPerson = InPerson(c.DistanceKm, scale);
        if (TelehealthFloor(c) > inPerson)
            return ComponentScore.Of(RemoteValue, string.Create(CultureInfo.InvariantCulture, $"max({curve}, telehealth {RemoteValue:0.##})"),
                $"Sees you by telehealth, or in person {reason[0..1].ToLowerInvariant()}{reason[1..]}");
        return ComponentScore.Of(inPerson, formula, reason);
    }

    /// <summary>The telehealth value when the client could take this practitioner's calls instead of travelling; else 0.</summary>
    private static double TelehealthFloor(MatchContext c) => c.Listing.Telehealth && c.Profile.TelehealthOk ? RemoteValue : 0;

    private static double Scale(MatchContext c) => Math.Max(5, c.MaxTravelKm / 2);

    private double InPerson(double km, double scale) =>
        Math.Clamp(inPersonFloor + (1 - inPersonFloor) / (1 + Math.Pow(km / scale, 2)), 0, 1);
}
