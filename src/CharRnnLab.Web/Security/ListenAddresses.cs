using System.Net;

namespace CharRnnLab.Web.Security;

/// <summary>Reads the server's listen addresses (http://127.0.0.1:5000, http://0.0.0.0:5000, http://[::1]:5000).</summary>
public static class ListenAddresses
{
    /// <summary>Hosts that mean "every interface" in Kestrel's --urls.</summary>
    private static readonly string[] Wildcards = ["0.0.0.0", "[::]", "*", "+"];

    /// <summary>True for http://127.0.0.1:5000, http://localhost:5000, http://[::1]:5000; false for
    /// 0.0.0.0, [::], *, + and any other host (which all accept connections from other machines).</summary>
    public static bool IsLoopback(string address)
    {
        var host = HostOf(address);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public static bool IsWildcard(string address) => Wildcards.Contains(HostOf(address));

    /// <summary>The host part: "http://[::1]:5000/" → "[::1]", "http://0.0.0.0:5000" → "0.0.0.0".</summary>
    public static string HostOf(string address)
    {
        var rest = address.Contains("://") ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        rest = rest.Split('/')[0];
        if (rest.StartsWith('[')) return rest[..(rest.IndexOf(']') + 1)];
        int colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    /// <summary>http://0.0.0.0:5000 → http://hostname:5000, an address someone can actually open.</summary>
    public static string Browsable(string address)
    {
        var trimmed = address.TrimEnd('/');
        if (!IsWildcard(trimmed)) return trimmed;
        var host = HostOf(trimmed);
        return trimmed.Replace($"://{host}", $"://{Dns.GetHostName()}", StringComparison.Ordinal);
    }
}
