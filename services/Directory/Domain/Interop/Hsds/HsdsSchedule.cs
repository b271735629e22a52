namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// HSDS 3.0 <c>schedule</c> (RFC 5545 style): one weekly window. HSDS <c>timezone</c> is a number,
/// the UTC offset in hours; the practitioner's IANA zone travels as the <c>time_zone</c> attribute.
/// </summary>
public sealed class HsdsSchedule
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? ServiceAtLocationId { get; set; }
    public string? Freq { get; set; }
    public string? Byday { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public double? Timezone { get; set; }
    public string? AttendingType { get; set; }
    public string? Description { get; set; }
}
