using HealingNetwork.Directory.V1;

namespace HealingNetwork.Interop.Tests.Domain;

/// <summary>Listings as a round trip must give them back: server fields cleared, absent sub-messages as empty ones.</summary>
public static class Listings
{
    public static Listing ClientFields(Listing listing)
    {
        var copy = listing.Clone();
        copy.Id = copy.OwnerId = copy.Etag = "";
        copy.CreateTime = copy.UpdateTime = copy.LastConfirmedTime = null;
        copy.Stale = false;
        copy.Licensure ??= new Licensure();
        copy.Approach ??= new Approach();
        copy.Terms ??= new ExchangeTerms();
        return copy;
    }
}
