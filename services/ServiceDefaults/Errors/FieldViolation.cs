namespace HealingNetwork.ServiceDefaults.Errors;

/// <summary>One invalid field of a request: the field path as the client wrote it, and why.</summary>
public sealed record FieldViolation(string Field, string Description);
