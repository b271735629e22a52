using Google.Rpc;
using Grpc.Core;

namespace HealingNetwork.ServiceDefaults.Errors;

/// <summary>
/// A downstream call refused as INVALID_ARGUMENT names the fields of the request it was sent, which a
/// service builds from its own caller's request: Matching's <c>filters.query</c> becomes the
/// Directory's <c>query</c>. A rule only the downstream can check (the search analyzer decides
/// whether a query has words to search for) reaches the caller named as the caller sent it.
/// </summary>
public static class DownstreamValidation
{
    /// <summary>
    /// The refusal with each violation of <paramref name="field"/> renamed to <paramref name="asSent"/>,
    /// as a <see cref="ValidationException"/> of this service; null when <paramref name="ex"/> is not an
    /// INVALID_ARGUMENT naming that field (it then goes on as it is).
    /// </summary>
    public static ValidationException? Renamed(RpcException ex, string field, string asSent)
    {
        if (ex.StatusCode != StatusCode.InvalidArgument) return null;
        var violations = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        if (violations is null || !violations.Any(v => v.Field == field)) return null;
        return new ValidationException(violations.Select(v => new FieldViolation(v.Field == field ? asSent : v.Field, v.Description)).ToArray());
    }
}
