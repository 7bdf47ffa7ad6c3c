using System.Net;
using System.Security.Cryptography;
using System.Text;
using CharRnnLab.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Security;

/// <summary>
/// Decides, for each request, whether it needs the access token (as Jupyter does beyond loopback):
/// always if configured, else unless it was made on this computer straight to a loopback address.
/// Holds the token (configured, or random per start).
/// </summary>
public sealed class AccessGate
{
    private readonly LabOptions _options;
    private readonly IServer _server;
    private readonly byte[] _tokenBytes;

    public AccessGate(IOptions<LabOptions> options, IServer server)
    {
        _options = options.Value;
        _server = server;
        Token = string.IsNullOrEmpty(_options.AccessToken) ? NewToken() : _options.AccessToken;
        _tokenBytes = Encoding.UTF8.GetBytes(Token);
    }

    public string Token { get; }

    public bool AlwaysRequired => _options.AccessTokenMode == AccessTokenMode.Always;

    public IReadOnlyCollection<string> Addresses =>
        _server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>
    /// Decided per connection, never cached: a reverse proxy, a tunnel or a port forward can relay
    /// other machines' requests to a loopback listener. Both ends of the connection must be loopback
    /// and no proxy header may be present; anything else (or no connection info) needs the token.
    /// </summary>
    public bool IsRequiredFor(HttpContext context) =>
        AlwaysRequired ||
        !IsLoopback(context.Connection.LocalIpAddress) ||
        !IsLoopback(context.Connection.RemoteIpAddress) ||
        ProxyHeaders.IsForwarded(context.Request);

    /// <summary>For the start-up message: whether a direct request to this listen address needs the token.</summary>
    public bool IsRequiredAt(string address) => AlwaysRequired || !ListenAddresses.IsLoopback(address);

    /// <summary>Constant-time comparison, so the token cannot be guessed byte by byte from timings.</summary>
    public bool IsValid(string? candidate) =>
        !string.IsNullOrEmpty(candidate) &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _tokenBytes);

    // Kestrel's dual-mode sockets report ::ffff:127.0.0.1, which IPAddress.IsLoopback does not count.
    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
