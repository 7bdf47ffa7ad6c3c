using System.Net;
using System.Security.Cryptography;
using System.Text;
using CharRnnLab.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Security;

/// <summary>
/// Decides whether requests need the access token (as Jupyter does): when the server listens
/// beyond loopback, or always if configured. Holds the token (configured, or random per start).
/// </summary>
public sealed class AccessGate
{
    private readonly LabOptions _options;
    private readonly IServer _server;
    private readonly byte[] _tokenBytes;
    private bool? _beyondLoopback;

    public AccessGate(IOptions<LabOptions> options, IServer server)
    {
        _options = options.Value;
        _server = server;
        Token = string.IsNullOrEmpty(_options.AccessToken) ? NewToken() : _options.AccessToken;
        _tokenBytes = Encoding.UTF8.GetBytes(Token);
    }

    public string Token { get; }

    /// <summary>Whether requests must carry the token. Decided from the addresses the server listens on.</summary>
    public bool IsRequired => _options.AccessTokenMode == AccessTokenMode.Always || ListensBeyondLoopback;

    public IReadOnlyCollection<string> Addresses =>
        _server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    private bool ListensBeyondLoopback
    {
        get
        {
            if (_beyondLoopback is { } known) return known;
            var addresses = Addresses;
            // Before the server has bound, fail closed: require the token.
            if (addresses.Count == 0) return true;
            _beyondLoopback = addresses.Any(a => !IsLoopback(a));
            return _beyondLoopback.Value;
        }
    }

    /// <summary>Constant-time comparison, so the token cannot be guessed byte by byte from timings.</summary>
    public bool IsValid(string? candidate) =>
        !string.IsNullOrEmpty(candidate) &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _tokenBytes);

    /// <summary>True for http://127.0.0.1:5000, http://localhost:5000, http://[::1]:5000; false for
    /// 0.0.0.0, [::], *, + and any other host (which all accept connections from other machines).</summary>
    public static bool IsLoopback(string address)
    {
        var host = HostOf(address);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    private static string HostOf(string address)
    {
        var rest = address.Contains("://") ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        rest = rest.Split('/')[0];
        if (rest.StartsWith('[')) return rest[..(rest.IndexOf(']') + 1)];
        int colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
