using Google.Protobuf.Reflection;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>Full service names of the public contract, and the request type of each method.</summary>
public static class Rpc
{
    public const string Directory = "healing.directory.v1.DirectoryService";
    public const string Availability = "healing.directory.v1.AvailabilityService";
    public const string Interop = "healing.directory.v1.InteropService";
    public const string Profiles = "healing.profiles.v1.ProfileService";
    public const string Matching = "healing.matching.v1.MatchingService";

    public static readonly IReadOnlyList<ServiceDescriptor> Services =
    [
        global::HealingNetwork.Directory.V1.DirectoryService.Descriptor,
        global::HealingNetwork.Directory.V1.AvailabilityService.Descriptor,
        global::HealingNetwork.Directory.V1.InteropService.Descriptor,
        global::HealingNetwork.Profiles.V1.ProfileService.Descriptor,
        global::HealingNetwork.Matching.V1.MatchingService.Descriptor,
    ];

    public static MethodDescriptor Method(string service, string method) =>
        Services.Single(s => s.FullName == service).FindMethodByName(method)
        ?? throw new ArgumentException($"{service}/{method} is not in the contract");
}
