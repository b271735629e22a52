using Grpc.Core;

namespace HealingNetwork.ServiceDefaults.Wire;

/// <summary>
/// Wraps grpc-dotnet's service binder to bind some methods with another response marshaller
/// (same message types): every method, its handler, name and request marshaller stay as generated,
/// so routes, authorization attributes and the other methods are unchanged.
/// <para>
/// Use from a bind method named by a <see cref="BindServiceMethodAttribute"/> on the implementation:
/// grpc-dotnet finds the most derived attribute, matches implementations against the bind method's
/// second parameter type (so declare it as the generated base), and JSON transcoding reads the
/// service descriptor from a static <c>Descriptor</c> property on the bind method's type (without
/// it every REST route of the service is gone).
/// </para>
/// </summary>
public sealed class ResponseMarshallerBinder(ServiceBinderBase inner, IReadOnlyDictionary<string, object> responseMarshallers) : ServiceBinderBase
{
    private Method<TRequest, TResponse> Swap<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class =>
        responseMarshallers.TryGetValue(method.Name, out var marshaller)
            ? new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, method.RequestMarshaller, (Marshaller<TResponse>)marshaller)
            : method;

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Swap(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Swap(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Swap(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Swap(method), handler);
}
