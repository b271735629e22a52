using System.Globalization;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>The single-valued listing fields HSDS has no column for, keyed by proto field path.</summary>
public static class HsdsListingFields
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<HsdsScalarField> All { get; } =
    [
        Enum("orientation", "Orientation", l => l.Orientation, (l, v) => l.Orientation = v),
        Enum("licensure.kind", "Licensure", l => l.Licensure?.Kind ?? default, (l, v) => Lic(l).Kind = v),
        Text("licensure.licence_number", "Licence number", l => l.Licensure?.LicenceNumber, (l, v) => Lic(l).LicenceNumber = v),
        Text("licensure.jurisdiction", "Licensing jurisdiction", l => l.Licensure?.Jurisdiction, (l, v) => Lic(l).Jurisdiction = v),
        Text("licensure.credential", "Credential", l => l.Licensure?.Credential, (l, v) => Lic(l).Credential = v),
        Flag("approach.shared_decisions", "Shares decisions", l => l.Approach?.SharedDecisions == true, (l, v) => App(l).SharedDecisions = v),
        Flag("approach.informs_of_options", "Informs of options", l => l.Approach?.InformsOfOptions == true, (l, v) => App(l).InformsOfOptions = v),
        Flag("approach.lifestyle_focus", "Lifestyle focus", l => l.Approach?.LifestyleFocus == true, (l, v) => App(l).LifestyleFocus = v),
        Number("approach.intake_minutes", "First visit (minutes)", l => l.Approach?.IntakeMinutes ?? 0, (l, v) => App(l).IntakeMinutes = (int)v, int.MaxValue),
        Number("approach.typical_trial_weeks", "Typical trial (weeks)", l => l.Approach?.TypicalTrialWeeks ?? 0, (l, v) => App(l).TypicalTrialWeeks = (int)v, int.MaxValue),
        Number("approach.cost_estimate", "Trial cost estimate (minor units)", l => l.Approach?.CostEstimate ?? 0, (l, v) => App(l).CostEstimate = v, long.MaxValue),
        Flag("approach.sells_products", "Sells products", l => l.Approach?.SellsProducts == true, (l, v) => App(l).SellsProducts = v),
        new("approach.product_share", "Product share (0..1)",
            l => (l.Approach?.ProductShare ?? 0) is var share && share != 0 ? share.ToString("R", Inv) : null,
            (l, s) => double.TryParse(s, NumberStyles.Float, Inv, out var d) && double.IsFinite(d) && Set(() => App(l).ProductShare = d)),
        Flag("terms.time_bank", "Accepts time-bank hours", l => l.Terms?.TimeBank == true, (l, v) => Terms(l).TimeBank = v),
        Flag("accepting_new_clients", "Accepting new clients", l => l.AcceptingNewClients, (l, v) => l.AcceptingNewClients = v),
        Text("time_zone", "Time zone (IANA)", l => l.TimeZone, (l, v) => l.TimeZone = v),
    ];

    public static HsdsScalarField? Find(string code) => All.FirstOrDefault(f => f.Code == code);

    // Readers see a missing sub-message as its defaults; writers (import) create it.
    private static Licensure Lic(Listing l) => l.Licensure ??= new Licensure();
    private static Approach App(Listing l) => l.Approach ??= new Approach();
    private static ExchangeTerms Terms(Listing l) => l.Terms ??= new ExchangeTerms();

    private static bool Set(Action set) { set(); return true; }

    private static HsdsScalarField Text(string code, string label, Func<Listing, string?> read, Action<Listing, string> write) =>
        new(code, label, l => read(l) is { Length: > 0 } s ? s : null, (l, s) => Set(() => write(l, s)));

    private static HsdsScalarField Flag(string code, string label, Func<Listing, bool> read, Action<Listing, bool> write) =>
        new(code, label, l => read(l) ? "true" : null, (l, s) => bool.TryParse(s, out var b) && Set(() => write(l, b)));

    /// <summary>An integer; values beyond <paramref name="max"/> (the field's type) do not parse.</summary>
    private static HsdsScalarField Number(string code, string label, Func<Listing, long> read, Action<Listing, long> write, long max) =>
        new(code, label, l => read(l) is var n && n != 0 ? n.ToString(Inv) : null,
            (l, s) => long.TryParse(s, NumberStyles.AllowLeadingSign, Inv, out var n) && n >= -max - 1 && n <= max && Set(() => write(l, n)));

    private static HsdsScalarField Enum<T>(string code, string label, Func<Listing, T> read, Action<Listing, T> write) where T : struct, System.Enum =>
        new(code, label, l => read(l) is var e && !e.Equals(default(T)) ? ProtoEnumNames.Name(e) : null,
            (l, s) => ProtoEnumNames.TryParse<T>(s, out var e) && Set(() => write(l, e)));
}
