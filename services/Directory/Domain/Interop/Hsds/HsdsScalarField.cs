using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// One single-valued listing field carried as an HSDS attribute. <see cref="Read"/> gives null
/// for the default value (nothing written); <see cref="Write"/> is false when the text does not parse.
/// </summary>
public sealed record HsdsScalarField(string Code, string Label, Func<Listing, string?> Read, Func<Listing, string, bool> Write);
