namespace HealingNetwork.Availability.Tests.Api;

/// <summary>TestServer answers HTTP/1.1; grpc-dotnet wants the response version to match its HTTP/2 request.</summary>
internal sealed class ResponseVersionHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        response.Version = request.Version;
        return response;
    }
}
