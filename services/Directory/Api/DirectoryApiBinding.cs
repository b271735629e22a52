using Grpc.Core;
using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Api;

/// <summary>
/// Binds <see cref="DirectoryApi"/> with the generated DirectoryService binding, but with
/// <see cref="SearchListingsWire.Marshaller"/> as SearchListings' response marshaller. grpc-dotnet
/// finds the bind method through the most derived <see cref="BindServiceMethodAttribute"/>, which is
/// the one on <see cref="DirectoryApi"/>, and matches the implementations against the bind method's
/// second parameter type, so that stays the generated base. Every method, its handler, name and
/// request marshaller stay as generated: routes, authorization attributes and the other methods are unchanged.
/// </summary>
public static class DirectoryApiBinding
{
    public static void BindService(ServiceBinderBase binder, DirectoryService.DirectoryServiceBase? service) =>
        DirectoryService.BindService(new Binder(binder), service);

    /// <summary>
    /// JSON transcoding reads the service descriptor (its HTTP rules) from a static <c>Descriptor</c>
    /// on the bind method's type; without it every REST route of the service is gone.
    /// </summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => DirectoryService.Descriptor;

    /// <summary>Forwards every method to grpc-dotnet's binder, swapping one marshaller.</summary>
    private sealed class Binder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            if (method is Method<SearchListingsRequest, SearchListingsResponse> search && search.Name == nameof(DirectoryApi.SearchListings))
            {
                var swapped = new Method<SearchListingsRequest, SearchListingsResponse>(
                    search.Type, search.ServiceName, search.Name, search.RequestMarshaller, SearchListingsWire.Marshaller);
                inner.AddMethod(swapped, (UnaryServerMethod<SearchListingsRequest, SearchListingsResponse>?)(object?)handler);
                return;
            }
            inner.AddMethod(method, handler);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(method, handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(method, handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(method, handler);
    }
}
