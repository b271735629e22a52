using System.Text.Json.Serialization;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>HSDS 3.0 <c>address</c>. Listings hold no street, so <c>address_1</c> repeats the city.</summary>
public sealed class HsdsAddress
{
    public string? Id { get; set; }
    public string? LocationId { get; set; }
    [JsonPropertyName("address_1")]
    public string? Address1 { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? StateProvince { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    /// <summary>"physical", "postal" or "virtual".</summary>
    public string? AddressType { get; set; }
}
