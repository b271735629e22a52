using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace HealingNetwork.Gateway;

/// <summary>The public gRPC services behind the gateway, for server reflection.</summary>
public static class ServiceContracts
{
    public static readonly IReadOnlyList<ServiceDescriptor> All =
    [
        HealingNetwork.Directory.V1.DirectoryService.Descriptor,
        HealingNetwork.Directory.V1.AvailabilityService.Descriptor,
        HealingNetwork.Directory.V1.InteropService.Descriptor,
        HealingNetwork.Profiles.V1.ProfileService.Descriptor,
        HealingNetwork.Matching.V1.MatchingService.Descriptor,
        Grpc.Health.V1.Health.Descriptor,
    ];
}
