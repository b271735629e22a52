using Grpc.Core;
using HealingNetwork.Directory.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Browser.Tests;

/// <summary>A small Portland directory (from <see cref="Samples"/>): a naturopath and two cardiologists, one who shares decisions.</summary>
public static class SampleListings
{
    public const string Naturopath = "Maya Okafor, ND";
    public const string RespectfulCardiologist = "Dr. Lena Brooks";
    public const string BriskCardiologist = "Dr. Victor Hale";

    public static async Task<IReadOnlyList<Listing>> CreateAsync(RunningSystem system, string owner = "seed-practitioner")
    {
        var client = new DirectoryService.DirectoryServiceClient(system.Channel());
        var headers = new Metadata { { "authorization", "Bearer " + RunningSystem.Token(owner) } };
        var created = new List<Listing>();
        foreach (var listing in new[] { NaturopathListing(), Cardiologist(RespectfulCardiologist, true), Cardiologist(BriskCardiologist, false) })
            created.Add(await client.CreateListingAsync(new CreateListingRequest { Listing = listing }, headers));
        return created;
    }

    public static Listing NaturopathListing() => Samples.Naturopath(Naturopath);

    /// <summary>A cardiologist one kilometre north of the naturopath.</summary>
    public static Listing Cardiologist(string name, bool respectful) => Samples.Cardiologist(name, respectful, Samples.PortlandLat + 0.01);
}
