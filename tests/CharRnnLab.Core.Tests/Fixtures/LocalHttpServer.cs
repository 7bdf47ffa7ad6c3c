using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>What the test server received: the path and the Range header's start offset, if any.</summary>
public sealed record ServedRequest(string Path, long? RangeFrom);

/// <summary>
/// How the test server answers: <paramref name="SendBytes"/> cuts the body short (then closes),
/// <paramref name="Hang"/> sends what it has and then keeps the connection open without a byte more,
/// <paramref name="NoLength"/> sends no Content-Length (the body ends when the connection closes).
/// </summary>
public sealed record ServerReply(int Status, byte[] Body, string? ContentRange = null, long? ContentLength = null, int? SendBytes = null,
    bool Hang = false, bool NoLength = false)
{
    /// <summary>A file that honours "Range: bytes=N-" (206, or 416 when N is past the end) unless <paramref name="honourRange"/> is false.</summary>
    public static ServerReply File(byte[] content, ServedRequest request, bool honourRange = true)
    {
        if (!honourRange || request.RangeFrom is not { } from) return new ServerReply(200, content);
        if (from >= content.Length) return new ServerReply(416, [], ContentRange: $"bytes */{content.Length}");
        return new ServerReply(206, content[(int)from..], ContentRange: $"bytes {from}-{content.Length - 1}/{content.Length}");
    }

    public static ServerReply NotFound() => new(404, Encoding.ASCII.GetBytes("not found"));
}

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, one request per connection, for download
/// tests. Routes map a path to a reply; every request is logged. Stops on dispose.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<ServedRequest, ServerReply>> _routes = new();
    private readonly Task _acceptLoop;

    public ConcurrentQueue<ServedRequest> Requests { get; } = new();

    public LocalHttpServer()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    public void Map(string path, Func<ServedRequest, ServerReply> reply) => _routes[path] = reply;

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException) { }
        catch (SocketException) { }
        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                Requests.Enqueue(request);
                var reply = _routes.TryGetValue(request.Path, out var route) ? route(request) : ServerReply.NotFound();
                await WriteReplyAsync(stream, reply);
                if (reply.Hang) await Task.Delay(Timeout.Infinite, _stop.Token);
            }
            catch (OperationCanceledException) { }
            catch (IOException) { }
        }
    }

    private async Task<ServedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer, _stop.Token) == 1)
            head.Append((char)buffer[0]);
        string text = head.ToString();
        string path = text.Split(' ')[1];
        var range = Regex.Match(text, @"(?im)^Range:\s*bytes=(\d+)-\s*$");
        return new ServedRequest(path, range.Success ? long.Parse(range.Groups[1].Value) : null);
    }

    private async Task WriteReplyAsync(NetworkStream stream, ServerReply reply)
    {
        var head = new StringBuilder($"HTTP/1.1 {reply.Status} {Reason(reply.Status)}\r\n");
        if (!reply.NoLength) head.Append($"Content-Length: {reply.ContentLength ?? reply.Body.Length}\r\n");
        if (reply.ContentRange is not null) head.Append($"Content-Range: {reply.ContentRange}\r\n");
        head.Append("Content-Type: application/octet-stream\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
        await stream.WriteAsync(reply.Body.AsMemory(0, reply.SendBytes ?? reply.Body.Length), _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK", 206 => "Partial Content", 404 => "Not Found", 416 => "Range Not Satisfiable", _ => "Status",
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }
}
