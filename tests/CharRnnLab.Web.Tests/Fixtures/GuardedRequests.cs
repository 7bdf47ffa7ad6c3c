using System.Net;
using System.Net.WebSockets;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>Requests the way a browser, a proxy or another site's page would send them to a running lab.</summary>
public static class GuardedRequests
{
    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with the given headers (Host included) and no redirects followed.</summary>
    public static async Task<HttpResponseMessage> SendAsync(LabHost lab, HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = lab.BaseAddress };
        var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)) request.Headers.Host = value;
            else request.Headers.TryAddWithoutValidation(name, value);
        }
        return await http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(LabHost lab, string path, params (string Name, string Value)[] headers) =>
        SendAsync(lab, HttpMethod.Get, path, headers);

    /// <summary>SignalR's negotiate, as a browser's fetch sends it.</summary>
    public static Task<HttpResponseMessage> NegotiateAsync(LabHost lab, string endpoint, string origin) =>
        SendAsync(lab, HttpMethod.Post, $"{endpoint}/negotiate?negotiateVersion=1", ("Origin", origin));

    /// <summary>Opens a real WebSocket to <paramref name="path"/> with this Origin; returns the handshake's HTTP status (101 = accepted).</summary>
    public static async Task<HttpStatusCode> WebSocketStatusAsync(LabHost lab, string path, string origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        var url = new Uri(lab.BaseAddress.ToString().Replace("http://", "ws://") + path.TrimStart('/'));
        try
        {
            await socket.ConnectAsync(url, CancellationToken.None);
            return socket.HttpStatusCode;
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
    }
}
