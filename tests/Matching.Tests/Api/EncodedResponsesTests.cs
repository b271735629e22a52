using System.Buffers;
using Google.Protobuf;
using Grpc.Core;
using HealingNetwork.Matching.Api;
using HealingNetwork.Matching.V1;
using HealingNetwork.ServiceDefaults.Wire;
using HealingNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealingNetwork.Matching.Tests.Api;

/// <summary>
/// FindMatches answers are written from the encoding the handler holds: attached bytes go out as
/// they are (once), anything else through the generated serializer, and only the named method of
/// the service is bound with the other marshaller.
/// </summary>
[Collection(MatchingSystemCollection.Name)]
public sealed class EncodedResponsesTests(MatchingSystem fixture)
{
    private static FindMatchesResponse Sample() => new() { CandidatesConsidered = 7, ProfileVersion = 3, Matches = { new Match { Score = 0.5, Rank = 1 } } };

    private static byte[] Write(Marshaller<FindMatchesResponse> marshaller, FindMatchesResponse response)
    {
        var context = new Context();
        marshaller.ContextualSerializer(response, context);
        return context.Payload!;
    }

    [Fact]
    public void Attached_bytes_are_written_as_they_are_once_and_then_the_message_itself()
    {
        var marshaller = EncodedResponses.Marshaller(FindMatchesResponse.Parser);
        var shell = new FindMatchesResponse();
        var cached = Sample().ToByteArray().Concat(new FindMatchesResponse { Cached = true }.ToByteArray()).ToArray();

        Assert.Same(shell, EncodedResponses.Attach(shell, cached));
        Assert.Equal(cached, Write(marshaller, shell));
        Assert.Equal(shell.ToByteArray(), Write(marshaller, shell)); // detached after the write

        var expected = Sample();
        expected.Cached = true;
        Assert.Equal(expected, FindMatchesResponse.Parser.ParseFrom(cached)); // concatenation merges
        Assert.Equal(Sample().ToByteArray(), Write(marshaller, Sample()));
    }

    [Fact]
    public void The_binder_swaps_the_named_methods_response_marshaller_only()
    {
        var recorder = new Recorder();
        MatchingApiBinding.BindService(recorder, null);

        Assert.Equal(MatchingService.Descriptor.Methods.Select(m => m.Name), recorder.Methods.Select(m => m.Name));
        var find = Assert.IsType<Method<FindMatchesRequest, FindMatchesResponse>>(Assert.Single(recorder.Methods, m => m.Name == "FindMatches"));
        Assert.Same(MatchingApiBinding.FindMatchesMarshaller, find.ResponseMarshaller);
        Assert.Equal("healing.matching.v1.MatchingService/FindMatches", find.FullName.TrimStart('/'));
        var refer = Assert.IsType<Method<FindReferralsRequest, FindReferralsResponse>>(Assert.Single(recorder.Methods, m => m.Name == "FindReferrals"));
        Assert.NotSame(MatchingApiBinding.FindMatchesMarshaller, refer.ResponseMarshaller);
    }

    [Fact]
    public void The_running_service_binds_FindMatches_with_it_and_keeps_its_rest_route()
    {
        _ = fixture.System.Matching; // starts the hosts
        var endpoints = fixture.System.MatchingHost.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;
        var methods = endpoints.Select(e => e.Metadata.GetMetadata<Grpc.AspNetCore.Server.GrpcMethodMetadata>())
            .Where(m => m?.ServiceType == typeof(MatchingApi)).Select(m => m!.Method).ToArray();

        Assert.All(methods.Where(m => m.Name == "FindMatches"), m =>
            Assert.Same(MatchingApiBinding.FindMatchesMarshaller, Assert.IsType<Method<FindMatchesRequest, FindMatchesResponse>>(m).ResponseMarshaller));
        Assert.Contains(endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>(), e => e.RoutePattern.RawText == "/v1/profiles/{profile_id}:match");
    }

    private sealed class Context : SerializationContext
    {
        public byte[]? Payload { get; private set; }
        private ArrayBufferWriter<byte>? _writer;
        public override void Complete(byte[] payload) => Payload = payload;
        public override void SetPayloadLength(int payloadLength) { }
        public override IBufferWriter<byte> GetBufferWriter() => _writer = new ArrayBufferWriter<byte>();
        public override void Complete() => Payload = _writer!.WrittenSpan.ToArray();
    }

    private sealed class Recorder : ServiceBinderBase
    {
        public List<IMethod> Methods { get; } = [];
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) => Methods.Add(method);
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) => Methods.Add(method);
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) => Methods.Add(method);
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) => Methods.Add(method);
    }
}
