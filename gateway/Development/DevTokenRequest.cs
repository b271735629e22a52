namespace HealingNetwork.Gateway.Development;

/// <summary>Body of POST /dev/token: who the development token is for.</summary>
public sealed record DevTokenRequest(string? Sub);
