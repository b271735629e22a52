using System.Text.Json.Serialization;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>One practice location in the <c>geo_point</c> object form Elasticsearch reads.</summary>
internal sealed record ElasticsearchGeoPoint(
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("lon")] double Lon);
