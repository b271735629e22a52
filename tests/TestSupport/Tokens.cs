using Grpc.Core;
using HealingNetwork.ServiceDefaults.Identity;

namespace HealingNetwork.Testing;

/// <summary>The signing key every test host shares, and call headers for a given user.</summary>
public static class Tokens
{
    public const string SigningKey = "test-signing-key-0123456789abcdef0123456789abcdef";

    public static string For(string subject) => DevTokenIssuer.Mint(SigningKey, subject);

    public static Metadata Bearer(string subject) => new() { { "authorization", "Bearer " + For(subject) } };

    public static CallOptions As(string subject) => new(Bearer(subject));
}
