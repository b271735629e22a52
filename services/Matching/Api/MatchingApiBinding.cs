using Grpc.Core;
using HealingNetwork.Matching.V1;
using HealingNetwork.ServiceDefaults.Wire;

namespace HealingNetwork.Matching.Api;

/// <summary>
/// Binds <see cref="MatchingApi"/> as generated, but FindMatches' responses are written from the
/// encoding the handler already holds (the one it caches, or the cached one) instead of being
/// serialized again (see <see cref="EncodedResponses"/> and <see cref="ResponseMarshallerBinder"/>).
/// </summary>
public static class MatchingApiBinding
{
    /// <summary>FindMatches' response marshaller.</summary>
    public static readonly Marshaller<FindMatchesResponse> FindMatchesMarshaller = EncodedResponses.Marshaller(FindMatchesResponse.Parser);

    public static void BindService(ServiceBinderBase binder, MatchingService.MatchingServiceBase? service) =>
        MatchingService.BindService(new ResponseMarshallerBinder(binder, new Dictionary<string, object>
        {
            [nameof(MatchingApi.FindMatches)] = FindMatchesMarshaller,
        }), service);

    /// <summary>Read by JSON transcoding for the service's HTTP rules.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => MatchingService.Descriptor;
}
