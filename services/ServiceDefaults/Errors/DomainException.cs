using Grpc.Core;

namespace HealingNetwork.ServiceDefaults.Errors;

/// <summary>
/// A rule outcome the client must hear with a precise status: not found, already exists,
/// stale etag, someone else's data. Thrown by domain and storage code, mapped once by
/// <see cref="ErrorMappingInterceptor"/>.
/// </summary>
public class DomainException(StatusCode code, string message) : Exception(message)
{
    public StatusCode Code { get; } = code;

    public static DomainException NotFound(string what, string id) =>
        new(StatusCode.NotFound, $"{what} '{id}' was not found.");

    public static DomainException StaleEtag(string what) =>
        new(StatusCode.FailedPrecondition, $"The {what} changed since you read it (etag mismatch); read it again and retry.");

    public static DomainException AlreadyExists(string message) => new(StatusCode.AlreadyExists, message);

    public static DomainException PermissionDenied(string message) => new(StatusCode.PermissionDenied, message);

    public static DomainException FailedPrecondition(string message) => new(StatusCode.FailedPrecondition, message);

    public static DomainException Aborted(string message) => new(StatusCode.Aborted, message);
}
