using System.Globalization;
using HealingNetwork.Directory.Domain.Availability;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Errors;
using HealingNetwork.ServiceDefaults.Validation;
using NodaTime;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// Listing ⇄ HSDS 3.0 compiled <c>service</c>. A practice is an organization with one service;
/// each location is a service_at_location; telehealth is a "virtual" location; fees are
/// cost_options; weekly hours are schedules (export only). Fields HSDS has no column for travel
/// as attributes (see <see cref="HsdsVocabulary"/>). Server fields (id, owner, etag, times) are
/// not imported: an import creates new listings owned by the caller.
/// </summary>
public static class HsdsMapper
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static HsdsService ToHsds(Listing listing, WeeklyAvailability? schedule, ModalityTaxonomy taxonomy, Instant now)
    {
        var serviceId = HsdsIds.Service(listing.Id);
        var organizationId = HsdsIds.Part(listing.Id, "organization");
        var sites = listing.Locations.Select((l, i) => ToServiceAtLocation(listing.Id, serviceId, l, i)).ToList();
        if (listing.Telehealth) sites.Add(VirtualSite(listing.Id, serviceId));
        return new HsdsService
        {
            Id = serviceId,
            OrganizationId = organizationId,
            Name = listing.DisplayName,
            // Optional texts the listing lacks are left out rather than written as "" (see Present).
            Description = Present(listing.Bio),
            Status = HsdsVocabulary.Active,
            FeesDescription = HsdsText.Fees(listing.Terms),
            Licenses = HsdsText.Licensure(listing.Licensure),
            AssuredDate = listing.LastConfirmedTime?.ToDateTime().ToString("yyyy-MM-dd", Inv),
            Organization = new HsdsOrganization
            {
                Id = organizationId, Name = listing.DisplayName, Description = listing.Bio.Length > 0 ? listing.Bio : listing.DisplayName,
            },
            ServiceAtLocations = sites,
            Schedules = schedule is null ? [] : ToSchedules(listing, serviceId, sites, schedule, now),
            Languages = listing.Languages.Select(code => new HsdsLanguage
            {
                Id = HsdsIds.Part(listing.Id, "language/" + code), ServiceId = serviceId, Name = code, Code = code,
            }).ToList(),
            CostOptions = ToCostOptions(listing.Id, serviceId, listing.Terms),
            Attributes = HsdsAttributes.ForService(listing, serviceId, taxonomy),
        };
    }

    /// <summary>
    /// The listing an HSDS service describes; problems are added to <paramref name="v"/>, and where each
    /// listing field came from to <paramref name="origins"/>.
    /// </summary>
    public static Listing ToListing(HsdsService service, Violations v, HsdsFieldOrigins? origins = null)
    {
        origins ??= new HsdsFieldOrigins();
        var listing = new Listing
        {
            DisplayName = service.Name ?? "",
            Bio = service.Description ?? "",
            Licensure = new Licensure(),
            Approach = new Approach(),
            Terms = new ExchangeTerms(),
        };
        foreach (var (language, i) in (service.Languages ?? []).Select((x, i) => (x, i)))
        {
            if ((language.Code ?? language.Name) is { Length: > 0 } code)
            {
                origins.Add($"languages[{listing.Languages.Count}]", $"languages[{i}].{(language.Code is null ? "name" : "code")}");
                listing.Languages.Add(code);
            }
            else v.Add($"languages[{i}].code", "is required");
        }
        foreach (var (site, i) in (service.ServiceAtLocations ?? []).Select((x, i) => (x, i)))
            ReadSite(site, listing, v, $"service_at_locations[{i}].location", origins);
        foreach (var (option, i) in (service.CostOptions ?? []).Select((x, i) => (x, i)))
            ReadCostOption(option, listing.Terms, v, $"cost_options[{i}]", origins);
        HsdsAttributes.Read(service.Attributes ?? [], listing, v, origins);
        return listing;
    }

    private static HsdsServiceAtLocation ToServiceAtLocation(string listingId, string serviceId, Location place, int index)
    {
        var locationId = HsdsIds.Part(listingId, $"location/{index}");
        var location = new HsdsLocation
        {
            Id = locationId,
            LocationType = HsdsVocabulary.Physical,
            Name = Present(place.City),
            Latitude = place.Lat,
            Longitude = place.Lon,
            Addresses =
            [
                new HsdsAddress
                {
                    Id = HsdsIds.Part(listingId, $"address/{index}"), LocationId = locationId,
                    Address1 = place.City, City = place.City, StateProvince = place.Region,
                    PostalCode = place.PostalCode, Country = place.Country, AddressType = HsdsVocabulary.Physical,
                },
            ],
            Attributes = place.ServiceRadiusKm == 0 ? [] :
            [
                HsdsAttributes.Field(listingId, locationId, HsdsVocabulary.LinkLocation, HsdsVocabulary.ServiceRadiusKm,
                    "Home visits within (km)", place.ServiceRadiusKm.ToString("R", Inv)),
            ],
        };
        return new HsdsServiceAtLocation
        {
            Id = HsdsIds.Part(listingId, $"service_at_location/{index}"), ServiceId = serviceId, LocationId = locationId, Location = location,
        };
    }

    /// <summary>
    /// An optional text, or null (left out of the JSON) when there is none. The address keeps its
    /// empty strings: HSDS 3.0 requires address_1, city, state_province and postal_code to be present.
    /// </summary>
    private static string? Present(string text) => text.Length > 0 ? text : null;

    private static HsdsServiceAtLocation VirtualSite(string listingId, string serviceId)
    {
        var locationId = HsdsIds.Part(listingId, "location/virtual");
        return new HsdsServiceAtLocation
        {
            Id = HsdsIds.Part(listingId, "service_at_location/virtual"), ServiceId = serviceId, LocationId = locationId,
            Location = new HsdsLocation { Id = locationId, LocationType = HsdsVocabulary.Virtual, Name = "Telehealth (video or phone)" },
        };
    }

    private static void ReadSite(HsdsServiceAtLocation site, Listing listing, Violations v, string field, HsdsFieldOrigins origins)
    {
        var location = site.Location;
        if (location is null) { v.Add(field, "is required (embed the location in each service_at_location)"); return; }
        if (location.LocationType == HsdsVocabulary.Virtual) { listing.Telehealth = true; return; }
        if (location.Latitude is not { } lat || location.Longitude is not { } lon)
        {
            v.Add(field + ".latitude", "latitude and longitude are required for a physical location");
            return;
        }
        var address = location.Addresses?.FirstOrDefault() ?? new HsdsAddress();
        var place = new Location
        {
            Lat = lat, Lon = lon,
            City = address.City ?? location.Name ?? "",
            Region = address.StateProvince ?? address.Region ?? "",
            Country = address.Country ?? "",
            PostalCode = address.PostalCode ?? "",
        };
        var at = $"locations[{listing.Locations.Count}]";
        var addressField = field + ".addresses[0]";
        origins.Add(at, field);
        origins.Add(at + ".lat", field + ".latitude");
        origins.Add(at + ".lon", field + ".longitude");
        origins.Add(at + ".city", address.City is null ? field + ".name" : addressField + ".city");
        origins.Add(at + ".region", address.StateProvince is null && address.Region is not null ? addressField + ".region" : addressField + ".state_province");
        origins.Add(at + ".country", addressField + ".country");
        origins.Add(at + ".postal_code", addressField + ".postal_code");
        foreach (var (attribute, j) in (location.Attributes ?? []).Select((x, j) => (x, j)))
        {
            if (attribute.TaxonomyTerm?.Code != HsdsVocabulary.ServiceRadiusKm) continue;
            origins.Add(at + ".service_radius_km", $"{field}.attributes[{j}].value");
            if (double.TryParse(attribute.Value, NumberStyles.Float, Inv, out var km) && double.IsFinite(km)) place.ServiceRadiusKm = km;
            else v.Add($"{field}.attributes[{j}].value", "must be a number of km");
        }
        listing.Locations.Add(place);
    }

    private static List<HsdsCostOption> ToCostOptions(string listingId, string serviceId, ExchangeTerms? terms)
    {
        if (terms is null || terms.Currency.Length == 0) return [];
        var options = new List<HsdsCostOption>
        {
            Cost(HsdsVocabulary.FeeMin, terms.FeeMin, "Lowest regular fee per session"),
            Cost(HsdsVocabulary.FeeMax, terms.FeeMax, "Highest regular fee per session"),
        };
        if (terms.SlidingScaleMin > 0) options.Add(Cost(HsdsVocabulary.SlidingScaleMin, terms.SlidingScaleMin, "Lowest sliding-scale fee per session"));
        return options;

        HsdsCostOption Cost(string option, long minor, string description) => new()
        {
            Id = HsdsIds.Part(listingId, "cost_option/" + option), ServiceId = serviceId, Option = option,
            Currency = terms.Currency, Amount = CurrencyAmounts.ToMajor(minor, terms.Currency), AmountDescription = description,
        };
    }

    private static void ReadCostOption(HsdsCostOption option, ExchangeTerms terms, Violations v, string field, HsdsFieldOrigins origins)
    {
        if (option.Option is not (HsdsVocabulary.FeeMin or HsdsVocabulary.FeeMax or HsdsVocabulary.SlidingScaleMin)) return;
        var currency = option.Currency ?? "";
        origins.Add("terms.currency", field + ".currency");
        origins.Add(option.Option switch
        {
            HsdsVocabulary.FeeMin => "terms.fee_min",
            HsdsVocabulary.FeeMax => "terms.fee_max",
            _ => "terms.sliding_scale_min",
        }, field + ".amount");
        if (terms.Currency.Length > 0 && terms.Currency != currency) { v.Add(field + ".currency", "all fees must be in one currency"); return; }
        terms.Currency = currency;
        if (option.Amount is not { } amount || !CurrencyAmounts.TryToMinor(amount, currency, out var minor))
        {
            v.Add(field + ".amount", $"must be a non-negative amount in whole minor units of {currency}");
            return;
        }
        switch (option.Option)
        {
            case HsdsVocabulary.FeeMin: terms.FeeMin = minor; break;
            case HsdsVocabulary.FeeMax: terms.FeeMax = minor; break;
            default: terms.SlidingScaleMin = minor; break;
        }
    }

    private static List<HsdsSchedule> ToSchedules(
        Listing listing, string serviceId, IReadOnlyList<HsdsServiceAtLocation> sites, WeeklyAvailability schedule, Instant now)
    {
        var zone = LocalClock.Zone(listing.TimeZone);
        var offsetHours = zone.GetUtcOffset(now).Seconds / 3600.0;
        return schedule.Windows.Select((w, i) => new HsdsSchedule
        {
            Id = HsdsIds.Part(listing.Id, $"schedule/{i}"),
            ServiceId = serviceId,
            ServiceAtLocationId = w.LocationIndex >= 0 && w.LocationIndex < listing.Locations.Count ? sites[w.LocationIndex].Id : null,
            Freq = "WEEKLY",
            Byday = WeeklySchedule.ToIsoDay(w.Weekday) is { } day ? RfcDay(day) : null,
            OpensAt = w.Start,
            ClosesAt = w.End,
            Timezone = offsetHours,
            AttendingType = w.LocationIndex < 0 ? "telehealth" : "in person",
            Description = $"{schedule.SessionMinutes}-minute sessions, {schedule.BufferMinutes} minutes apart, {listing.TimeZone} time.",
        }).ToList();
    }

    private static string RfcDay(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "MO", IsoDayOfWeek.Tuesday => "TU", IsoDayOfWeek.Wednesday => "WE",
        IsoDayOfWeek.Thursday => "TH", IsoDayOfWeek.Friday => "FR", IsoDayOfWeek.Saturday => "SA", _ => "SU",
    };
}
