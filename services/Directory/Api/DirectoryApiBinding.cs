using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.ServiceDefaults.Wire;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// Binds <see cref="DirectoryApi"/> as generated, but with <see cref="SearchListingsWire.Marshaller"/>
/// as SearchListings' response marshaller (see <see cref="ResponseMarshallerBinder"/>).
/// </summary>
public static class DirectoryApiBinding
{
    public static void BindService(ServiceBinderBase binder, DirectoryService.DirectoryServiceBase? service) =>
        DirectoryService.BindService(new ResponseMarshallerBinder(binder, new Dictionary<string, object>
        {
            [nameof(DirectoryApi.SearchListings)] = SearchListingsWire.Marshaller,
        }), service);

    /// <summary>Read by JSON transcoding for the service's HTTP rules.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => DirectoryService.Descriptor;
}
