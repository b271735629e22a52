using Grpc.Core;
using Grpc.Net.Client;
using HealingNetwork.Directory.V1;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Reliability.Tests.BadInput;
using HealingNetwork.ServiceDefaults.Resilience;
using HealingNetwork.Testing;

namespace HealingNetwork.Reliability.Tests.Resilience;

/// <summary>The retry policy of calls between services: reads are retried on UNAVAILABLE, writes never.</summary>
public sealed class IdempotentRetryPolicyTests
{
    [Fact]
    public async Task A_read_is_tried_three_times_on_unavailable_and_a_write_only_once()
    {
        var handler = new UnavailableHandler();
        using var channel = GrpcChannel.ForAddress("http://directory", new GrpcChannelOptions
        {
            HttpHandler = handler, ServiceConfig = IdempotentRetryPolicy.For(DirectoryService.Descriptor, AvailabilityService.Descriptor),
        });
        var directory = new DirectoryService.DirectoryServiceClient(channel);
        var availability = new AvailabilityService.AvailabilityServiceClient(channel);

        var read = await Assert.ThrowsAsync<RpcException>(() => directory.GetListingAsync(new GetListingRequest { Id = "x" }).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => availability.GetEarliestSlotsAsync(new GetEarliestSlotsRequest()).ResponseAsync);
        var write = await Assert.ThrowsAsync<RpcException>(() =>
            directory.CreateListingAsync(new CreateListingRequest { Listing = Samples.Naturopath() }).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => availability.HoldSlotAsync(new HoldSlotRequest { ListingId = "x" }).ResponseAsync);

        Assert.Equal((StatusCode.Unavailable, StatusCode.Unavailable), (read.StatusCode, write.StatusCode));
        Assert.Equal(IdempotentRetryPolicy.MaxAttempts, handler.Calls("GetListing"));
        Assert.Equal(IdempotentRetryPolicy.MaxAttempts, handler.Calls("GetEarliestSlots"));
        Assert.Equal(1, handler.Calls("CreateListing"));
        Assert.Equal(1, handler.Calls("HoldSlot"));
    }

    [Fact]
    public void Only_reads_of_the_public_services_have_a_retry_policy()
    {
        var config = IdempotentRetryPolicy.For([.. Rpc.Services]);
        var retried = config.MethodConfigs.SelectMany(c => c.Names).Select(n => n.Method).ToHashSet();

        Assert.Equal(
            ["ExportCalendar", "ExportFhir", "ExportHsds", "ExportProfile", "GetEarliestSlots", "GetListing", "GetProfile", "GetWeeklyAvailability", "ListBookings",
             "ListListings", "ListModalities", "ListMyBookings", "ListOpenSlots", "ListProfiles", "SearchListings"],
            retried.Order(StringComparer.Ordinal));
        Assert.All(config.MethodConfigs, c => Assert.DoesNotContain(c.Names, n => string.IsNullOrEmpty(n.Method)));
        Assert.DoesNotContain(nameof(ProfileService.ProfileServiceClient.UpdateProfile), retried);
    }
}
