using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Directory.V1;
using HealingNetwork.Reliability.Tests.Support;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>Weekly hours, exceptions, slot queries and bookings with bad times, ranges and sizes.</summary>
public static class AvailabilityCases
{
    /// <summary>Timestamps outside what google.protobuf.Timestamp allows, and at its very edges.</summary>
    private static readonly (string Name, Timestamp Value)[] BadTimes =
    [
        ("seconds = long.MaxValue", new Timestamp { Seconds = long.MaxValue }),
        ("seconds = long.MinValue", new Timestamp { Seconds = long.MinValue }),
        ("year 10000", new Timestamp { Seconds = 253_402_300_800 }),
        ("before year 1", new Timestamp { Seconds = -62_135_596_801 }),
        ("nanos = -1", new Timestamp { Seconds = 1_900_000_000, Nanos = -1 }),
        ("nanos = 1e9", new Timestamp { Seconds = 1_900_000_000, Nanos = 1_000_000_000 }),
        ("last second of 9999", new Timestamp { Seconds = 253_402_300_799, Nanos = 999_999_999 }),
        ("year 1", new Timestamp { Seconds = -62_135_596_800 }),
    ];

    public static IEnumerable<GrpcCase> All(Seeded s)
    {
        var owner = GatewayGrpc.Bearer(s.ListingOwner);
        var client = GatewayGrpc.Bearer(s.ProfileOwner);
        var id = s.Listing.Id;
        foreach (var (name, t) in BadTimes)
        {
            yield return GrpcCase.Of($"start_time {name}", Rpc.Availability, "ListOpenSlots", new ListOpenSlotsRequest { ListingId = id, StartTime = t }, client);
            yield return GrpcCase.Of($"end_time {name}", Rpc.Availability, "ListOpenSlots", new ListOpenSlotsRequest { ListingId = id, EndTime = t }, client);
            yield return GrpcCase.Of($"start_time {name}", Rpc.Availability, "HoldSlot", new HoldSlotRequest { ListingId = id, StartTime = t }, client);
            yield return GrpcCase.Of($"start_time {name}", Rpc.Availability, "ListBookings", new ListBookingsRequest { ListingId = id, StartTime = t }, owner);
            yield return GrpcCase.Of($"end_time {name}", Rpc.Availability, "ListBookings", new ListBookingsRequest { ListingId = id, EndTime = t }, owner);
        }
        foreach (var n in new[] { 0, 9, 481, int.MaxValue, int.MinValue })
            yield return Weekly($"session_minutes = {n}", r => r.SessionMinutes = n, s, owner);
        foreach (var n in new[] { -1, 121, int.MinValue })
            yield return Weekly($"buffer_minutes = {n}", r => r.BufferMinutes = n, s, owner);
        foreach (var e in new[] { 0, 8, 99, -1, int.MaxValue })
            yield return Weekly($"weekday = {e}", r => r.Windows[0].Weekday = (Weekday)e, s, owner);
        foreach (var t in new[] { "25:00", "9", "", "\0", "09:00:00.0000001", "-1:00", "99999999999:00", "09:60", "\U0001F600" })
            yield return Weekly($"start = '{IdCases.Show(t)}'", r => r.Windows[0].Start = t, s, owner);
        foreach (var n in new[] { -2, 99, int.MinValue, int.MaxValue })
            yield return Weekly($"location_index = {n}", r => r.Windows[0].LocationIndex = n, s, owner);
        yield return Weekly("end before start", r => r.Windows[0].End = "08:00", s, owner);
        yield return Weekly("overlapping windows", r => r.Windows.Add(r.Windows[0].Clone()), s, owner);
        yield return Weekly("10000 windows", r => r.Windows.AddRange(Enumerable.Repeat(r.Windows[0], 10_000)), s, owner);
        foreach (var n in new[] { -1, 1001, int.MaxValue, int.MinValue })
            yield return GrpcCase.Of($"page_size = {n}", Rpc.Availability, "ListOpenSlots", new ListOpenSlotsRequest { ListingId = id, PageSize = n }, client);
        foreach (var n in new[] { -1, 93, int.MaxValue, int.MinValue })
            yield return GrpcCase.Of($"days = {n}", Rpc.Availability, "ExportCalendar", new ExportCalendarRequest { ListingId = id, Days = n }, client);
        foreach (var n in new[] { -1, 63, int.MaxValue, int.MinValue })
            yield return GrpcCase.Of($"horizon_days = {n}", Rpc.Availability, "GetEarliestSlots",
                new GetEarliestSlotsRequest { ListingIds = { id }, HorizonDays = n }, null);
        yield return GrpcCase.Of("10000 listing ids", Rpc.Availability, "GetEarliestSlots",
            new GetEarliestSlotsRequest { ListingIds = { Enumerable.Range(0, 10_000).Select(i => $"id{i}") } }, null);
        yield return GrpcCase.Of("odd listing ids", Rpc.Availability, "GetEarliestSlots",
            new GetEarliestSlotsRequest { ListingIds = { IdCases.OddIds } }, null);
        foreach (var c in Exceptions(id, owner)) yield return c;
    }

    private static IEnumerable<GrpcCase> Exceptions(string id, string owner)
    {
        foreach (var date in new[] { "2025-02-30", "x", "", "99999-01-01", "0000-01-01", "2999-12-31T00:00", "\0" })
            yield return Exception($"date '{IdCases.Show(date)}'", e => e.Date = date, id, owner);
        foreach (var k in new[] { 3, 99, -1 })
            yield return Exception($"kind = {k}", e => e.Kind = (ExceptionKind)k, id, owner);
        yield return Exception("extra hours without times", e => { e.Kind = ExceptionKind.ExtraHours; e.Start = ""; e.End = ""; }, id, owner);
        yield return Exception("note of 100000 chars", e => e.Note = new string('n', 100_000), id, owner);
        yield return GrpcCase.Of("exception missing", Rpc.Availability, "AddException", new AddExceptionRequest { ListingId = id }, owner);
    }

    private static GrpcCase Weekly(string name, Action<SetWeeklyAvailabilityRequest> change, Seeded s, string owner)
    {
        var request = new SetWeeklyAvailabilityRequest
        {
            ListingId = s.Listing.Id, SessionMinutes = 60,
            Windows = { new WeeklyWindow { Weekday = Weekday.Monday, Start = "09:00", End = "12:00" } },
        };
        change(request);
        return GrpcCase.Of(name, Rpc.Availability, "SetWeeklyAvailability", request, owner);
    }

    private static GrpcCase Exception(string name, Action<AvailabilityException> change, string id, string owner)
    {
        var exception = new AvailabilityException { Date = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Kind = ExceptionKind.Closed };
        change(exception);
        return GrpcCase.Of(name, Rpc.Availability, "AddException", new AddExceptionRequest { ListingId = id, Exception = exception }, owner);
    }
}
