using System.Net.WebSockets;
using System.Text;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>
/// A hub client that completes SignalR's handshake over a real WebSocket and then never reads
/// again, as a frozen browser tab or a program stuck in an event handler: what the server sends
/// piles up in the socket buffers until the server's writes to it wait.
/// </summary>
public sealed class StalledHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket = new();

    private StalledHubClient() { }

    public static async Task<StalledHubClient> ConnectAsync(LabHost lab)
    {
        var client = new StalledHubClient();
        client._socket.Options.SetBuffer(1024, 1024); // small client-side buffers: it stalls sooner
        var url = new Uri(lab.BaseAddress.ToString().Replace("http://", "ws://") + "hubs/training");
        await client._socket.ConnectAsync(url, CancellationToken.None);
        await client._socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"protocol\":\"json\",\"version\":1}}{RecordSeparator}"),
            WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var answer = new byte[1024];
        var handshake = await client._socket.ReceiveAsync(answer, CancellationToken.None); // "{}" + separator: connected
        if (Encoding.UTF8.GetString(answer, 0, handshake.Count) != $"{{}}{RecordSeparator}")
            throw new InvalidOperationException("The hub refused the handshake: " + Encoding.UTF8.GetString(answer, 0, handshake.Count));
        return client;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
