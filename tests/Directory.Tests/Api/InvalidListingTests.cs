using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Directory.Tests.Api;

/// <summary>Every listing rule, broken one at a time: INVALID_ARGUMENT naming the field, nothing stored.</summary>
public sealed class InvalidListingTests(DirectorySystemFixture fixture) : IClassFixture<DirectorySystemFixture>
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "empty name", "listing.display_name" },
        { "long name", "listing.display_name" },
        { "control characters in name", "listing.display_name" },
        { "line break in name", "listing.display_name" },
        { "long bio", "listing.bio" },
        { "no modality", "listing.modalities" },
        { "unknown modality", "listing.modalities[0]" },
        { "repeated modality", "listing.modalities[1]" },
        { "too many modalities", "listing.modalities" },
        { "unknown specialty", "listing.specialties[0]" },
        { "no orientation", "listing.orientation" },
        { "unknown orientation", "listing.orientation" },
        { "bad lifestyle tag", "listing.lifestyle_tags[0]" },
        { "no licensure", "listing.licensure.kind" },
        { "state licence without number", "listing.licensure.licence_number" },
        { "state licence without jurisdiction", "listing.licensure.jurisdiction" },
        { "line break in licence number", "listing.licensure.licence_number" },
        { "tab in jurisdiction", "listing.licensure.jurisdiction" },
        { "line break in credential", "listing.licensure.credential" },
        { "intake too long", "listing.approach.intake_minutes" },
        { "negative trial", "listing.approach.typical_trial_weeks" },
        { "product share above 1", "listing.approach.product_share" },
        { "unknown collaborator", "listing.approach.collaborates_with[0]" },
        { "bad currency", "listing.terms.currency" },
        { "fee without currency", "listing.terms.currency" },
        { "fee max below min", "listing.terms.fee_max" },
        { "negative fee", "listing.terms.fee_min" },
        { "sliding scale above fee", "listing.terms.sliding_scale_min" },
        { "bad barter category", "listing.terms.barter_accepted[0]" },
        { "latitude out of range", "listing.locations[0].lat" },
        { "longitude out of range", "listing.locations[0].lon" },
        { "NaN latitude", "listing.locations[0].lat" },
        { "bad country", "listing.locations[0].country" },
        { "line break in city", "listing.locations[0].city" },
        { "line separator in city", "listing.locations[0].city" },
        { "line break in region", "listing.locations[0].region" },
        { "tab in postal code", "listing.locations[0].postal_code" },
        { "line break in a second location's city", "listing.locations[1].city" },
        { "radius too big", "listing.locations[0].service_radius_km" },
        { "nowhere to meet", "listing.locations" },
        { "too many locations", "listing.locations" },
        { "bad language", "listing.languages[0]" },
        { "language repeated in another case", "listing.languages[1]" },
        { "unknown time zone", "listing.time_zone" },
        { "empty time zone", "listing.time_zone" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invalid_listing_is_rejected_naming_the_field(string rule, string field)
    {
        var marker = Guid.NewGuid().ToString("N");
        var listing = Samples.Naturopath("Invalid " + marker);
        Break(listing, rule);

        await RpcAssert.InvalidField(field, () =>
            fixture.System.Directory.CreateListingAsync(new CreateListingRequest { Listing = listing }, Tokens.As("invalid-tester")).ResponseAsync);

        var search = await fixture.System.Directory.SearchListingsAsync(new SearchListingsRequest { Query = marker });
        Assert.DoesNotContain(search.Results, r => r.Listing.DisplayName.Contains(marker, StringComparison.Ordinal));
    }

    private static void Break(Listing l, string rule)
    {
        switch (rule)
        {
            case "empty name": l.DisplayName = " "; break;
            case "long name": l.DisplayName = new string('a', 121); break;
            case "control characters in name": l.DisplayName += "\u0007"; break;
            case "line break in name": l.DisplayName += "\nSecond line"; break;
            case "long bio": l.Bio = new string('b', 4001); break;
            case "no modality": l.Modalities.Clear(); break;
            case "unknown modality": l.Modalities[0] = "crystal-skull-gazing"; break;
            case "repeated modality": l.Modalities.Add("naturopathy"); break;
            case "too many modalities": l.Modalities.AddRange(Enumerable.Repeat("reiki", 20)); break;
            case "unknown specialty": l.Specialties[0] = "000000000X"; break;
            case "no orientation": l.Orientation = Orientation.Unspecified; break;
            case "unknown orientation": l.Orientation = (Orientation)42; break;
            case "bad lifestyle tag": l.LifestyleTags[0] = "Organic Food!"; break;
            case "no licensure": l.Licensure = null; break;
            case "state licence without number": l.Licensure.LicenceNumber = ""; break;
            case "state licence without jurisdiction": l.Licensure.Jurisdiction = ""; break;
            case "line break in licence number": l.Licensure.LicenceNumber = "ND-1234\nrevoked"; break;
            case "tab in jurisdiction": l.Licensure.Jurisdiction = "US\tOR"; break;
            case "line break in credential": l.Licensure.Credential = "ND\r\nMD"; break;
            case "intake too long": l.Approach.IntakeMinutes = 481; break;
            case "negative trial": l.Approach.TypicalTrialWeeks = -1; break;
            case "product share above 1": l.Approach.ProductShare = 1.5; break;
            case "unknown collaborator": l.Approach.CollaboratesWith[0] = "nonsense"; break;
            case "bad currency": l.Terms.Currency = "XYZ"; break;
            case "fee without currency": l.Terms.Currency = ""; break;
            case "fee max below min": l.Terms.FeeMax = l.Terms.FeeMin - 1; break;
            case "negative fee": l.Terms.FeeMin = -5; l.Terms.SlidingScaleMin = 0; break;
            case "sliding scale above fee": l.Terms.SlidingScaleMin = l.Terms.FeeMin + 1; break;
            case "bad barter category": l.Terms.BarterAccepted[0] = "DROP TABLE"; break;
            case "latitude out of range": l.Locations[0].Lat = 91; break;
            case "longitude out of range": l.Locations[0].Lon = -181; break;
            case "NaN latitude": l.Locations[0].Lat = double.NaN; break;
            case "bad country": l.Locations[0].Country = "USA"; break;
            case "line break in city": l.Locations[0].City = "Portland\nSeattle"; break;
            case "line separator in city": l.Locations[0].City = "Portland\u2028Seattle"; break;
            case "line break in region": l.Locations[0].Region = "OR\r\nWA"; break;
            case "tab in postal code": l.Locations[0].PostalCode = "97\t205"; break;
            case "line break in a second location's city":
                l.Locations.Add(l.Locations[0].Clone());
                l.Locations[1].City = "Salem\n";
                break;
            case "radius too big": l.Locations[0].ServiceRadiusKm = 501; break;
            case "nowhere to meet": l.Locations.Clear(); l.Telehealth = false; break;
            case "too many locations": for (var i = 0; i < 10; i++) l.Locations.Add(l.Locations[0].Clone()); break;
            case "bad language": l.Languages[0] = "english!"; break;
            case "language repeated in another case": l.Languages.Add(l.Languages[0].ToUpperInvariant()); break;
            case "unknown time zone": l.TimeZone = "Mars/Olympus_Mons"; break;
            case "empty time zone": l.TimeZone = ""; break;
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }
    }
}
