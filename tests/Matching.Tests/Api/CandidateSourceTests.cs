using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Matching.Api;
using HealingNetwork.Matching.Domain;
using HealingNetwork.Matching.Domain.Components;

namespace HealingNetwork.Matching.Tests.Api;

public sealed class CandidateSourceTests
{
    [Fact]
    public async Task Earliest_slots_of_more_hits_than_one_call_takes_are_asked_in_calls_of_500_and_come_back_in_hit_order()
    {
        var availability = new RecordingAvailability();
        var source = new CandidateSource(new DirectoryService.DirectoryServiceClient(new UnusedInvoker()), availability);
        var hits = Enumerable.Range(0, 1_203).Select(i => new SearchResult { Listing = new Listing { Id = $"lst_{i:D4}" } }).Reverse().ToArray();

        var slots = await source.EarliestSlotsAsync(hits, new CallOptions());

        Assert.Equal([500, 500, 203], availability.Sizes.Order().Reverse());
        Assert.Equal(hits.Select(h => RecordingAvailability.OpeningOf(h.Listing.Id)), slots);
        Assert.Equal(EarliestOpening.Unknown, slots[^1]); // lst_0000: publishes no hours
        Assert.Equal(EarliestOpening.NoneInHorizon, slots[^4]); // lst_0003: publishes hours, none open
        Assert.Equal([AvailabilityFit.HorizonDays], availability.Horizons.Distinct());
    }

    /// <summary>
    /// Answers GetEarliestSlots as a directory would: every listing whose number is not a multiple of 3
    /// has a slot; of the others, the odd ones publish hours with none open.
    /// </summary>
    private sealed class RecordingAvailability : AvailabilityService.AvailabilityServiceClient
    {
        private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public List<int> Sizes { get; } = [];

        public List<int> Horizons { get; } = [];

        private static int Number(string id) => int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture);

        public static EarliestOpening OpeningOf(string id) =>
            SlotOf(id) is { } start ? EarliestOpening.At(start) : Number(id) % 2 == 1 ? EarliestOpening.NoneInHorizon : EarliestOpening.Unknown;

        public static DateTimeOffset? SlotOf(string id) =>
            Number(id) is var n && n % 3 != 0 ? Start.AddMinutes(n) : null;

        public override AsyncUnaryCall<GetEarliestSlotsResponse> GetEarliestSlotsAsync(GetEarliestSlotsRequest request, CallOptions options)
        {
            lock (Sizes)
            {
                Sizes.Add(request.ListingIds.Count);
                Horizons.Add(request.HorizonDays);
            }
            var response = new GetEarliestSlotsResponse();
            foreach (var id in request.ListingIds)
            {
                if (SlotOf(id) is { } start) response.Earliest[id] = new Slot { ListingId = id, StartTime = Timestamp.FromDateTimeOffset(start) };
                else if (OpeningOf(id).NoneOpen) response.NoOpenSlotListingIds.Add(id);
            }
            return new AsyncUnaryCall<GetEarliestSlotsResponse>(Task.FromResult(response), Task.FromResult(new Metadata()),
                () => Status.DefaultSuccess, () => [], () => { });
        }
    }

    /// <summary>The searches are not used here.</summary>
    private sealed class UnusedInvoker : CallInvoker
    {
        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new NotSupportedException();
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new NotSupportedException();
        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new NotSupportedException();
        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();
        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();
    }
}
