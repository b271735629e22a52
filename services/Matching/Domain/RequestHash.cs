using System.IO.Hashing;
using Google.Protobuf;

namespace HealingNetwork.Matching.Domain;

/// <summary>A short stable fingerprint of a request, part of the cache field.</summary>
public static class RequestHash
{
    public static string Of(IMessage request) => XxHash64.HashToUInt64(request.ToByteArray()).ToString("x16");
}
