using Bogus;
using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;
using static HealingNetwork.Directory.Domain.SyntheticPracticeRules;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// Draws one synthetic listing after another from a single seeded <see cref="Randomizer"/>.
/// Every draw goes through that one randomizer (Bogus name data sets included), so the output
/// depends on the seed alone. Correlations between fields come from <see cref="SyntheticPracticeRules"/>.
/// </summary>
internal sealed class SyntheticListingFactory
{
    private const double KmPerDegree = 111.32;
    private const double CityRadiusKm = 15;

    private static readonly SyntheticRegion[] Regions = SyntheticRegion.All.ToArray();
    private static readonly Modality[] AllModalities = ModalityTaxonomy.Default.All.ToArray();

    private static readonly ModalityCategory[] Categories =
    [
        ModalityCategory.Physician, ModalityCategory.Bodywork, ModalityCategory.Movement, ModalityCategory.Mind,
        ModalityCategory.Energy, ModalityCategory.NutritionHerbal, ModalityCategory.Traditional,
    ];

    // Physicians are the largest group of listings, as they are of practitioners.
    private static readonly int[] CategoryWeights = [25, 15, 12, 18, 10, 10, 10];

    private static readonly Dictionary<ModalityCategory, Modality[]> ByCategory =
        AllModalities.GroupBy(m => m.Category).ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly Modality[] Physicians = ByCategory.GetValueOrDefault(ModalityCategory.Physician) ?? [];
    private static readonly Modality[] NonSpecialists = AllModalities.Where(m => !IsMedicalSpecialty(m)).ToArray();

    private static readonly Orientation[] Orientations =
        [Orientation.NatureOriented, Orientation.Integrative, Orientation.Conventional];

    private static readonly string[] ExtraLanguages = ["es", "fr", "zh", "vi", "ko", "pt", "ar", "tl", "de", "hi"];
    // ListItems wants an IList; copied once rather than per listing.
    private static readonly List<string> LifestyleTags = SyntheticListings.LifestyleTags.ToList();
    private static readonly List<string> BarterCategories = SyntheticListings.BarterCategories.ToList();

    private static readonly string[] TraditionalCredentials = ["", "Family lineage", "Apprenticeship", "Community-recognised healer"];

    private readonly Randomizer _random;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, Bogus.DataSets.Name> _namesByLocale;

    public SyntheticListingFactory(int seed, DateTimeOffset now)
    {
        _random = new Randomizer(seed);
        _now = now;
        _namesByLocale = SyntheticRegion.All.Select(r => r.BogusLocale).Distinct()
            .ToDictionary(locale => locale, locale => new Bogus.DataSets.Name(locale) { Random = _random });
    }

    public Listing Next()
    {
        var region = _random.ArrayElement(Regions);
        var modalities = DrawModalities();
        var primary = modalities[0];
        var orientation = Pick(Orientations, OrientationWeights(primary));
        var names = _namesByLocale[region.BogusLocale];
        var (first, last) = (names.FirstName(), names.LastName());
        // A licence held for any listed modality is the one shown (an LCSW who also does EFT).
        var licensed = modalities.FirstOrDefault(m => KindOf(m) == LicensureKind.StateLicensed) ?? primary;
        var licensure = DrawLicensure(licensed, region);

        var listing = new Listing
        {
            DisplayName = DisplayName(licensed, licensure, first, last),
            Modalities = { modalities.Select(m => m.Code) },
            Specialties = { modalities.Where(m => m.NuccCode.Length > 0).Select(m => m.NuccCode) },
            Orientation = orientation,
            LifestyleTags = { DrawLifestyleTags(orientation) },
            Licensure = licensure,
            Telehealth = _random.Bool(TelehealthChance(primary)),
            Languages = { DrawLanguages(region) },
            AcceptingNewClients = _random.Bool(0.85f),
            TimeZone = region.TimeZone,
            LastConfirmedTime = Timestamp.FromDateTimeOffset(_now - TimeSpan.FromSeconds(_random.Number(0, 150 * 24 * 3600))),
        };
        listing.Terms = DrawTerms(primary, region);
        listing.Approach = DrawApproach(primary, orientation, listing);
        listing.Locations.Add(DrawLocation(region, primary));
        if (_random.Bool(0.15f))
        {
            listing.Locations.Add(DrawLocation(region, primary));
        }
        listing.Bio = SyntheticBio.Write(_random, listing, primary, first, region.City);
        return listing;
    }

    private List<Modality> DrawModalities()
    {
        var category = Pick(Categories, CategoryWeights);
        var primary = _random.ArrayElement(ByCategory[category]);
        var chosen = new List<Modality> { primary };
        if (IsMedicalSpecialty(primary))
        {
            // A specialist occasionally also lists a second board (cardiology + internal medicine).
            if (_random.Bool(0.2f))
            {
                AddDistinct(chosen, _random.ArrayElement(Physicians));
            }
            return chosen;
        }
        var extra = Pick([0, 1, 2, 3], [40, 35, 18, 7]);
        for (var i = 0; i < extra; i++)
        {
            var pool = _random.Bool(0.6f) ? ByCategory[primary.Category] : NonSpecialists;
            AddDistinct(chosen, _random.ArrayElement(pool));
        }
        return chosen;
    }

    private Licensure DrawLicensure(Modality licensed, SyntheticRegion region)
    {
        var kind = KindOf(licensed);
        var credential = CredentialOf(licensed) ?? (_random.Bool(0.85f) ? "MD" : "DO");
        if (kind == LicensureKind.Traditional)
        {
            credential = _random.ArrayElement(TraditionalCredentials);
        }
        var licensure = new Licensure { Kind = kind, Credential = credential };
        if (kind == LicensureKind.StateLicensed)
        {
            licensure.LicenceNumber = $"{LicencePrefix(credential)}-{_random.Replace("######")}";
            licensure.Jurisdiction = region.Jurisdiction;
        }
        else if (kind == LicensureKind.Certified && _random.Bool(0.5f))
        {
            licensure.LicenceNumber = _random.Replace("C-#####");
        }
        return licensure;
    }

    private string DisplayName(Modality licensed, Licensure licensure, string first, string last)
    {
        if (IsMedicalDoctor(licensed) || licensed.Code is "naturopathy" or "chiropractic" or "osteopathic-medicine" or "homeopathy")
        {
            return $"Dr. {first} {last}, {licensure.Credential}";
        }
        if (licensure.Kind == LicensureKind.StateLicensed && _random.Bool(0.7f))
        {
            return $"{first} {last}, {licensure.Credential}";
        }
        return _random.Bool(0.45f) ? SyntheticBio.PracticeName(_random, licensed.Category) : $"{first} {last}";
    }

    private IEnumerable<string> DrawLifestyleTags(Orientation orientation)
    {
        var count = orientation switch
        {
            Orientation.NatureOriented => _random.Number(3, 8),
            Orientation.Integrative => _random.Number(1, 6),
            _ => _random.Number(0, 2),
        };
        return _random.ListItems(LifestyleTags, count);
    }

    private IEnumerable<string> DrawLanguages(SyntheticRegion region)
    {
        var languages = new List<string>();
        // English-speaking regions always list it; elsewhere most practitioners in cities also do.
        if (region.Languages[0] == "en" || _random.Bool(0.7f))
        {
            languages.Add("en");
        }
        foreach (var language in region.Languages)
        {
            if (!languages.Contains(language) && (language == region.Languages[0] || _random.Bool(0.5f)))
            {
                languages.Add(language);
            }
        }
        if (_random.Bool(0.12f))
        {
            var extra = _random.ArrayElement(ExtraLanguages);
            if (!languages.Contains(extra))
            {
                languages.Add(extra);
            }
        }
        return languages;
    }

    private ExchangeTerms DrawTerms(Modality primary, SyntheticRegion region)
    {
        var (low, high) = FeeRange(primary);
        var feeMin = RoundTo(_random.Number(low, high), 500);
        var feeMax = feeMin + RoundTo(_random.Number(0, 8000), 500);
        var slidingChance = IsMedicalSpecialty(primary) ? 0.1f : primary.Category == ModalityCategory.Mind ? 0.55f : 0.45f;
        var slidingMin = _random.Bool(slidingChance) ? RoundTo((int)(feeMin * _random.Double(0.3, 0.9)), 500) : 0;
        var terms = new ExchangeTerms
        {
            Currency = region.Currency,
            FeeMin = (long)feeMin * region.FeeScale,
            FeeMax = (long)feeMax * region.FeeScale,
            SlidingScaleMin = (long)slidingMin * region.FeeScale,
            TimeBank = _random.Bool(IsMedicalSpecialty(primary) ? 0.01f : 0.12f),
        };
        if (_random.Bool(BarterChance(primary)))
        {
            terms.BarterAccepted.Add(_random.ListItems(BarterCategories, _random.Number(1, 4)));
        }
        return terms;
    }

    private Approach DrawApproach(Modality primary, Orientation orientation, Listing listing)
    {
        var conventional = orientation == Orientation.Conventional;
        var nature = orientation == Orientation.NatureOriented;
        var trialWeeks = IsMedicalSpecialty(primary) ? _random.Number(0, 6) : _random.Number(2, 16);
        var sessions = Math.Max(1, (int)Math.Round(trialWeeks * SessionsPerWeek(primary)));
        var sellsProducts = _random.Bool(SellsProductsChance(primary));
        var approach = new Approach
        {
            SharedDecisions = _random.Bool(conventional ? 0.55f : 0.85f),
            InformsOfOptions = _random.Bool(conventional ? 0.5f : 0.8f),
            LifestyleFocus = _random.Bool(nature ? 0.85f : conventional ? 0.2f : 0.6f),
            IntakeMinutes = RoundTo(conventional ? _random.Number(15, 60) : _random.Number(30, 120), 5),
            TypicalTrialWeeks = trialWeeks,
            CostEstimate = RoundTo64(sessions * (listing.Terms.FeeMin + listing.Terms.FeeMax) / 2, 100),
            SellsProducts = sellsProducts,
            ProductShare = sellsProducts ? Math.Round(_random.Double(0.05, 0.8), 2) : 0,
        };
        var collaborators = _random.Number(0, conventional ? 2 : 4);
        for (var i = 0; i < collaborators; i++)
        {
            var code = _random.ArrayElement(AllModalities).Code;
            if (!listing.Modalities.Contains(code) && !approach.CollaboratesWith.Contains(code))
            {
                approach.CollaboratesWith.Add(code);
            }
        }
        return approach;
    }

    private Location DrawLocation(SyntheticRegion region, Modality primary)
    {
        // Uniform over a disc around the city centre: sqrt keeps the density even towards the edge.
        var distanceKm = CityRadiusKm * Math.Sqrt(_random.Double());
        var bearing = _random.Double(0, 2 * Math.PI);
        var lat = region.Lat + distanceKm * Math.Cos(bearing) / KmPerDegree;
        var lon = region.Lon + distanceKm * Math.Sin(bearing) / (KmPerDegree * Math.Cos(region.Lat * Math.PI / 180));
        return new Location
        {
            Lat = Math.Round(lat, 5),
            Lon = Math.Round(lon, 5),
            City = region.City,
            Region = region.Region,
            Country = region.Country,
            PostalCode = _random.Replace(region.PostalPattern),
            ServiceRadiusKm = _random.Bool(HomeVisitChance(primary)) ? _random.Number(5, 30) : 0,
        };
    }

    private T Pick<T>(T[] items, int[] weights)
    {
        var roll = _random.Number(0, weights.Sum() - 1);
        for (var i = 0; i < items.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }
        return items[^1];
    }

    private static void AddDistinct(List<Modality> chosen, Modality candidate)
    {
        if (!chosen.Contains(candidate))
        {
            chosen.Add(candidate);
        }
    }

    private static string LicencePrefix(string credential) =>
        new(credential.Split(',')[0].Where(char.IsAsciiLetterUpper).ToArray());

    private static int RoundTo(int value, int step) => value / step * step;

    private static long RoundTo64(long value, long step) => value / step * step;
}
