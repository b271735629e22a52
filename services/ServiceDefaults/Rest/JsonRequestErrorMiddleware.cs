using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using HttpResponse = Microsoft.AspNetCore.Http.HttpResponse;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Grpc.AspNetCore.Server;
using HealingNetwork.ServiceDefaults.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// A REST request that JSON transcoding cannot turn into the request message (broken JSON, an
/// enum name the enum lacks, null for a list, text where a number belongs, a bad query value)
/// is refused by grpc-dotnet before any interceptor runs, with the .NET exception's own text as
/// the message ("Error converting value ... to enum type HealingNetwork...", "Unable to assign
/// 'null' to ... RepeatedField`1"), and grpc-dotnet has no hook to word it otherwise. So for
/// transcoded endpoints only: the request body is buffered, and when the call ends as a 400
/// without its handler having run (<see cref="TranscodedCallMarker"/>), grpc-dotnet's answer is
/// dropped and replaced by INVALID_ARGUMENT naming the field in a google.rpc.BadRequest: the
/// JSON shape of every other validation error. Readable requests pass through unchanged.
/// A body over the service's message limit is 413 RESOURCE_EXHAUSTED instead (see <see cref="RequestTooLarge"/>):
/// up front when Content-Length announces it, else as soon as reading passes the limit
/// (<see cref="RequestBodyLimitStream"/>).
/// </summary>
public sealed class JsonRequestErrorMiddleware(
    RequestDelegate next, IOptions<GrpcServiceOptions> grpcOptions, ILogger<JsonRequestErrorMiddleware> logger)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default
        .WithFormatDefaultValues(true)
        .WithTypeRegistry(TypeRegistry.FromMessages(BadRequest.Descriptor)));

    /// <summary>Compact and with the same escaping as the JSON transcoding writes every other error.</summary>
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } method)
        {
            await next(context);
            return;
        }
        var maxBytes = grpcOptions.Value.MaxReceiveMessageSize;
        if (method.HttpRule.Body.Length > 0 && maxBytes is { } limit && context.Request.ContentLength > limit)
        {
            await WriteAsync(context.Response, StatusCodes.Status413PayloadTooLarge, Code.ResourceExhausted, RequestTooLarge.Message(limit), null);
            return;
        }
        var call = new TranscodedCall();
        context.Features.Set(call);
        RequestBodyLimitStream? limited = null;
        if (method.HttpRule.Body.Length > 0)
        {
            if (maxBytes is { } max) context.Request.Body = limited = new RequestBodyLimitStream(context.Request.Body, max);
            context.Request.EnableBuffering();
        }

        var body = context.Response.Body;
        var guarded = new RefusedReadResponseStream(body,
            () => limited?.Exceeded == true || (context.Response.StatusCode == StatusCodes.Status400BadRequest && !call.HandlerReached));
        context.Response.Body = guarded;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        if (!guarded.Dropped) return;
        if (limited is { Exceeded: true })
        {
            await WriteAsync(context.Response, StatusCodes.Status413PayloadTooLarge, Code.ResourceExhausted, RequestTooLarge.Message(limited.MaxBytes), null);
            return;
        }
        var error = await ExplainAsync(context.Request, method);
        await WriteAsync(context.Response, StatusCodes.Status400BadRequest, Code.InvalidArgument, error.Message, error.Violation);
    }

    /// <summary>The request is refused either way; a flaw in explaining why must not make it a 500.</summary>
    private async Task<RequestReadError> ExplainAsync(HttpRequest request, GrpcJsonTranscodingMetadata method)
    {
        try
        {
            return await RequestReadDiagnosis.FindAsync(request, method);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not explain why {Method} could not read a REST request", method.MethodDescriptor.FullName);
            return RequestReadError.Unexplained;
        }
    }

    private static Task WriteAsync(HttpResponse response, int httpStatus, Code code, string message, FieldViolation? violation)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (violation is { } v)
            status.Details.Add(Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description } } }));
        response.StatusCode = httpStatus;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonNode.Parse(Formatter.Format(status))!.ToJsonString(Compact));
    }
}
