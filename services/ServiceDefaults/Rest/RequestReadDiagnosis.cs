using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// Why JSON transcoding could not read a REST request, checked in the order transcoding reads
/// it: the content type, the body, then the query string.
/// </summary>
internal static class RequestReadDiagnosis
{
    public static async Task<RequestReadError> FindAsync(HttpRequest request, GrpcJsonTranscodingMetadata method)
    {
        var input = method.MethodDescriptor.InputType;
        var bodyField = method.HttpRule.Body;
        if (bodyField.Length > 0)
        {
            if (!IsJson(request.ContentType))
                return new RequestReadError("The request body must be JSON, sent with Content-Type: application/json.", null);
            if (await ReadBodyAsync(request) is not { } body)
                return new RequestReadError("The request body could not be read in full.", null);
            if (JsonBodyDiagnosis.Find(body, input, bodyField) is { } bodyError) return bodyError;
        }
        return QueryDiagnosis.Find(request.Query, input) ?? RequestReadError.Unexplained;
    }

    /// <summary>application/json or any +json type, as transcoding accepts.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body again, from the buffer <see cref="JsonRequestErrorMiddleware"/> enabled; null if it cannot be had.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek) return null;
        try
        {
            request.Body.Position = 0;
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
            return copy.ToArray();
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }
}
